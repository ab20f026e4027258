namespace GoRegexpSyntax;

/// <summary>Go's empty-width operators.</summary>
internal enum Assertion
{
    /// <summary><c>^</c> under <c>(?m)</c>: at the start of the text or after a newline.</summary>
    BeginLine,

    /// <summary><c>$</c> under <c>(?m)</c>: at the end of the text or before a newline.</summary>
    EndLine,

    /// <summary><c>\A</c>, or <c>^</c> without <c>(?m)</c>.</summary>
    BeginText,

    /// <summary><c>\z</c>, or <c>$</c> without <c>(?m)</c> (never before a final newline, unlike Perl).</summary>
    EndText,

    /// <summary><c>\b</c>, between an ASCII word character and a non-word one.</summary>
    WordBoundary,

    /// <summary><c>\B</c>.</summary>
    NoWordBoundary,
}
