using System.Globalization;
using System.Text;
using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Evaluation;

namespace Nomad.Hcl.Syntax;

/// <content>Templates: quoted strings and heredocs, escapes, strip markers, <c>&lt;&lt;-</c> indent stripping, directives.</content>
public sealed partial class Parser
{
    /// <summary>
    /// hclsyntax's ParseTemplate: a bare template (hcl's JSON syntax parses its strings so) whose first character is at
    /// <paramref name="start"/>; null after any error (added to <paramref name="diagnostics"/>).
    /// </summary>
    public static Expression? ParseTemplate(string source, string fileName, SourcePosition start, DiagnosticBag diagnostics)
    {
        var tokens = Lexer.ScanTemplate(source, fileName);
        ShiftTokens(tokens, start, source);

        var bag = new DiagnosticBag();
        CheckInvalidTokens(tokens, bag);
        var parser = new Parser(tokens, fileName);
        try
        {
            var first = tokens[0].Range;
            var parts = parser.TemplateParts(TokenKind.EndOfFile, heredoc: true, out var endRange);
            var range = SourceRange.Between(first, endRange);
            ApplyStripMarkers(parts);

            // parseTemplateInner: the template parser runs over the parts even after their errors (recovery keeps
            // those to the first), adding its own: an unclosed `%{ if }` after a bad condition is two errors.
            var index = 0;
            var items = new List<Expression>();
            while (index < parts.Count)
            {
                items.Add(parser.TemplateItem(parts, ref index, endRange));
            }

            if (bag.HasErrors || parser._diags.Count > 0)
            {
                return null;
            }

            return parts.Count == 1 && parts[0].Kind == TemplatePartKind.Interpolation
                ? new TemplateWrapExpression(parts[0].Expression!, range)
                : new TemplateExpression(items, range);
        }
        catch (ParseAbortedException)
        {
            return null;
        }
        finally
        {
            diagnostics.AddRange(bag.Items);
            diagnostics.AddRange(parser._diags);
        }
    }

