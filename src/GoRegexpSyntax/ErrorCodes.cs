namespace GoRegexpSyntax;

/// <summary>
/// The error codes of Go's regexp/syntax (parse.go's <c>ErrorCode</c> constants) that Go 1.26's parser can return
/// for the Perl flags (Go 1.20 added <c>ErrLarge</c>, "expression too large").
/// </summary>
public static class ErrorCodes
{
    public const string InvalidCharClass = "invalid character class";
    public const string InvalidCharRange = "invalid character class range";
    public const string InvalidEscape = "invalid escape sequence";
    public const string InvalidNamedCapture = "invalid named capture";
    public const string InvalidPerlOp = "invalid or unsupported Perl syntax";
    public const string InvalidRepeatOp = "invalid nested repetition operator";
    public const string InvalidRepeatSize = "invalid repeat count";
    public const string InvalidUtf8 = "invalid UTF-8";
    public const string MissingBracket = "missing closing ]";
    public const string MissingParen = "missing closing )";
    public const string MissingRepeatArgument = "missing argument to repetition operator";
    public const string TrailingBackslash = "trailing backslash at end of expression";
    public const string UnexpectedParen = "unexpected )";
    public const string NestingDepth = "expression nests too deeply";
    public const string Large = "expression too large";
}
