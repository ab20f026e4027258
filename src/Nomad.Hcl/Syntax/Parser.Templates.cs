using System.Globalization;
using System.Text;
using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Evaluation;

namespace Nomad.Hcl.Syntax;

/// <content>Templates: quoted strings and heredocs, escapes, strip markers, <c>&lt;&lt;-</c> indent stripping, directives.</content>
public sealed partial class Parser
{
    private Expression Template()
    {
        var open = _tokens.Read();
        var heredoc = open.Kind == TokenKind.OHeredoc;
        var flush = heredoc && open.Text.StartsWith("<<-", StringComparison.Ordinal);
        var closeKind = heredoc ? TokenKind.CHeredoc : TokenKind.CQuote;
        var parts = new List<TemplatePart>();
        Token close;
        _tokens.PushIncludeNewlines(true);
        try
        {
            while (true)
            {
                var token = _tokens.ReadRaw();
                if (token.Kind == closeKind)
                {
                    close = token;
                    break;
                }

                switch (token.Kind)
                {
                    case TokenKind.QuotedLit or TokenKind.StringLit:
                        parts.Add(new TemplatePart { Kind = TemplatePartKind.Literal, Text = Unescape(token, quoted: !heredoc), Range = token.Range });
                        break;
                    case TokenKind.QuotedNewline:
                        {
                            // The scanner check reported the newline; hclsyntax's template parser then stops at it as at any
                            // unexpected token and recovers past the string's closing quote.
                            var error = Fail("Unterminated template string", "No closing marker was found for the string.", token.Range);
                            _recovery = true;
                            while (_tokens.PeekRaw().Kind is not (TokenKind.CQuote or TokenKind.EndOfFile))
                            {
                                _tokens.ReadRaw();
                            }

                            _tokens.ReadRaw();
                            throw error;
                        }
                    case TokenKind.TemplateInterp:
                        parts.Add(Interpolation(token));
                        break;
                    case TokenKind.TemplateControl:
                        parts.Add(Directive(token));
                        break;
                    case TokenKind.EndOfFile:
                        throw Fail("Unterminated template string", "No closing marker was found for the string.", token.Range);
                    default:
                        throw Fail("Invalid template", "Unexpected token in template.", token.Range);
                }
            }
        }
        finally
        {
            _tokens.PopIncludeNewlines();
        }

        var range = SourceRange.Between(open.Range, close.Range);
        ApplyStripMarkers(parts);
        if (flush)
        {
            FlushHeredoc(parts);
        }

        if (parts.Count == 1 && parts[0].Kind == TemplatePartKind.Interpolation)
        {
            return new TemplateWrapExpression(parts[0].Expression!, range);
        }

        var index = 0;
        var sequence = Sequence(parts, ref index, range, close.Range, out var stoppedAt);
        if (stoppedAt is not null)
        {
            throw UnexpectedDirective(stoppedAt);
        }

        return sequence;
    }

    private TemplatePart Interpolation(Token open)
    {
        _tokens.PushIncludeNewlines(false);
        var expr = Expr();
        var close = _tokens.Read();
        _tokens.PopIncludeNewlines();
        if (close.Kind != TokenKind.TemplateSeqEnd)
        {
            throw Fail("Extra characters after interpolation expression", "Expected a closing brace to end the interpolation expression, but found extra characters.", close.Range);
        }

        return new TemplatePart { Kind = TemplatePartKind.Interpolation, Expression = expr, StripBefore = open.Strip, StripAfter = close.Strip, Range = SourceRange.Between(open.Range, close.Range) };
    }

