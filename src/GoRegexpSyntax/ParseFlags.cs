namespace GoRegexpSyntax;

/// <summary>The parser flags of Go's regexp/syntax that the Perl mode and its <c>(?imsU)</c> groups change.</summary>
[Flags]
internal enum ParseFlags
{
    None = 0,

    /// <summary><c>(?i)</c>: case-insensitive.</summary>
    FoldCase = 1,

    /// <summary><c>(?s)</c>: <c>.</c> matches a newline.</summary>
    DotNewline = 2,

    /// <summary>Set unless <c>(?m)</c>: <c>^</c> and <c>$</c> match only at the start and end of the text.</summary>
    OneLine = 4,

    /// <summary><c>(?U)</c>: repetitions are lazy unless followed by <c>?</c>.</summary>
    NonGreedy = 8,

    /// <summary>On an end-of-text node: written <c>$</c>, not <c>\z</c> (Go's <c>WasDollar</c>, which <c>Equal</c> compares).</summary>
    WasDollar = 16,
}
