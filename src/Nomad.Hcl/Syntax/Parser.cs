using Nomad.Hcl.Diagnostics;

namespace Nomad.Hcl.Syntax;

/// <summary>
/// Recursive-descent parser for HCL's native syntax, a port of hclsyntax's parser.go and parser_template.go (v2.20):
/// the same diagnostics, and after an error the same recovery (which tokens <c>recover</c>, <c>recoverOver</c> and
/// <c>recoverAfterBodyItem</c> skip, and which later errors recovery mode suppresses), so that the count of further
/// diagnostics equals Nomad's. It never throws to its caller.
/// </summary>
public sealed partial class Parser
{
    private const int MaxDepth = 200;

    private readonly TokenStream _tokens;
    private readonly List<HclDiagnostic> _diags = [];
    private readonly string _file;
    private int _depth;

    /// <summary>
    /// hclsyntax's recovery mode: set once any error was recovered from; from then on the parser's follow-on
    /// errors (those hclsyntax reports only when <c>!p.recovery</c>) are not recorded.
    /// </summary>
    private bool _recovery;

    private Parser(List<Token> tokens, string file)
    {
        _tokens = new TokenStream(tokens);
        _file = file;
    }

    /// <summary>Parses a whole configuration file into its root body.</summary>
    public static Body ParseConfig(string source, string fileName, DiagnosticBag diagnostics)
    {
        var tokens = Lexer.Scan(source, fileName);
        CheckInvalidTokens(tokens, diagnostics);
        var parser = new Parser(tokens, fileName);
        try
        {
            return parser.ParseBody(TokenKind.EndOfFile, default, out _);
        }
        catch (ParseAbortedException)
        {
            return new Body([], [], tokens[0].Range);
        }
        finally
        {
            diagnostics.AddRange(parser._diags);
        }
    }

    /// <summary>Parses a single expression (hclsyntax's ParseExpression: a var value, a test); null after any error.</summary>
    public static Expression? ParseExpression(string source, string fileName, DiagnosticBag diagnostics) =>
        ParseExpression(source, fileName, new SourcePosition(1, 1, 0), diagnostics);

