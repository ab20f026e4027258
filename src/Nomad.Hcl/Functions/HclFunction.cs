using Nomad.Hcl.Evaluation;

namespace Nomad.Hcl.Functions;

/// <summary>
/// A function callable from HCL: fixed parameters, an optional variadic parameter, and its body. Arguments are
/// converted to the parameter types before the body runs; the body throws <see cref="FunctionException"/> on failure.
/// </summary>
public sealed record HclFunction(
    IReadOnlyList<FunctionParameter> Parameters,
    FunctionParameter? VariadicParameter,
    Func<IReadOnlyList<HclValue>, HclValue> Body)
{
    /// <summary>
    /// Whether the body is given arguments holding unknown values and answers for them itself (cty's AllowUnknown,
    /// with the function's own rule for unknown elements). Otherwise an argument that is not wholly known makes the
    /// result unknown of <see cref="Returns"/> without running the body.
    /// </summary>
    public bool AllowUnknown { get; init; }

    /// <summary>
    /// Whether cty refines the function's unknown result as not null (its RefineResult: every function here but the
    /// ones that can answer null: lookup, element, index, jsondecode, yamldecode, csvdecode).
    /// </summary>
    public bool RefinesNotNull { get; init; } = true;

    /// <summary>The result type cty's Type function gives, when it does not depend on the arguments (null: <c>any</c>).</summary>
    public HclType? Returns { get; init; }
}
