using System.Globalization;
using System.Text;

namespace Nomad.Emulator.Filter;

/// <summary>
/// Parses go-bexpr filter expressions as Nomad accepts them in <c>?filter=</c>: selectors (<c>Name</c>,
/// <c>Meta.key</c>, <c>Meta["key"]</c>, <c>TaskGroups.0.Name</c>), <c>==</c>, <c>!=</c>, <c>in</c>/<c>not in</c>,
/// <c>contains</c>/<c>not contains</c>, <c>matches</c>/<c>not matches</c>, <c>is empty</c>/<c>is not empty</c>,
/// <c>and</c>/<c>or</c>/<c>not</c>, parentheses; values quoted (<c>"x"</c>, <c>`x`</c>) or bare (numbers, booleans,
/// identifiers). Errors read like go-bexpr's parser errors (<c>1:COL (OFFSET): no match found, expected: …</c>).
/// </summary>
public sealed class FilterParser
{
    private readonly string _text;
    private int _pos;

    private FilterParser(string text) => _text = text;

    /// <summary>The parsed expression, or the syntax error text.</summary>
    public static (FilterNode? Node, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new FilterParser(text);
        try
        {
            var node = parser.ParseOr();
            parser.SkipSpace();
            if (parser._pos < text.Length)
            {
                throw parser.Fail("\"and\", \"or\" or end of input");
            }

            return (node, null);
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    private FilterNode ParseOr()
    {
        var left = ParseAnd();
        while (TryKeyword("or"))
        {
            left = new OrNode(left, ParseAnd());
        }

        return left;
    }

    private FilterNode ParseAnd()
    {
        var left = ParseNot();
        while (TryKeyword("and"))
        {
            left = new AndNode(left, ParseNot());
        }

        return left;
    }

    private FilterNode ParseNot()
    {
        var save = _pos;
        if (TryKeyword("not"))
        {
            // "not" may also start "not in"/"not contains" after a value: only a unary not when an operand follows.
            SkipSpace();
            if (_pos < _text.Length && !StartsKeyword("in") && !StartsKeyword("contains") && !StartsKeyword("matches"))
            {
                return new NotNode(ParseNot());
            }

            _pos = save;
        }

        return ParsePrimary();
    }

    private FilterNode ParsePrimary()
    {
        SkipSpace();
        if (Peek() == '(')
        {
            _pos++;
            var inner = ParseOr();
            SkipSpace();
            if (Peek() != ')')
            {
                throw Fail("\")\"");
            }

            _pos++;
            return inner;
        }

        return ParseMatch();
    }

    private MatchNode ParseMatch()
    {
        SkipSpace();
        var start = _pos;

        // value in Selector / value not in Selector
        if (Peek() is '"' or '`' || (Peek() is { } c && (char.IsDigit(c) || c == '-')))
        {
            var value = ParseValue();
            return ParseInTail(value);
        }

        var selector = ParseSelector();
        SkipSpace();
        if (TryKeyword("in") || StartsNotIn())
        {
            // A bare word before "in" was a value, not a selector.
            _pos = start;
            var value = ParseValue();
            return ParseInTail(value);
        }

        if (TryLiteral("=="))
        {
            return new MatchNode(selector, MatchOperator.Equal, ParseValue());
        }

        if (TryLiteral("!="))
        {
            return new MatchNode(selector, MatchOperator.NotEqual, ParseValue());
        }

        if (TryKeyword("is"))
        {
            var negated = TryKeyword("not");
            if (!TryKeyword("empty"))
            {
                throw Fail("\"empty\"");
            }

            return new MatchNode(selector, negated ? MatchOperator.IsNotEmpty : MatchOperator.IsEmpty, null);
        }

        if (TryKeyword("contains"))
        {
            return new MatchNode(selector, MatchOperator.In, ParseValue());
        }

        if (TryKeyword("matches"))
        {
            return new MatchNode(selector, MatchOperator.Matches, ParseValue());
        }

        if (TryKeyword("not"))
        {
            if (TryKeyword("contains"))
            {
                return new MatchNode(selector, MatchOperator.NotIn, ParseValue());
            }

            if (TryKeyword("matches"))
            {
                return new MatchNode(selector, MatchOperator.NotMatches, ParseValue());
            }
        }

        throw Fail("\"!=\", \"==\", \"contains\", \"in\", \"is\", \"matches\" or \"not\"");
    }

    private MatchNode ParseInTail(string value)
    {
        SkipSpace();
        MatchOperator op;
        if (TryKeyword("in"))
        {
            op = MatchOperator.In;
        }
        else if (TryKeyword("not") && TryKeyword("in"))
        {
            op = MatchOperator.NotIn;
        }
        else
        {
            throw Fail("\"in\" or \"not in\"");
        }

        return new MatchNode(ParseSelector(), op, value);
    }

    private bool StartsNotIn()
    {
        var save = _pos;
        if (TryKeyword("not") && TryKeyword("in"))
        {
            _pos = save;
            return true;
        }

        _pos = save;
        return false;
    }

    private List<string> ParseSelector()
    {
        SkipSpace();
        var parts = new List<string> { ParseIdentifier() };
        while (true)
        {
            if (Peek() == '.')
            {
                _pos++;
                parts.Add(ParseIdentifier());
            }
            else if (Peek() == '[')
            {
                _pos++;
                SkipSpace();
                if (Peek() is not ('"' or '`'))
                {
                    throw Fail("string");
                }

                parts.Add(ParseQuoted());
                SkipSpace();
                if (Peek() != ']')
                {
                    throw Fail("\"]\"");
                }

                _pos++;
            }
            else
            {
                return parts;
            }
        }
    }

    private string ParseIdentifier()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '-' or '/'))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Fail("selector");
        }

        return _text[start.._pos];
    }

    private string ParseValue()
    {
        SkipSpace();
        if (Peek() is '"' or '`')
        {
            return ParseQuoted();
        }

        var start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '-' or '.' or '+' or '/' or ':'))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Fail("value");
        }

        return _text[start.._pos];
    }

    private string ParseQuoted()
    {
        var quote = _text[_pos++];
        var result = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != quote)
        {
            var c = _text[_pos++];
            if (quote == '"' && c == '\\' && _pos < _text.Length)
            {
                var escaped = _text[_pos++];
                switch (escaped)
                {
                    case 'n':
                        result.Append('\n');
                        break;
                    case 't':
                        result.Append('\t');
                        break;
                    case 'u' when _pos + 4 <= _text.Length:
                        result.Append((char)int.Parse(_text.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        _pos += 4;
                        break;
                    default:
                        result.Append(escaped);
                        break;
                }
            }
            else
            {
                result.Append(c);
            }
        }

        if (_pos >= _text.Length)
        {
            throw Fail($"\"{quote}\"");
        }

        _pos++;
        return result.ToString();
    }

    private bool TryKeyword(string keyword)
    {
        SkipSpace();
        if (!StartsKeyword(keyword))
        {
            return false;
        }

        _pos += keyword.Length;
        return true;
    }

    private bool StartsKeyword(string keyword) =>
        string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) == 0
        && (_pos + keyword.Length == _text.Length || !(char.IsLetterOrDigit(_text[_pos + keyword.Length]) || _text[_pos + keyword.Length] == '_'));

    private bool TryLiteral(string literal)
    {
        SkipSpace();
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            return false;
        }

        _pos += literal.Length;
        return true;
    }

    private char? Peek() => _pos < _text.Length ? _text[_pos] : null;

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private FormatException Fail(string expected) =>
        new(string.Create(CultureInfo.InvariantCulture, $"1:{_pos + 1} ({_pos}): no match found, expected: {expected}"));
}
