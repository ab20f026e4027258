namespace GoRegexpSyntax;

/// <summary>
/// Go's <c>syntax.Op</c> (regexp.go), with Go's numbering: the order matters, as parse.go merges the simpler
/// character class into the more complex one (<c>OpLiteral</c> &lt; <c>OpCharClass</c> &lt; <c>OpAnyCharNotNL</c> &lt;
/// <c>OpAnyChar</c>), and everything from <see cref="LeftParen"/> on is a pseudo-operator of the parse stack.
/// </summary>
internal enum Op : byte
{
    NoMatch = 1,
    EmptyMatch,
    Literal,
    CharClass,
    AnyCharNotNL,
    AnyChar,
    BeginLine,
    EndLine,
    BeginText,
    EndText,
    WordBoundary,
    NoWordBoundary,
    Capture,
    Star,
    Plus,
    Quest,
    Repeat,
    Concat,
    Alternate,

    /// <summary>parse.go's <c>opPseudo</c>, <c>opLeftParen</c>: an open parenthesis on the stack.</summary>
    LeftParen = 128,

    /// <summary><c>opVerticalBar</c>: a <c>|</c> on the stack, above the alternatives parsed so far.</summary>
    VerticalBar,
}