    private TemplatePart Directive(Token open)
    {
        _tokens.PushIncludeNewlines(false);
        try
        {
            var keyword = _tokens.Read();
            if (keyword.Kind != TokenKind.Ident)
            {
                throw Fail("Invalid template directive", "A template directive keyword (\"if\", \"for\", etc) is expected at the beginning of a %{ sequence.", keyword.Range);
            }

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
                    var first = _tokens.Read();
                    if (first.Kind != TokenKind.Ident)
                    {
                        throw Fail("Invalid 'for' directive", "For directive requires variable name after 'for'.", first.Range);
                    }

                    valueVar = first.Text;
                    if (_tokens.Peek().Kind == TokenKind.Comma)
                    {
                        _tokens.Read();
                        var second = _tokens.Read();
                        if (second.Kind != TokenKind.Ident)
                        {
                            throw Fail("Invalid 'for' directive", "Value variable name is required after comma.", second.Range);
                        }

                        keyVar = first.Text;
                        valueVar = second.Text;
                    }

                    var inWord = _tokens.Read();
                    if (inWord.Kind != TokenKind.Ident || inWord.Text != "in")
                    {
                        throw Fail("Invalid 'for' directive", "For directive requires 'in' keyword after names.", inWord.Range);
                    }

                    expr = Expr();
                    break;
                default:
                    throw Fail("Invalid template control keyword", $"\"{keyword.Text}\" is not a valid template control keyword.", keyword.Range);
            }

            var close = _tokens.Read();
            if (close.Kind != TokenKind.TemplateSeqEnd)
            {
                throw Fail("Extra characters in " + keyword.Text + " marker", $"Expected a closing brace to end the sequence, but found extra characters.", close.Range);
            }

            return new TemplatePart
            {
                Kind = kind,
                Expression = expr,
                KeyVariable = keyVar,
                ValueVariable = valueVar,
                StripBefore = open.Strip,
                StripAfter = close.Strip,
                Range = SourceRange.Between(open.Range, close.Range),
            };
        }
        finally
        {
            _tokens.PopIncludeNewlines();
        }
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
            part.Text = part.Text[Math.Min(minSpaces, part.Text.Length)..];
        }
    }

    private ParseAbortedException UnexpectedDirective(TemplatePart part)
    {
        var keyword = part.Kind switch
        {
            TemplatePartKind.Else => "else",
            TemplatePartKind.EndIf => "endif",
            _ => "endfor",
        };
        return Fail($"Unexpected {keyword} directive", "The control directives within this template are unbalanced.", part.Range);
    }

    private TemplateExpression Sequence(List<TemplatePart> parts, ref int index, SourceRange range, SourceRange endRange, out TemplatePart? stoppedAt)
    {
        var items = new List<Expression>();
        stoppedAt = null;
        while (index < parts.Count)
        {
            var part = parts[index];
            switch (part.Kind)
            {
                case TemplatePartKind.Literal:
                    items.Add(new LiteralExpression(HclValue.String(part.Text), part.Range));
                    index++;
                    break;
                case TemplatePartKind.Interpolation:
                    items.Add(part.Expression!);
                    index++;
                    break;
                case TemplatePartKind.If:
                    {
                        index++;
                        var whenTrue = Sequence(parts, ref index, part.Range, endRange, out var end);
                        TemplateExpression whenFalse = new([], part.Range);
                        if (end?.Kind == TemplatePartKind.Else)
                        {
                            index++;
                            whenFalse = Sequence(parts, ref index, end.Range, endRange, out end);
                        }

                        if (end?.Kind != TemplatePartKind.EndIf)
                        {
                            throw end is null
                                ? Fail("Unexpected end of template", $"The if directive at {part.Range} is missing its corresponding endif directive.", endRange)
                                : UnexpectedDirective(end);
                        }

                        index++;
                        items.Add(new ConditionalExpression(part.Expression!, whenTrue, whenFalse, SourceRange.Between(part.Range, end.Range)));
                        break;
                    }

                case TemplatePartKind.For:
                    {
                        index++;
                        var body = Sequence(parts, ref index, part.Range, endRange, out var end);
                        if (end?.Kind != TemplatePartKind.EndFor)
                        {
                            throw end is null
                                ? Fail("Unexpected end of template", $"The for directive at {part.Range} is missing its corresponding endfor directive.", endRange)
                                : UnexpectedDirective(end);
                        }

                        index++;
                        var forRange = SourceRange.Between(part.Range, end.Range);
                        var loop = new ForExpression(part.KeyVariable, part.ValueVariable!, part.Expression!, null, body, null, false, part.Range, forRange);
                        items.Add(new TemplateJoinExpression(loop, forRange));
                        break;
                    }

                default:
                    stoppedAt = part;
                    return new TemplateExpression(items, range);
            }
        }

        return new TemplateExpression(items, range);
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

                        if (digits != length)
                        {
                            throw Fail("Invalid escape sequence", $"The \\{e} escape sequence must be followed by {(e == 'u' ? "four" : "eight")} hexadecimal digits.", EscapeRange(token, i, 2 + digits));
                        }

                        var code = long.Parse(text.AsSpan(i + 1, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        if (code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                        {
                            throw Fail("Invalid escape sequence", $"Cannot encode character U+{code:x4} in UTF-8.", EscapeRange(token, i, 2 + length));
                        }

                        sb.Append(char.ConvertFromUtf32((int)code));
                        i += length;
                        break;
                    }

                default:
                    throw Fail("Invalid escape sequence", $"The symbol \"{e}\" is not a valid escape sequence selector.", EscapeRange(token, i));
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
