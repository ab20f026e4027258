namespace Nomad.Hcl.Syntax;

/// <summary>The kinds of token HCL's native syntax scanner produces.</summary>
public enum TokenKind
{
    /// <summary>A character that starts no token.</summary>
    Invalid,
    OBrace, CBrace, OBrack, CBrack, OParen, CParen,
    OQuote, CQuote, OHeredoc, CHeredoc,
    Star, Slash, Plus, Minus, Percent,
    Equal, EqualOp, NotEqual, LessThan, LessThanEq, GreaterThan, GreaterThanEq,
    And, Or, Bang, Dot, Comma, Ellipsis, FatArrow, Question, Colon,

    /// <summary><c>::</c>, between the parts of a namespaced function name.</summary>
    DoubleColon,


    /// <summary><c>${</c>, with <see cref="Token.Strip"/> for <c>${~</c>.</summary>
    TemplateInterp,

    /// <summary><c>%{</c>, with <see cref="Token.Strip"/> for <c>%{~</c>.</summary>
    TemplateControl,

    /// <summary>The <c>}</c> (or <c>~}</c>) closing an interpolation or directive.</summary>
    TemplateSeqEnd,

    /// <summary>Literal text of a quoted template (escapes not yet applied).</summary>
    QuotedLit,

    /// <summary>Literal text of a heredoc, at most one line (with its newline).</summary>
    StringLit,
    NumberLit,
    Ident,
    Newline,
    EndOfFile,
    /// <summary>A newline inside a quoted string.</summary>
    QuotedNewline,
    BadUtf8,
}
