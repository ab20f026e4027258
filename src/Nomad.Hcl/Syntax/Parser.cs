using Nomad.Hcl.Diagnostics;

namespace Nomad.Hcl.Syntax;

/// <summary>
/// Recursive-descent parser for HCL's native syntax, with hclsyntax's error summaries. It never throws to
/// its caller: after an error in a body item it records one diagnostic and resumes at the next line.
/// </summary>
public sealed partial class Parser
{
    private const int MaxDepth = 200;

    private readonly TokenStream _tokens;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _file;
    private int _depth;

    /// <summary>
    /// hclsyntax's recovery mode: set once any error was recovered from; from then on the parser's follow-on
    /// errors (those hclsyntax reports only when <c>!p.recovery</c>) are not recorded.
    /// </summary>
    private bool _recovery;

    private Parser(List<Token> tokens, DiagnosticBag diagnostics, string file)
    {
        _tokens = new TokenStream(tokens);
        _diagnostics = diagnostics;
        _file = file;
    }

    /// <summary>Parses a whole configuration file into its root body.</summary>
    public static Body ParseConfig(string source, string fileName, DiagnosticBag diagnostics)
    {
        var tokens = Lexer.Scan(source, fileName);
        CheckInvalidTokens(tokens, diagnostics);
        var parser = new Parser(tokens, diagnostics, fileName);
        return parser.ParseBody(TokenKind.EndOfFile, default, out _);
    }

