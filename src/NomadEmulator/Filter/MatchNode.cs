namespace Nomad.Emulator.Filter;

/// <summary>One comparison: a selector path (<c>Meta.owner</c> → <c>["Meta","owner"]</c>), an operator and a literal.</summary>
public sealed record MatchNode(IReadOnlyList<string> Selector, MatchOperator Operator, string? Value) : FilterNode
{
    /// <summary>The selector as go-bexpr prints it in errors, a JSON pointer: <c>/Meta/owner</c>.</summary>
    public string JsonPath => "/" + string.Join('/', Selector);

    /// <summary>
    /// What a comparison against a missing map key gives (go-bexpr <c>NotPresentDisposition</c>): false for
    /// <c>==</c>, <c>in</c>, <c>is not empty</c>, <c>matches</c>; true for their negations and <c>is empty</c>.
    /// </summary>
    public bool NotPresentResult => Operator is MatchOperator.NotEqual or MatchOperator.NotIn or MatchOperator.IsEmpty or MatchOperator.NotMatches;
}
