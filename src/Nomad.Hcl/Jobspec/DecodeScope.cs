using Nomad.Hcl.Evaluation;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl.Jobspec;

/// <summary>A block after <c>dynamic</c> expansion: its type, labels, body and the scope its expressions see.</summary>
internal sealed record DecodeScope(Block Block, IReadOnlyList<string> Labels, EvaluationContext Context);
