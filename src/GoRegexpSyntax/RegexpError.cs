namespace GoRegexpSyntax;

/// <summary>
/// A pattern Go's regexp/syntax refuses: its error code and the offending part of the pattern, printed as Go's
/// <c>*syntax.Error</c> prints itself.
/// </summary>
/// <param name="Code">The error code's text, one of <see cref="ErrorCodes"/>.</param>
/// <param name="Expr">The part of the pattern Go names.</param>
public sealed record RegexpError(string Code, string Expr)
{
    /// <summary>Go's text: <c>error parsing regexp: CODE: `EXPR`</c>.</summary>
    public string Message => $"error parsing regexp: {Code}: `{Expr}`";
}
