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
        return parser.ParseBody(TokenKind.EndOfFile, default);
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

    // hclsyntax's checkInvalidTokens (token.go): the scanner's complaints, reported before any parse error, with its
    // limits on repeats (bitwise operators 4 times, ";" and bad UTF-8 once, quotes and backticks every other one).
    private static void CheckInvalidTokens(List<Token> tokens, DiagnosticBag diagnostics)
    {
        int bitwise = 0, backticks = 0, apostrophes = 0, semicolons = 0, badUtf8 = 0;
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.QuotedNewline:
                    diagnostics.Add("Invalid multi-line string", "Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the \"heredoc\" multi-line template syntax.", token.Range);
                    break;
                case TokenKind.BadUtf8:
                    if (badUtf8++ < 1)
                    {
                        diagnostics.Add("Invalid character encoding", "All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected in your editor.", token.Range);
                    }

                    break;
                case TokenKind.Invalid:
                    switch (token.Text)
                    {
                        case "&" or "|" or "~" or "^":
                            if (bitwise++ < 4)
                            {
                                var suggestion = token.Text switch
                                {
                                    "&" => " Did you mean boolean AND (\"&&\")?",
                                    "|" => " Did you mean boolean OR (\"||\")?",
                                    "~" => " Did you mean boolean NOT (\"!\")?",
                                    _ => "",
                                };
                                diagnostics.Add("Unsupported operator", "Bitwise operators are not supported." + suggestion, token.Range);
                            }

                            break;
                        case "`":
                            if (backticks % 2 == 0)
                            {
                                diagnostics.Add("Invalid character", "The \"`\" character is not valid. To create a multi-line string, use the \"heredoc\" syntax, like \"<<EOT\".", token.Range);
                            }

                            backticks += backticks <= 2 ? 1 : 0;
                            break;
                        case "'":
                            if (apostrophes % 2 == 0)
                            {
                                diagnostics.Add("Invalid character", "Single quotes are not valid. Use double quotes (\") to enclose strings.", token.Range);
                            }

                            apostrophes += apostrophes <= 2 ? 1 : 0;
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

                    break;
            }
        }
    }

    private ParseAbortedException Fail(string summary, string detail, SourceRange range)
    {
        _diagnostics.Add(summary, detail, range);
        return new ParseAbortedException(summary);
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
    //
    // The body level follows hclsyntax's parser.go (v2.20.2-nomad-1, the version Nomad pins) step by step: the same
    // diagnostics with the same subjects, the same recovery (recover / recoverAfterBodyItem) and the same sticky
    // recovery flag that silences "bad token" errors once the parser has lost its place, so the first error of a
    // broken file is the one Nomad reports. Expressions still abort with ParseAbortedException, which counts as an
    // expression error in recovery mode (hclsyntax then recovers after the body item, as here).

    private bool _recovery;

    private Body ParseBody(TokenKind end, SourceRange startRange)
    {
        var attributes = new List<Attribute>();
        var blocks = new List<Block>();
        var bodyStart = startRange == default ? _tokens.PeekRaw().Range.Start : startRange.End;
        while (true)
        {
            var next = _tokens.PeekRaw();
            if (next.Kind == end)
            {
                _tokens.ReadRaw();
                return new Body(attributes, blocks, new SourceRange(_file, bodyStart, next.Range.End));
            }

            switch (next.Kind)
            {
                case TokenKind.Newline:
                    _tokens.ReadRaw();
                    continue;
                case TokenKind.Ident:
                    ParseBodyItemGuarded(attributes, blocks);
                    continue;
            }

            var bad = _tokens.ReadRaw();
            if (!_recovery)
            {
                switch (bad.Kind)
                {
                    case TokenKind.OQuote:
                        _diagnostics.Add("Invalid argument name", "Argument names must not be quoted.", bad.Range);
                        break;
                    case TokenKind.EndOfFile when end == TokenKind.CBrace:
                        _diagnostics.Add("Unclosed configuration block", "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.", startRange);
                        break;
                    case TokenKind.EndOfFile:
                        _diagnostics.Add("Unclosed configuration body", "Found end of file before the end of this configuration body.", startRange);
                        break;
                    default:
                        _diagnostics.Add("Argument or block definition required", "An argument or block definition is required here.", bad.Range);
                        break;
                }
            }

            var final = Recover(end);
            return new Body(attributes, blocks, new SourceRange(_file, bodyStart, final.Range.End));
        }
    }

    // A body item whose parse aborted (nesting too deep, a bad escape in a label) is skipped like a broken expression.
    private void ParseBodyItemGuarded(List<Attribute> attributes, List<Block> blocks)
    {
        var depth = _depth;
        var newlineModes = _tokens.NewlineModeDepth;
        try
        {
            ParseBodyItem(attributes, blocks);
        }
        catch (ParseAbortedException)
        {
            _depth = depth;
            _tokens.ResetNewlineModes(newlineModes);
            RecoverAfterBodyItem();
        }
    }

    private void ParseBodyItem(List<Attribute> attributes, List<Block> blocks)
    {
        var ident = _tokens.ReadRaw();
        var next = _tokens.PeekRaw();
        switch (next.Kind)
        {
            case TokenKind.Equal:
                if (FinishAttribute(ident, singleLine: false) is not { } attribute)
                {
                    return;
                }

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
                if (FinishBlock(ident) is { } block)
                {
                    blocks.Add(block);
                }

                return;
            default:
                RecoverAfterBodyItem();
                _diagnostics.Add("Argument or block definition required", "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.", ident.Range);
                return;
        }
    }

    // Null when the value expression failed (the parser then skipped to the next body item).
    private Attribute? FinishAttribute(Token ident, bool singleLine)
    {
        _tokens.ReadRaw(); // '='
        if (TryExpression() is not { } expr)
        {
            RecoverAfterBodyItem();
            return null;
        }

        if (!singleLine)
        {
            var end = _tokens.PeekRaw();
            if (end.Kind is not (TokenKind.Newline or TokenKind.EndOfFile))
            {
                if (!_recovery)
                {
                    if (end.Kind == TokenKind.Comma)
                    {
                        _diagnostics.Add("Unexpected comma after argument", "Argument definitions must be separated by newlines, not commas. An argument definition must end with a newline.", end.Range);
                    }
                    else
                    {
                        _diagnostics.Add("Missing newline after argument", "An argument definition must end with a newline.", end.Range);
                    }
                }

                RecoverAfterBodyItem();
            }
            else
            {
                _tokens.ReadRaw();
            }
        }

        return new Attribute(ident.Text, expr, ident.Range, SourceRange.Between(ident.Range, expr.Range));
    }

    // An expression, or null after an error (recorded, newline modes and depth restored, recovery mode on).
    private Expression? TryExpression()
    {
        var depth = _depth;
        var newlineModes = _tokens.NewlineModeDepth;
        try
        {
            return Expr();
        }
        catch (ParseAbortedException)
        {
            _depth = depth;
            _tokens.ResetNewlineModes(newlineModes);
            _recovery = true;
            return null;
        }
    }

    // Null when the header is broken (hclsyntax returns an empty placeholder block, which nothing reads after an error).
    private Block? FinishBlock(Token ident)
    {
        var labels = new List<string>();
        var labelRanges = new List<SourceRange>();
        Token openBrace;
        while (true)
        {
            var token = _tokens.PeekRaw();
            if (token.Kind == TokenKind.OBrace)
            {
                openBrace = _tokens.ReadRaw();
                break;
            }

            if (token.Kind == TokenKind.OQuote)
            {
                var (label, range) = ParseQuotedStringLiteral();
                labels.Add(label);
                labelRanges.Add(range);
                continue;
            }

            if (token.Kind == TokenKind.Ident)
            {
                _tokens.ReadRaw();
                labels.Add(token.Text);
                labelRanges.Add(token.Range);
                continue;
            }

            switch (token.Kind)
            {
                case TokenKind.Equal:
                    _diagnostics.Add("Invalid block definition", "The equals sign \"=\" indicates an argument definition, and must not be used when defining a block.", token.Range);
                    break;
                case TokenKind.Newline:
                    _diagnostics.Add("Invalid block definition", "A block definition must have block content delimited by \"{\" and \"}\", starting on the same line as the block header.", token.Range);
                    break;
                default:
                    if (!_recovery)
                    {
                        _diagnostics.Add("Invalid block definition", "Either a quoted string block label or an opening brace (\"{\") is expected here.", token.Range);
                    }

                    break;
            }

            RecoverAfterBodyItem();
            return null;
        }

        Enter(openBrace.Range);
        Body? body;
        if (_tokens.PeekRaw().Kind is TokenKind.Newline or TokenKind.EndOfFile or TokenKind.CBrace)
        {
            body = ParseBody(TokenKind.CBrace, openBrace.Range);
        }
        else
        {
            // hclsyntax appends what it finds after the single argument before the argument's own diagnostics.
            var bodyDiagnostics = _diagnostics.Items.Count;
            body = ParseSingleLineBody(openBrace);
            var after = _tokens.PeekRaw();
            switch (after.Kind)
            {
                case TokenKind.CBrace:
                    _tokens.ReadRaw();
                    break;
                case TokenKind.Comma:
                    _diagnostics.Insert(bodyDiagnostics, "Invalid single-argument block definition", "Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.", after.Range);
                    Recover(TokenKind.CBrace);
                    break;
                case TokenKind.Newline:
                    _diagnostics.Insert(bodyDiagnostics, "Invalid single-argument block definition", "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.", after.Range);
                    Recover(TokenKind.CBrace);
                    break;
                default:
                    if (!_recovery)
                    {
                        if (after.Kind == TokenKind.EndOfFile)
                        {
                            _diagnostics.Insert(bodyDiagnostics, "Unclosed configuration block", "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.", openBrace.Range);
                        }
                        else
                        {
                            _diagnostics.Insert(bodyDiagnostics, "Invalid single-argument block definition", "A single-line block definition must end with a closing brace immediately after its single argument definition.", after.Range);
                        }
                    }

                    Recover(TokenKind.CBrace);
                    break;
            }
        }

        var closeBrace = _tokens.PreviousRange;
        var eol = _tokens.PeekRaw();
        if (eol.Kind is TokenKind.Newline or TokenKind.EndOfFile)
        {
            _tokens.ReadRaw();
        }
        else
        {
            if (!_recovery)
            {
                _diagnostics.Add("Missing newline after block definition", "A block definition must end with a newline.", eol.Range);
            }

            RecoverAfterBodyItem();
        }

        Leave();
        body ??= new Body([], [], SourceRange.Between(openBrace.Range, closeBrace));
        return new Block(ident.Text, labels, labelRanges, body, ident.Range, openBrace.Range, SourceRange.Between(ident.Range, closeBrace));
    }

    // hclsyntax's parseQuotedStringLiteral: a block label, with escapes applied; errors recover to the closing quote.
    private (string Text, SourceRange Range) ParseQuotedStringLiteral()
    {
        var open = _tokens.ReadRaw();
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var token = _tokens.ReadRaw();
            switch (token.Kind)
            {
                case TokenKind.CQuote:
                    return (text.ToString(), SourceRange.Between(open.Range, token.Range));
                case TokenKind.QuotedLit:
                    text.Append(Unescape(token, quoted: true));
                    break;
                case TokenKind.TemplateInterp or TokenKind.TemplateControl:
                    var which = token.Kind == TokenKind.TemplateInterp ? "$" : "%";
                    _diagnostics.Add("Invalid string literal", $"Template sequences are not allowed in this string. To include a literal \"{which}\", double it (as \"{which}{which}\") to escape it.", token.Range);
                    text.Append(which).Append("{ ... }");
                    Recover(TokenKind.TemplateSeqEnd);
                    break;
                case TokenKind.EndOfFile:
                    _diagnostics.Add("Unterminated string literal", "Unable to find the closing quote mark before the end of the file.", token.Range);
                    return (text.ToString(), SourceRange.Between(open.Range, token.Range));
                default:
                    _diagnostics.Add("Invalid string literal", "This item is not valid in a string literal.", token.Range);
                    Recover(TokenKind.CQuote);
                    return (text.ToString(), SourceRange.Between(open.Range, token.Range));
            }
        }
    }

    // hclsyntax's parseSingleAttrBody: `name { arg = value }` on one line. Null after an error.
    private Body? ParseSingleLineBody(Token openBrace)
    {
        var ident = _tokens.ReadRaw();
        if (ident.Kind != TokenKind.Ident)
        {
            RecoverAfterBodyItem();
            _diagnostics.Add("Argument or block definition required", "An argument or block definition is required here.", ident.Range);
            return null;
        }

        var next = _tokens.PeekRaw();
        switch (next.Kind)
        {
            case TokenKind.Equal:
                return FinishAttribute(ident, singleLine: true) is { } attribute
                    ? new Body([attribute], [], SourceRange.Between(openBrace.Range, attribute.Range))
                    : null;
            case TokenKind.OQuote or TokenKind.OBrace or TokenKind.Ident:
                RecoverAfterBodyItem();
                _diagnostics.Add("Argument definition required", $"A single-line block definition can contain only a single argument. If you meant to define argument \"{ident.Text}\", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.", SourceRange.Between(ident.Range, next.Range));
                return null;
            default:
                RecoverAfterBodyItem();
                _diagnostics.Add("Argument or block definition required", "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.", ident.Range);
                return null;
        }
    }

    // hclsyntax's recover: reads up to the token closing what is open (counting nested pairs of the same kind), or EOF.
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

    // hclsyntax's recoverAfterBodyItem: skips to the newline ending the current body item, brackets balanced.
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
                case TokenKind.CBrace or TokenKind.CBrack or TokenKind.CParen or TokenKind.CQuote or TokenKind.CHeredoc:
                    PopTo(open, Opposite(token.Kind));
                    break;
                case TokenKind.TemplateSeqEnd:
                    while (open.Count > 0 && open[^1] is not (TokenKind.TemplateInterp or TokenKind.TemplateControl))
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

    private static void PopTo(List<TokenKind> open, TokenKind opener)
    {
        while (open.Count > 0 && open[^1] != opener)
        {
            open.RemoveAt(open.Count - 1);
        }

        if (open.Count > 0)
        {
            open.RemoveAt(open.Count - 1);
        }
    }

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
}