    private static void ShiftTokens(List<Token> tokens, SourcePosition start, string source)
    {
        // hclsyntax counts offsets in bytes of the template's UTF-8 text (hcl's JSON strings: their decoded value).
        var bytes = new int[source.Length + 1];
        for (var i = 0; i < source.Length; i++)
        {
            bytes[i + 1] = bytes[i] + (char.IsLowSurrogate(source[i]) ? 0 : char.IsHighSurrogate(source[i]) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]) ? 4 : source[i] < '\u0080' ? 1 : source[i] < '\u0800' ? 2 : 3);
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            tokens[i] = tokens[i] with { Range = tokens[i].Range with { Start = Shift(tokens[i].Range.Start, start, bytes), End = Shift(tokens[i].Range.End, start, bytes) } };
        }
    }

    // hclsyntax's scanner started at a position: lines count on from its line, columns on its first line from its column,
    // byte offsets from its offset.
    private static SourcePosition Shift(SourcePosition position, SourcePosition start, int[] bytes) => new(
        position.Line + start.Line - 1,
        position.Line == 1 ? position.Column + start.Column - 1 : position.Column,
        bytes[Math.Min(position.Offset, bytes.Length - 1)] + start.Offset);

    /// <summary>hclsyntax's quoted or heredoc template: parseTemplateParts, then the template parser over the parts.</summary>
    private Expression Template()
    {
        var open = _tokens.Read();
        var heredoc = open.Kind == TokenKind.OHeredoc;
        var flush = heredoc && open.Text.StartsWith("<<-", StringComparison.Ordinal);
        var parts = TemplateParts(heredoc ? TokenKind.CHeredoc : TokenKind.CQuote, heredoc, out var endRange);
        var range = SourceRange.Between(open.Range, _tokens.PreviousRange);
        ApplyStripMarkers(parts);
        if (flush)
        {
            FlushHeredoc(parts);
        }

        MeldLiterals(parts);

        if (parts.Count == 1 && parts[0].Kind == TemplatePartKind.Interpolation)
        {
            return new TemplateWrapExpression(parts[0].Expression!, range);
        }

        var index = 0;
        var items = new List<Expression>();
        while (index < parts.Count)
        {
            items.Add(TemplateItem(parts, ref index, endRange));
        }

        return new TemplateExpression(items, range);
    }

    /// <summary>hclsyntax's parseTemplateParts: the flat parts up to the closer <paramref name="end"/>.</summary>
    private List<TemplatePart> TemplateParts(TokenKind end, bool heredoc, out SourceRange endRange)
    {
        var parts = new List<TemplatePart>();
        var startRange = _tokens.Peek().Range;
        while (true)
        {
            var next = _tokens.Read();
            if (next.Kind == end)
            {
                endRange = next.Range;
                break;
            }

            if (next.Kind is TokenKind.QuotedLit or TokenKind.StringLit)
            {
                parts.Add(new TemplatePart { Kind = TemplatePartKind.Literal, Text = Unescape(next, quoted: !heredoc), Range = next.Range });
                continue;
            }

            if (next.Kind == TokenKind.TemplateInterp)
            {
                _tokens.PushIncludeNewlines(false);
                var expr = Expr();
                var close = _tokens.Peek();
                var stripAfter = false;
                if (close.Kind != TokenKind.TemplateSeqEnd)
                {
                    if (!_recovery)
                    {
                        if (close.Kind == TokenKind.EndOfFile)
                        {
                            Error("Unclosed template interpolation sequence", "There is no closing brace for this interpolation sequence before the end of the file. This might be caused by incorrect nesting inside the given expression.", startRange);
                        }
                        else if (close.Kind == TokenKind.Colon)
                        {
                            Error("Extra characters after interpolation expression", "Template interpolation doesn't expect a colon at this location. Did you intend this to be a literal sequence to be processed as part of another language? If so, you can escape it by starting with \"$${\" instead of just \"${\".", close.Range);
                        }
                        else if (close.Kind is TokenKind.CQuote or TokenKind.OQuote && end == TokenKind.CQuote)
                        {
                            Error("Unclosed template interpolation sequence", "There is no closing brace for this interpolation sequence before the end of the quoted template. This might be caused by incorrect nesting inside the given expression.", startRange);
                        }
                        else
                        {
                            Error("Extra characters after interpolation expression", "Expected a closing brace to end the interpolation expression, but found extra characters.\n\nThis can happen when you include interpolation syntax for another language, such as shell scripting, but forget to escape the interpolation start token. If this is an embedded sequence for another language, escape it by starting with \"$${\" instead of just \"${\".", close.Range);
                        }
                    }

                    Recover(TokenKind.TemplateSeqEnd);
                }
                else
                {
                    _tokens.Read();
                    stripAfter = close.Strip;
                }

                _tokens.PopIncludeNewlines();
                parts.Add(new TemplatePart { Kind = TemplatePartKind.Interpolation, Expression = expr, StripBefore = next.Strip, StripAfter = stripAfter, Range = SourceRange.Between(next.Range, close.Range) });
                continue;
            }

            if (next.Kind == TokenKind.TemplateControl)
            {
                _tokens.PushIncludeNewlines(false);
                if (Directive(next, startRange) is { } directive)
                {
                    parts.Add(directive);
                }

                _tokens.PopIncludeNewlines();
                continue;
            }

            if (!_recovery)
            {
                Error("Unterminated template string", "No closing marker was found for the string.", next.Range);
            }

            endRange = Recover(end).Range;
            break;
        }

        return parts;
    }

    /// <summary>One <c>%{ … }</c> directive of parseTemplateParts; null when it failed (recovered past its <c>}</c>).</summary>
    private TemplatePart? Directive(Token open, SourceRange startRange)
    {
        TemplatePart? Failed(string summary, string detail, SourceRange at)
        {
            if (!_recovery)
            {
                Error(summary, detail, at);
            }

            Recover(TokenKind.TemplateSeqEnd);
            return null;
        }

        var keyword = _tokens.Peek();
        if (keyword.Kind != TokenKind.Ident)
        {
            return Failed("Invalid template directive", "A template directive keyword (\"if\", \"for\", etc) is expected at the beginning of a %{ sequence.", keyword.Range);
        }

        _tokens.Read();
        Expression? expr = null;
        string? keyVar = null, valueVar = null;
        TemplatePartKind kind;
        switch (keyword.Text)
        {
            case "if":
                kind = TemplatePartKind.If;
                expr = Expr();
                break;
            case "else":
                kind = TemplatePartKind.Else;
                break;
            case "endif":
                kind = TemplatePartKind.EndIf;
                break;
            case "endfor":
                kind = TemplatePartKind.EndFor;
                break;
            case "for":
                kind = TemplatePartKind.For;
                if (_tokens.Peek().Kind != TokenKind.Ident)
                {
                    return Failed("Invalid 'for' directive", "For directive requires variable name after 'for'.", _tokens.Peek().Range);
                }

                valueVar = _tokens.Read().Text;
                if (_tokens.Peek().Kind == TokenKind.Comma)
                {
                    keyVar = valueVar;
                    _tokens.Read();
                    if (_tokens.Peek().Kind != TokenKind.Ident)
                    {
                        return Failed("Invalid 'for' directive", "For directive requires value variable name after comma.", _tokens.Peek().Range);
                    }

                    valueVar = _tokens.Read().Text;
                }

                var inWord = _tokens.Peek();
                if (inWord.Kind != TokenKind.Ident || inWord.Text != "in")
                {
                    return Failed("Invalid 'for' directive", "For directive requires 'in' keyword after names.", inWord.Range);
                }

                _tokens.Read();
                expr = Expr();
                break;
            default:
                var suggestion = NameSuggestion.Nearest(keyword.Text, ["if", "for", "else", "endif", "endfor"]);
                return Failed("Invalid template control keyword", $"\"{keyword.Text}\" is not a valid template control keyword.{(suggestion is null ? "" : $" Did you mean \"{suggestion}\"?")}", keyword.Range);
        }

        var range = SourceRange.Between(open.Range, _tokens.Peek().Range);
        var close = _tokens.Peek();
        var stripAfter = false;
        if (close.Kind != TokenKind.TemplateSeqEnd)
        {
            if (!_recovery)
            {
                Error($"Extra characters in {keyword.Text} marker", "Expected a closing brace to end the sequence, but found extra characters.", close.Range);
            }

            Recover(TokenKind.TemplateSeqEnd);
        }
        else
        {
            _tokens.Read();
            stripAfter = close.Strip;
        }

        return new TemplatePart
        {
            Kind = kind,
            Expression = expr,
            KeyVariable = keyVar,
            ValueVariable = valueVar,
            StripBefore = open.Strip,
            StripAfter = stripAfter,
            Range = range,
        };
    }

    private static void ApplyStripMarkers(List<TemplatePart> parts)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part.Kind == TemplatePartKind.Literal)
            {
                continue;
            }

            if (part.StripBefore && i > 0 && parts[i - 1].Kind == TemplatePartKind.Literal)
            {
                parts[i - 1].Text = parts[i - 1].Text.TrimEnd();
            }

            if (part.StripAfter && i + 1 < parts.Count && parts[i + 1].Kind == TemplatePartKind.Literal)
            {
                parts[i + 1].Text = parts[i + 1].Text.TrimStart();
            }
        }
    }

    /// <summary>
    /// <c>&lt;&lt;-</c>: removes from every line the smallest number of leading spaces found on a line that
    /// starts with literal text (lines of only spaces are ignored; a line starting with an interpolation counts 0).
    /// </summary>
    private static void FlushHeredoc(List<TemplatePart> parts)
    {
        var minSpaces = int.MaxValue;
        var newline = true;
        var adjust = new List<TemplatePart>();
        foreach (var part in parts)
        {
            if (newline)
            {
                newline = false;
                int spaces;
                if (part.Kind == TemplatePartKind.Literal)
                {
                    var trimmed = part.Text.TrimStart();
                    if (trimmed.Length == 0 && part.Text.EndsWith('\n'))
                    {
                        spaces = int.MaxValue;
                    }
                    else
                    {
                        spaces = part.Text.Length - trimmed.Length;
                        adjust.Add(part);
                    }
                }
                else
                {
                    spaces = 0;
                }

                minSpaces = Math.Min(minSpaces, spaces);
            }

            if (part.Kind == TemplatePartKind.Literal && part.Text.EndsWith('\n'))
            {
                newline = true;
            }
        }

        if (minSpaces == int.MaxValue)
        {
            return;
        }

        foreach (var part in adjust)
        {
            // hclsyntax moves the literal's start past the removed spaces too.
            var cut = Math.Min(minSpaces, part.Text.Length);
            part.Text = part.Text[cut..];
            part.Range = part.Range with { Start = part.Range.Start with { Column = part.Range.Start.Column + cut, Offset = part.Range.Start.Offset + cut } };
        }
    }

    /// <summary>hclsyntax's meldConsecutiveStringLiterals: a run of literal parts is one literal spanning them all.</summary>
    private static void MeldLiterals(List<TemplatePart> parts)
    {
        for (var i = 1; i < parts.Count;)
        {
            if (parts[i - 1].Kind == TemplatePartKind.Literal && parts[i].Kind == TemplatePartKind.Literal)
            {
                parts[i - 1].Text += parts[i].Text;
                parts[i - 1].Range = parts[i - 1].Range with { End = parts[i].Range.End };
                parts.RemoveAt(i);
                continue;
            }

            i++;
        }
    }

    private static string DirectiveName(TemplatePartKind kind) => kind switch
    {
        TemplatePartKind.Else => "else",
        TemplatePartKind.EndIf => "endif",
        _ => "endfor",
    };

    /// <summary>
    /// hclsyntax's templateParser.parseExpr: one item of a template; an unbalanced end directive is an error (and
    /// skipped), an if or for runs to its end directive.
    /// </summary>
    private Expression TemplateItem(List<TemplatePart> parts, ref int index, SourceRange endRange)
    {
        var part = parts[index++];
        switch (part.Kind)
        {
            case TemplatePartKind.Literal:
                return new LiteralExpression(HclValue.String(part.Text), part.Range);
            case TemplatePartKind.Interpolation:
                return part.Expression!;
            case TemplatePartKind.If:
                return TemplateIf(part, parts, ref index, endRange);
            case TemplatePartKind.For:
                return TemplateFor(part, parts, ref index, endRange);
            default:
                Error($"Unexpected {DirectiveName(part.Kind)} directive", "The control directives within this template are unbalanced.", part.Range);
                return new LiteralExpression(HclValue.DynamicUnknown, part.Range);
        }
    }

    private Expression TemplateIf(TemplatePart open, List<TemplatePart> parts, ref int index, SourceRange endRange)
    {
        var whenTrue = new List<Expression>();
        var whenFalse = new List<Expression>();
        var current = whenTrue;
        SourceRange elseRange = open.Range;
        while (true)
        {
            if (index == parts.Count)
            {
                Error("Unexpected end of template", $"The if directive at {open.Range} is missing its corresponding endif directive.", endRange);
                return new LiteralExpression(HclValue.DynamicUnknown, endRange);
            }

            var next = parts[index];
            if (next.Kind is TemplatePartKind.Else or TemplatePartKind.EndIf or TemplatePartKind.EndFor)
            {
                index++;
                if (next.Kind == TemplatePartKind.Else && current == whenTrue)
                {
                    current = whenFalse;
                    elseRange = next.Range;
                    continue;
                }

                if (next.Kind == TemplatePartKind.EndIf)
                {
                    return new ConditionalExpression(open.Expression!, new TemplateExpression(whenTrue, open.Range), new TemplateExpression(whenFalse, elseRange), SourceRange.Between(open.Range, next.Range));
                }

                if (next.Kind == TemplatePartKind.Else)
                {
                    Error("Unexpected else directive", $"Already in the else clause for the if started at {open.Range}.", next.Range);
                }
                else
                {
                    Error("Unexpected endfor directive", $"Expecting an endif directive for the if started at {open.Range}.", next.Range);
                }

                return new LiteralExpression(HclValue.DynamicUnknown, next.Range);
            }

            current.Add(TemplateItem(parts, ref index, endRange));
        }
    }

    private Expression TemplateFor(TemplatePart open, List<TemplatePart> parts, ref int index, SourceRange endRange)
    {
        var body = new List<Expression>();
        while (true)
        {
            if (index == parts.Count)
            {
                Error("Unexpected end of template", $"The for directive at {open.Range} is missing its corresponding endfor directive.", endRange);
                return new LiteralExpression(HclValue.DynamicUnknown, endRange);
            }

            var next = parts[index];
            if (next.Kind is TemplatePartKind.Else or TemplatePartKind.EndIf or TemplatePartKind.EndFor)
            {
                index++;
                if (next.Kind == TemplatePartKind.EndFor)
                {
                    var forRange = SourceRange.Between(open.Range, next.Range);
                    var loop = new ForExpression(open.KeyVariable, open.ValueVariable!, open.Expression!, null, new TemplateExpression(body, open.Range), null, false, open.Range, forRange);
                    return new TemplateJoinExpression(loop, forRange);
                }

                if (next.Kind == TemplatePartKind.Else)
                {
                    Error("Unexpected else directive", "An else clause is not expected for a for directive.", next.Range);
                }
                else
                {
                    Error("Unexpected endif directive", $"Expecting an endfor directive corresponding to the for directive at {open.Range}.", next.Range);
                }

                return new LiteralExpression(HclValue.DynamicUnknown, next.Range);
            }

            body.Add(TemplateItem(parts, ref index, endRange));
        }
    }

    private string Unescape(Token token, bool quoted)
    {
        var text = token.Text;
        if (text.IndexOfAny(['\\', '$', '%']) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '$' || c == '%') && i + 2 < text.Length && text[i + 1] == c && text[i + 2] == '{')
            {
                sb.Append(c).Append('{');
                i += 2;
                continue;
            }

            if (c != '\\' || !quoted)
            {
                sb.Append(c);
                continue;
            }

            if (i + 1 >= text.Length)
            {
                sb.Append(c);
                continue;
            }

            var e = text[++i];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case 'u' or 'U':
                    {
                        // hclsyntax's scanStringLit takes up to four (eight) hex digits as one slice; ParseStringLiteralToken
                        // refuses a shorter one, and a code point UTF-8 cannot encode (a surrogate, beyond U+10FFFF).
                        var length = e == 'u' ? 4 : 8;
                        var digits = 0;
                        while (digits < length && i + 1 + digits < text.Length && char.IsAsciiHexDigit(text[i + 1 + digits]))
                        {
                            digits++;
                        }

                        // An error leaves the escape's text as it is and goes on (ParseStringLiteralToken's break TokenType).
                        if (digits != length)
                        {
                            Error("Invalid escape sequence", $"The \\{e} escape sequence must be followed by {(e == 'u' ? "four" : "eight")} hexadecimal digits.", EscapeRange(token, i, 2 + digits));
                            sb.Append('\\').Append(text, i, 1 + digits);
                            i += digits;
                            break;
                        }

                        var code = long.Parse(text.AsSpan(i + 1, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        if (code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                        {
                            Error("Invalid escape sequence", $"Cannot encode character U+{code:x4} in UTF-8.", EscapeRange(token, i, 2 + length));
                            sb.Append('\\').Append(text, i, 1 + length);
                            i += length;
                            break;
                        }

                        sb.Append(char.ConvertFromUtf32((int)code));
                        i += length;
                        break;
                    }

                default:
                    Error("Invalid escape sequence", $"The symbol \"{e}\" is not a valid escape sequence selector.", EscapeRange(token, i));
                    sb.Append(e);
                    break;
            }
        }

        return sb.ToString();
    }

    private static SourceRange EscapeRange(Token token, int index, int width = 2)
    {
        // Literal tokens of quoted strings never span lines, so columns advance one per character.
        var start = new SourcePosition(token.Range.Start.Line, token.Range.Start.Column + index - 1, token.Range.Start.Offset + index - 1);
        var end = new SourcePosition(start.Line, start.Column + width, start.Offset + width);
        return new SourceRange(token.Range.FileName, start, end);
    }
}
