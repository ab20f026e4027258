using Nomad.Hcl.Evaluation;

namespace Nomad.Hcl.Functions;

/// <summary>
/// A function callable from HCL: fixed parameters, an optional variadic parameter, and its body. Arguments are
/// converted to the parameter types before the body runs; the body throws <see cref="FunctionException"/> on failure.
/// </summary>
public sealed record HclFunction(
    IReadOnlyList<FunctionParameter> Parameters,
    FunctionParameter? VariadicParameter,
    Func<IReadOnlyList<HclValue>, HclValue> Body);