    /// <summary>hclsyntax's ParseExpression of a text whose first character is at <paramref name="start"/>.</summary>
    public static Expression? ParseExpression(string source, string fileName, SourcePosition start, DiagnosticBag diagnostics)
    {
        var tokens = Lexer.Scan(source, fileName);
        if (start != new SourcePosition(1, 1, 0))
        {
            ShiftTokens(tokens, start, source);
        }

        CheckInvalidTokens(tokens, diagnostics);
        var parser = new Parser(tokens, fileName);
        parser._tokens.PushIncludeNewlines(false);
        try
        {
            var expr = parser.Expr();
            var next = parser._tokens.Peek();
            if (next.Kind != TokenKind.EndOfFile && !parser._recovery)
            {
                parser.Error("Extra characters after expression", "An expression was successfully parsed, but extra characters were found after it.", next.Range);
            }

            return diagnostics.HasErrors || parser._diags.Count > 0 ? null : expr;
        }
        catch (ParseAbortedException)
        {
            return null;
        }
        finally
        {
            diagnostics.AddRange(parser._diags);
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

    /// <summary>Records a diagnostic (hclsyntax appends it to the diagnostics of the construct being parsed).</summary>
    private void Error(string summary, string detail, SourceRange range) => _diags.Add(new HclDiagnostic(summary, detail, range));

    /// <summary>Whether a diagnostic was recorded since <paramref name="mark"/> (hclsyntax's <c>diags.HasErrors()</c> of a sub-parse).</summary>
    private bool ErrorsSince(int mark) => _diags.Count > mark;

    /// <summary>hclsyntax's setRecovery: recovery mode without skipping anything.</summary>
    private void SetRecovery() => _recovery = true;

    /// <summary>
    /// hclsyntax's <c>recover(end)</c>: reads (through the newline mode in force) up to the token <paramref name="end"/>
    /// that closes the current nesting level, counting nested openers of its kind, and returns it (or the end of the file).
    /// </summary>
    private Token Recover(TokenKind end)
    {
        var start = Opposite(end);
        _recovery = true;
        var nest = 0;
        while (true)
        {
            var token = _tokens.Read();
            var kind = end == TokenKind.TemplateSeqEnd && token.Kind == TokenKind.TemplateControl ? TokenKind.TemplateInterp : token.Kind;
            if (kind == TokenKind.EndOfFile)
            {
                return token;
            }

            if (kind == start)
            {
                nest++;
            }
            else if (kind == end)
            {
                if (nest < 1)
                {
                    return token;
                }

                nest--;
            }
        }
    }

    /// <summary>
    /// hclsyntax's recoverOver(start): reads up to the next <paramref name="start"/> bracket (or the end of the file),
    /// then recovers past the bracket closing it.
    /// </summary>
    private void RecoverOver(TokenKind start)
    {
        var kind = _tokens.Read().Kind;
        while (kind != start && kind != TokenKind.EndOfFile)
        {
            kind = _tokens.Read().Kind;
        }

        Recover(Opposite(start));
    }

    /// <summary>hclsyntax's oppositeBracket (<c>}</c> of a template sequence pairs with <c>${</c>).</summary>
    private static TokenKind Opposite(TokenKind kind) => kind switch
    {
        TokenKind.OBrace => TokenKind.CBrace,
        TokenKind.OBrack => TokenKind.CBrack,
        TokenKind.OParen => TokenKind.CParen,
        TokenKind.OQuote => TokenKind.CQuote,
        TokenKind.OHeredoc => TokenKind.CHeredoc,
        TokenKind.CBrace => TokenKind.OBrace,
        TokenKind.CBrack => TokenKind.OBrack,
        TokenKind.CParen => TokenKind.OParen,
        TokenKind.CQuote => TokenKind.OQuote,
        TokenKind.CHeredoc => TokenKind.OHeredoc,
        TokenKind.TemplateControl or TokenKind.TemplateInterp => TokenKind.TemplateSeqEnd,
        TokenKind.TemplateSeqEnd => TokenKind.TemplateInterp,
        _ => TokenKind.Invalid,
    };

    /// <summary>
    /// hclsyntax's recoverAfterBodyItem: reads up to and including a newline outside any bracket opened meanwhile (a
    /// closer pops back to its opener), or to the end of the file.
    /// </summary>
    private void RecoverAfterBodyItem()
    {
        _recovery = true;
        var open = new List<TokenKind>();
        while (true)
        {
            var token = _tokens.Read();
            switch (token.Kind)
            {
                case TokenKind.Newline when open.Count == 0:
                case TokenKind.EndOfFile:
                    return;
                case TokenKind.OBrace or TokenKind.OBrack or TokenKind.OParen or TokenKind.OQuote or TokenKind.OHeredoc or TokenKind.TemplateInterp or TokenKind.TemplateControl:
                    open.Add(token.Kind);
                    break;
                case TokenKind.CBrace or TokenKind.CBrack or TokenKind.CParen or TokenKind.CQuote or TokenKind.CHeredoc or TokenKind.TemplateSeqEnd:
                    var opener = Opposite(token.Kind);
                    bool Matches(TokenKind k) => k == opener || (token.Kind == TokenKind.TemplateSeqEnd && k == TokenKind.TemplateControl);
                    while (open.Count > 0 && !Matches(open[^1]))
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

    private void Enter(SourceRange at)
    {
        if (++_depth > MaxDepth)
        {
            // Not in hclsyntax (Go's stack grows): parsing stops here rather than overflow .NET's stack.
            Error("Nesting too deep", "This configuration nests blocks or expressions too deeply to be parsed.", at);
            throw new ParseAbortedException("nesting too deep");
        }
    }

    private void Leave() => _depth--;

    // ---------------------------------------------------------------- bodies

    /// <summary>hclsyntax's ParseBody: items up to <paramref name="end"/> (read); a token that starts no item ends the body.</summary>
    private Body ParseBody(TokenKind end, SourcePosition start, out Token endToken)
    {
        var attributes = new List<Attribute>();
        var blocks = new List<Block>();
        var startRange = _tokens.PreviousRange;
        var bodyStart = start == default ? _tokens.PeekRaw().Range.Start : start;
        while (true)
        {
            var next = _tokens.Peek();
            if (next.Kind == end)
            {
                endToken = _tokens.Read();
                return new Body(attributes, blocks, new SourceRange(_file, bodyStart, next.Range.End));
            }

            switch (next.Kind)
            {
                case TokenKind.Newline:
                    _tokens.Read();
                    continue;
                case TokenKind.Ident:
                    switch (ParseBodyItem())
                    {
                        case Block block:
                            blocks.Add(block);
                            break;
                        case Attribute attribute:
                            var existing = attributes.FirstOrDefault(a => a.Name == attribute.Name);
                            if (existing is not null)
                            {
                                Error("Attribute redefined", $"The argument \"{attribute.Name}\" was already set at {existing.NameRange}. Each argument may be set only once.", attribute.NameRange);
                            }
                            else
                            {
                                attributes.Add(attribute);
                            }

                            break;
                    }

                    continue;
            }

            var bad = _tokens.Read();
            if (!_recovery)
            {
                if (bad.Kind == TokenKind.OQuote)
                {
                    Error("Invalid argument name", "Argument names must not be quoted.", bad.Range);
                }
                else if (bad.Kind == TokenKind.EndOfFile)
                {
                    if (end == TokenKind.CBrace)
                    {
                        Error("Unclosed configuration block", "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.", startRange);
                    }
                    else
                    {
                        Error("Unclosed configuration body", "Found end of file before the end of this configuration body.", startRange);
                    }
                }
                else
                {
                    Error("Argument or block definition required", "An argument or block definition is required here.", bad.Range);
                }
            }

            endToken = Recover(end);
            return new Body(attributes, blocks, new SourceRange(_file, bodyStart, bad.Range.End));
        }
    }

    /// <summary>hclsyntax's ParseBodyItem, the identifier next: an attribute, a block, or null after an error.</summary>
    private object? ParseBodyItem()
    {
        var ident = _tokens.Read();
        var next = _tokens.Peek();
        switch (next.Kind)
        {
            case TokenKind.Equal:
                return FinishAttribute(ident, singleLine: false);
            case TokenKind.OQuote or TokenKind.OBrace or TokenKind.Ident:
                return FinishBlock(ident);
            default:
                RecoverAfterBodyItem();
                Error("Argument or block definition required", "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.", ident.Range);
                return null;
        }
    }

    /// <summary>hclsyntax's finishParsingBodyAttribute.</summary>
    private Attribute FinishAttribute(Token ident, bool singleLine)
    {
        _tokens.Read(); // '='
        var mark = _diags.Count;
        var expr = Expr();
        if (_recovery && ErrorsSince(mark))
        {
            RecoverAfterBodyItem();
        }
        else if (!singleLine)
        {
            var end = _tokens.Peek();
            if (end.Kind is not (TokenKind.Newline or TokenKind.EndOfFile))
            {
                if (!_recovery)
                {
                    if (end.Kind == TokenKind.Comma)
                    {
                        Error("Unexpected comma after argument", "Argument definitions must be separated by newlines, not commas. An argument definition must end with a newline.", end.Range);
                    }
                    else
                    {
                        Error("Missing newline after argument", "An argument definition must end with a newline.", end.Range);
                    }
                }

                RecoverAfterBodyItem();
            }
            else
            {
                _tokens.Read(); // newline
            }
        }

        return new Attribute(ident.Text, expr, ident.Range, SourceRange.Between(ident.Range, expr.Range));
    }

    /// <summary>hclsyntax's finishParsingBodyBlock: labels, then a body on following lines or a single-line one.</summary>
    private Block FinishBlock(Token ident)
    {
        var labels = new List<string>();
        var labelRanges = new List<SourceRange>();
        while (true)
        {
            var next = _tokens.Peek();
            if (next.Kind == TokenKind.OBrace)
            {
                break;
            }

            if (next.Kind == TokenKind.OQuote)
            {
                labels.Add(QuotedStringLiteral(out var labelRange));
                labelRanges.Add(labelRange);
                continue;
            }

            if (next.Kind == TokenKind.Ident)
            {
                _tokens.Read();
                labels.Add(next.Text);
                labelRanges.Add(next.Range);
                continue;
            }

            if (next.Kind == TokenKind.Equal)
            {
                Error("Invalid block definition", "The equals sign \"=\" indicates an argument definition, and must not be used when defining a block.", next.Range);
            }
            else if (next.Kind == TokenKind.Newline)
            {
                Error("Invalid block definition", "A block definition must have block content delimited by \"{\" and \"}\", starting on the same line as the block header.", next.Range);
            }
            else if (!_recovery)
            {
                Error("Invalid block definition", "Either a quoted string block label or an opening brace (\"{\") is expected here.", next.Range);
            }

            RecoverAfterBodyItem();
            return new Block(ident.Text, labels, labelRanges, new Body([], [], ident.Range), ident.Range, ident.Range, ident.Range);
        }

        var openBrace = _tokens.Read();
        Enter(openBrace.Range);
        Body body;
        Token closeBrace;
        if (_tokens.Peek().Kind is TokenKind.Newline or TokenKind.EndOfFile or TokenKind.CBrace)
        {
            body = ParseBody(TokenKind.CBrace, openBrace.Range.End, out _);
            closeBrace = _tokens.PreviousToken;
        }
        else
        {
            // The single-line body's diagnostics come after those of the check of its close (hclsyntax appends them last).
            var bodyMark = _diags.Count;
            var single = ParseSingleLineBody(out var bodyDiagnostics);
            _diags.RemoveRange(bodyMark, _diags.Count - bodyMark);
            var after = _tokens.Peek();
            switch (after.Kind)
            {
                case TokenKind.CBrace:
                    _tokens.Read();
                    break;
                case TokenKind.Comma:
                    Error("Invalid single-argument block definition", "Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.", after.Range);
                    Recover(TokenKind.CBrace);
                    break;
                case TokenKind.Newline:
                    Error("Invalid single-argument block definition", "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.", after.Range);
                    Recover(TokenKind.CBrace);
                    break;
                default:
                    if (!_recovery)
                    {
                        if (after.Kind == TokenKind.EndOfFile)
                        {
                            Error("Unclosed configuration block", "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.", openBrace.Range);
                        }
                        else
                        {
                            Error("Invalid single-argument block definition", "A single-line block definition must end with a closing brace immediately after its single argument definition.", after.Range);
                        }
                    }

                    Recover(TokenKind.CBrace);
                    break;
            }

            _diags.AddRange(bodyDiagnostics);
            closeBrace = _tokens.PreviousToken;
            body = new Body(single is null ? [] : [single], [], SourceRange.Between(openBrace.Range, closeBrace.Range));
        }

        Leave();
        var eol = _tokens.Peek();
        if (eol.Kind is TokenKind.Newline or TokenKind.EndOfFile)
        {
            _tokens.Read();
        }
        else
        {
            if (!_recovery)
            {
                Error("Missing newline after block definition", "A block definition must end with a newline.", eol.Range);
            }

            RecoverAfterBodyItem();
        }

        return new Block(ident.Text, labels, labelRanges, body, ident.Range, openBrace.Range, SourceRange.Between(ident.Range, closeBrace.Range));
    }

    /// <summary>hclsyntax's parseSingleAttrBody: one attribute on the block's line; its diagnostics are handed back.</summary>
    private Attribute? ParseSingleLineBody(out List<HclDiagnostic> diagnostics)
    {
        var mark = _diags.Count;
        var attribute = SingleLineAttribute();
        diagnostics = _diags.GetRange(mark, _diags.Count - mark);
        return attribute;
    }

    private Attribute? SingleLineAttribute()
    {
        var ident = _tokens.Read();
        if (ident.Kind != TokenKind.Ident)
        {
            RecoverAfterBodyItem();
            Error("Argument or block definition required", "An argument or block definition is required here.", ident.Range);
            return null;
        }

        var next = _tokens.Peek();
        switch (next.Kind)
        {
            case TokenKind.Equal:
                return FinishAttribute(ident, singleLine: true);
            case TokenKind.OQuote or TokenKind.OBrace or TokenKind.Ident:
                RecoverAfterBodyItem();
                Error("Argument definition required", $"A single-line block definition can contain only a single argument. If you meant to define argument \"{ident.Text}\", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.", SourceRange.Between(ident.Range, next.Range));
                return null;
            default:
                RecoverAfterBodyItem();
                Error("Argument or block definition required", "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.", ident.Range);
                return null;
        }
    }

    /// <summary>hclsyntax's parseQuotedStringLiteral (block labels): no template sequences allowed.</summary>
    private string QuotedStringLiteral(out SourceRange range)
    {
        var open = _tokens.Read();
        var text = new System.Text.StringBuilder();
        SourceRange endRange;
        while (true)
        {
            var token = _tokens.Read();
            if (token.Kind == TokenKind.CQuote)
            {
                endRange = token.Range;
                break;
            }

            if (token.Kind == TokenKind.QuotedLit)
            {
                text.Append(Unescape(token, quoted: true));
                continue;
            }

            if (token.Kind is TokenKind.TemplateInterp or TokenKind.TemplateControl)
            {
                var which = token.Kind == TokenKind.TemplateControl ? "%" : "$";
                Error("Invalid string literal", $"Template sequences are not allowed in this string. To include a literal \"{which}\", double it (as \"{which}{which}\") to escape it.", token.Range);
                text.Append(which).Append("{ ... }");
                Recover(TokenKind.TemplateSeqEnd);
                continue;
            }

            if (token.Kind == TokenKind.EndOfFile)
            {
                Error("Unterminated string literal", "Unable to find the closing quote mark before the end of the file.", token.Range);
                endRange = token.Range;
                break;
            }

            Error("Invalid string literal", "This item is not valid in a string literal.", token.Range);
            Recover(TokenKind.CQuote);
            endRange = token.Range;
            break;
        }

        range = SourceRange.Between(open.Range, endRange);
        return text.ToString();
    }
}