    /// <summary>Parses a single expression (as in a var-file value or a test).</summary>
    public static Expression? ParseExpression(string source, string fileName, DiagnosticBag diagnostics)
    {
        var tokens = Lexer.Scan(source, fileName);
        CheckInvalidTokens(tokens, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var parser = new Parser(tokens, diagnostics, fileName);
        parser._tokens.PushIncludeNewlines(false);
        try
        {
            var expr = parser.Expr();
            var next = parser._tokens.Peek();
            if (next.Kind != TokenKind.EndOfFile)
            {
                diagnostics.Add("Extra characters after expression", "An expression was successfully parsed, but extra characters were found after it.", next.Range);
                return null;
            }

            return expr;
        }
        catch (ParseAbortedException)
        {
            return null;
        }
    }

    /// <summary>hclsyntax's checkInvalidTokens: the scanner's errors, recorded before any parse error.</summary>
    private static void CheckInvalidTokens(List<Token> tokens, DiagnosticBag diagnostics)
    {
        int bitwise = 0, backticks = 0, apostrophes = 0, semicolons = 0;
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.QuotedNewline)
            {
                diagnostics.Add("Invalid multi-line string", "Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the \"heredoc\" multi-line template syntax.", token.Range);
                continue;
            }

            if (token.Kind != TokenKind.Invalid)
            {
                continue;
            }

            switch (token.Text)
            {
                case "&" or "|" or "^" or "~":
                    if (bitwise++ < 4)
                    {
                        var suggestion = token.Text switch
                        {
                            "&" => " Did you mean boolean AND (\"&&\")?",
                            "|" => " Did you mean boolean OR (\"||\")?",
                            "~" => " Did you mean boolean NOT (\"!\")?",
                            _ => "",
                        };
                        diagnostics.Add("Unsupported operator", $"Bitwise operators are not supported.{suggestion}", token.Range);
                    }

                    break;
                case "`":
                    // Only every other one is reported (the start of a backtick-quoted string, not its end).
                    if (backticks % 2 == 0)
                    {
                        diagnostics.Add("Invalid character", "The \"`\" character is not valid. To create a multi-line string, use the \"heredoc\" syntax, like \"<<EOT\".", token.Range);
                    }

                    backticks = Math.Min(backticks + 1, 3);
                    break;
                case "'":
                    if (apostrophes % 2 == 0)
                    {
                        diagnostics.Add("Invalid character", "Single quotes are not valid. Use double quotes (\") to enclose strings.", token.Range);
                    }

                    apostrophes = Math.Min(apostrophes + 1, 3);
                    break;
                case ";":
                    if (semicolons++ < 1)
                    {
                        diagnostics.Add("Invalid character", "The \";\" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.", token.Range);
                    }

                    break;
                case "\u201c" or "\u201d":
                    diagnostics.Add("Invalid character", "\"Curly quotes\" are not valid here. These can sometimes be inadvertently introduced when sharing code via documents or discussion forums. It might help to replace the character with a \"straight quote\".", token.Range);
                    break;
                default:
                    diagnostics.Add("Invalid character", "This character is not used within the language.", token.Range);
                    break;
            }
        }
    }

    private ParseAbortedException Fail(string summary, string detail, SourceRange range)
    {
        if (!_recovery || !IsFollowOnError(summary, detail))
        {
            _diagnostics.Add(summary, detail, range);
        }

        return new ParseAbortedException(summary);
    }

    /// <summary>The errors hclsyntax's parser records only when not in recovery mode (guarded by <c>!p.recovery</c>).</summary>
    private static bool IsFollowOnError(string summary, string detail) => summary switch
    {
        "Argument or block definition required" => detail == "An argument or block definition is required here.",
        "Invalid block definition" => detail.StartsWith("Either a quoted string", StringComparison.Ordinal),
        "Invalid single-argument block definition" => detail.StartsWith("A single-line block definition must end", StringComparison.Ordinal),
        "Invalid argument name" or "Unclosed configuration block" or "Missing newline after argument" or "Unexpected comma after argument"
            or "Missing newline after block definition" or "Invalid attribute name" or "Missing close bracket on splat index"
            or "Missing close bracket on index" or "Missing expression" or "Invalid expression" or "Missing closing parenthesis"
            or "Missing item separator" or "Missing attribute value" or "Missing key/value separator" or "Missing attribute separator"
            or "Invalid 'for' expression" or "Unterminated object constructor expression" or "Unterminated template string" => true,
        _ => false,
    };

    /// <summary>hclsyntax's <c>p.recover(close)</c> in a bracketed construct: skip past its closing bracket.</summary>
    private void RecoverPast(int openIndex)
    {
        _recovery = true;
        _tokens.SkipPastMatching(openIndex);
    }

    private void Enter(SourceRange at)
    {
        if (++_depth > MaxDepth)
        {
            throw Fail("Nesting too deep", "This configuration nests blocks or expressions too deeply to be parsed.", at);
        }
    }

    private void Leave() => _depth--;

    // ---------------------------------------------------------------- bodies

    private Body ParseBody(TokenKind end, SourcePosition start, out Token endToken)
    {
        var attributes = new List<Attribute>();
        var blocks = new List<Block>();
        var first = _tokens.PeekRaw().Range;
        var bodyStart = start == default ? first.Start : start;
        while (true)
        {
            var next = _tokens.PeekRaw();
            if (next.Kind == end || next.Kind == TokenKind.EndOfFile)
            {
                endToken = next;
                var body = new Body(attributes, blocks, new SourceRange(_file, bodyStart, next.Range.End));
                return body;
            }

            if (next.Kind == TokenKind.Newline)
            {
                _tokens.ReadRaw();
                continue;
            }

            if (next.Kind != TokenKind.Ident)
            {
                // hclsyntax ParseBody: a token that cannot start an item ends the body (recover to its end).
                _tokens.ReadRaw();
                if (!_recovery)
                {
                    if (next.Kind == TokenKind.OQuote)
                    {
                        _diagnostics.Add("Invalid argument name", "Argument names must not be quoted.", next.Range);
                    }
                    else
                    {
                        _diagnostics.Add("Argument or block definition required", "An argument or block definition is required here.", next.Range);
                    }
                }

                _recovery = true;
                _tokens.SkipToBodyEnd(end);
                continue;
            }

            var depth = _depth;
            var newlineModes = _tokens.NewlineModeDepth;
            try
            {
                ParseBodyItem(attributes, blocks);
            }
            catch (ParseAbortedException)
            {
                _recovery = true;
                _depth = depth;
                _tokens.ResetNewlineModes(newlineModes);
                RecoverAfterBodyItem();
            }
        }
    }

    // The token hclsyntax's recoverAfterBodyItem leaves next: it reads up to a newline outside any bracket it saw open
    // (a closer pops back to its opener), and the token after that newline is what its caller peeks. Looks ahead only.
    private Token PeekAfterHclRecovery()
    {
        var snapshot = _tokens.Snapshot();
        var open = new List<TokenKind>();
        try
        {
            while (true)
            {
                var token = _tokens.ReadRaw();
                switch (token.Kind)
                {
                    case TokenKind.EndOfFile:
                        return token;
                    case TokenKind.Newline when open.Count == 0:
                        return _tokens.PeekRaw();
                    case TokenKind.OBrace or TokenKind.OBrack or TokenKind.OParen or TokenKind.OQuote or TokenKind.OHeredoc or TokenKind.TemplateInterp or TokenKind.TemplateControl:
                        open.Add(token.Kind);
                        break;
                    case TokenKind.CBrace or TokenKind.CBrack or TokenKind.CParen or TokenKind.CQuote or TokenKind.CHeredoc or TokenKind.TemplateSeqEnd:
                        var opener = token.Kind switch
                        {
                            TokenKind.CBrace => TokenKind.OBrace,
                            TokenKind.CBrack => TokenKind.OBrack,
                            TokenKind.CParen => TokenKind.OParen,
                            TokenKind.CQuote => TokenKind.OQuote,
                            TokenKind.CHeredoc => TokenKind.OHeredoc,
                            _ => TokenKind.TemplateInterp,
                        };
                        while (open.Count > 0 && open[^1] != opener && !(opener == TokenKind.TemplateInterp && open[^1] == TokenKind.TemplateControl))
                        {
                            open.RemoveAt(open.Count - 1);
                        }

                        if (open.Count > 0)
                        {
                            open.RemoveAt(open.Count - 1);
                        }

                        break;
                }
            }
        }
        finally
        {
            _tokens.Restore(snapshot);
        }
    }

    private void RecoverAfterBodyItem()
    {
        var depth = 0;
        while (true)
        {
            var token = _tokens.PeekRaw();
            switch (token.Kind)
            {
                case TokenKind.EndOfFile:
                    return;
                case TokenKind.Newline when depth == 0:
                    _tokens.ReadRaw();
                    return;
                case TokenKind.CBrace or TokenKind.CBrack or TokenKind.CParen or TokenKind.CQuote or TokenKind.CHeredoc or TokenKind.TemplateSeqEnd:
                    if (depth == 0)
                    {
                        if (token.Kind == TokenKind.CBrace)
                        {
                            return;
                        }

                        _tokens.ReadRaw();
                        continue;
                    }

                    depth--;
                    break;
                case TokenKind.OBrace or TokenKind.OBrack or TokenKind.OParen or TokenKind.OQuote or TokenKind.OHeredoc or TokenKind.TemplateInterp or TokenKind.TemplateControl:
                    depth++;
                    break;
            }

            _tokens.ReadRaw();
        }
    }

    private void ParseBodyItem(List<Attribute> attributes, List<Block> blocks)
    {
        var ident = _tokens.ReadRaw();
        if (ident.Kind != TokenKind.Ident)
        {
            throw Fail("Argument or block definition required", "An argument or block definition is required here.", ident.Range);
        }

        var next = _tokens.PeekRaw();
        switch (next.Kind)
        {
            case TokenKind.Equal:
                var attribute = FinishAttribute(ident, singleLine: false);
                var existing = attributes.FirstOrDefault(a => a.Name == attribute.Name);
                if (existing is not null)
                {
                    _diagnostics.Add("Attribute redefined", $"The argument \"{attribute.Name}\" was already set at {existing.NameRange}. Each argument may be set only once.", attribute.NameRange);
                }
                else
                {
                    attributes.Add(attribute);
                }

                return;
            case TokenKind.OQuote or TokenKind.OBrace or TokenKind.Ident:
                blocks.Add(FinishBlock(ident));
                return;
            default:
                throw Fail("Argument or block definition required", "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.", ident.Range);
        }
    }

    private Attribute FinishAttribute(Token ident, bool singleLine)
    {
        _tokens.ReadRaw(); // '='
        var expr = Expr();
        if (!singleLine)
        {
            var end = _tokens.PeekRaw();
            if (end.Kind != TokenKind.Newline && end.Kind != TokenKind.EndOfFile)
            {
                if (end.Kind == TokenKind.Comma)
                {
                    throw Fail("Unexpected comma after argument", "Argument definitions must be separated by newlines, not commas. An argument definition must end with a newline.", end.Range);
                }

                throw Fail("Missing newline after argument", "An argument definition must end with a newline.", end.Range);
            }
        }

        return new Attribute(ident.Text, expr, ident.Range, SourceRange.Between(ident.Range, expr.Range));
    }

    private Block FinishBlock(Token ident)
    {
        var labels = new List<string>();
        var labelRanges = new List<SourceRange>();
        while (true)
        {
            var next = _tokens.PeekRaw();
            if (next.Kind == TokenKind.OBrace)
            {
                break;
            }

            if (next.Kind == TokenKind.Ident)
            {
                _tokens.ReadRaw();
                labels.Add(next.Text);
                labelRanges.Add(next.Range);
                continue;
            }

            if (next.Kind == TokenKind.OQuote)
            {
                var open = _tokens.ReadRaw();
                var literal = _tokens.ReadRaw();
                string text;
                Token close;
                if (literal.Kind == TokenKind.CQuote)
                {
                    text = "";
                    close = literal;
                }
                else if (literal.Kind == TokenKind.QuotedLit)
                {
                    text = Unescape(literal, quoted: true);
                    close = _tokens.ReadRaw();
                }
                else
                {
                    throw InvalidLabel(literal);
                }

                if (close.Kind != TokenKind.CQuote)
                {
                    throw InvalidLabel(close);
                }

                labels.Add(text);
                labelRanges.Add(SourceRange.Between(open.Range, close.Range));
                continue;
            }

            if (next.Kind is TokenKind.Equal)
            {
                throw Fail("Invalid block definition", "The equals sign \"=\" indicates an argument definition, and must not be used when defining a block.", next.Range);
            }

            if (next.Kind is TokenKind.Newline)
            {
                throw Fail("Invalid block definition", "A block definition must have block content delimited by \"{\" and \"}\", starting on the same line as the block header.", next.Range);
            }

            throw Fail("Invalid block definition", "Either a quoted string block label or an opening brace (\"{\") is expected here.", next.Range);
        }

        var openBrace = _tokens.ReadRaw();
        Enter(openBrace.Range);
        Body body;
        Token closeBrace;
        if (_tokens.PeekRaw().Kind is not (TokenKind.Newline or TokenKind.CBrace or TokenKind.EndOfFile))
        {
            body = ParseSingleLineBody(openBrace, out closeBrace);
        }
        else
        {
            body = ParseBody(TokenKind.CBrace, openBrace.Range.End, out closeBrace);
            if (closeBrace.Kind != TokenKind.CBrace)
            {
                throw Fail("Unclosed configuration block", "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.", openBrace.Range);
            }

            _tokens.ReadRaw();
        }

        Leave();
        var after = _tokens.PeekRaw();
        if (after.Kind is not (TokenKind.Newline or TokenKind.EndOfFile))
        {
            throw Fail("Missing newline after block definition", "A block definition must end with a newline.", after.Range);
        }

        return new Block(ident.Text, labels, labelRanges, body, ident.Range, openBrace.Range, SourceRange.Between(ident.Range, closeBrace.Range));
    }

    private ParseAbortedException InvalidLabel(Token token) => token.Kind is TokenKind.TemplateInterp or TokenKind.TemplateControl
        ? Fail("Invalid string literal", "Template sequences are not allowed in this string. To include a literal \"$\", double it (as \"$$\") to escape it.", token.Range)
        : token.Kind == TokenKind.QuotedNewline
            ? Fail("Invalid multi-line string", "Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the \"heredoc\" multi-line template syntax.", token.Range)
            : Fail("Unterminated template string", "No closing marker was found for the string.", token.Range);

    /// <summary>
    /// hclsyntax's parseSingleAttrBody recovers after a failed item (which sets recovery mode), then
    /// finishParsingBodyBlock checks what follows for the block's close: a newline or a comma is reported even in
    /// recovery mode, and ahead of the item's own error (the body's diagnostics are appended last); a "}" is fine and
    /// anything else is silent in recovery mode.
    /// </summary>
    private void CheckCloseAfterHclRecovery()
    {
        var after = PeekAfterHclRecovery();
        if (after.Kind is TokenKind.Newline or TokenKind.Comma)
        {
            _diagnostics.Add("Invalid single-argument block definition", after.Kind == TokenKind.Comma
                ? "Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line."
                : "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.", after.Range);
        }
    }

    private Body ParseSingleLineBody(Token openBrace, out Token closeBrace)
    {
        var ident = _tokens.ReadRaw();
        if (ident.Kind != TokenKind.Ident)
        {
            // A lone "\r" (an invalid token) right after "{" lands here, as in hclsyntax's parseSingleAttrBody.
            CheckCloseAfterHclRecovery();
            throw Fail("Argument or block definition required", "An argument or block definition is required here.", ident.Range);
        }

        var next = _tokens.PeekRaw();
        if (next.Kind is TokenKind.OQuote or TokenKind.OBrace or TokenKind.Ident)
        {
            CheckCloseAfterHclRecovery();
            throw Fail("Argument definition required", $"A single-line block definition can contain only a single argument. If you meant to define argument \"{ident.Text}\", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.", SourceRange.Between(ident.Range, next.Range));
        }

        if (next.Kind != TokenKind.Equal)
        {
            CheckCloseAfterHclRecovery();
            throw Fail("Argument or block definition required", "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.", ident.Range);
        }

        var attribute = FinishAttribute(ident, singleLine: true);
        closeBrace = _tokens.PeekRaw();
        switch (closeBrace.Kind)
        {
            case TokenKind.CBrace:
                _tokens.ReadRaw();
                break;
            case TokenKind.Comma:
                throw Fail("Invalid single-argument block definition", "Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.", closeBrace.Range);
            case TokenKind.Newline:
                throw Fail("Invalid single-argument block definition", "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.", closeBrace.Range);
            case TokenKind.EndOfFile:
                throw Fail("Unclosed configuration block", "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.", openBrace.Range);
            default:
                throw Fail("Invalid single-argument block definition", "A single-line block definition must end with a closing brace immediately after its single argument definition.", closeBrace.Range);
        }

        return new Body([attribute], [], SourceRange.Between(openBrace.Range, closeBrace.Range));
    }
}
