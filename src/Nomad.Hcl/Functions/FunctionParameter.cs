using Nomad.Hcl.Evaluation;

namespace Nomad.Hcl.Functions;

/// <summary>One parameter of a function: its name (for error messages), its type, and whether null is accepted.</summary>
public sealed record FunctionParameter(string Name, HclType Type, bool AllowNull = false);
