using System.Globalization;
using System.Text;
using Nomad.Hcl.Evaluation;

namespace Nomad.Hcl.Functions;

/// <summary>
/// jsondecode's reading as cty's <c>json.ImpliedType</c> does it: Go's <c>json.Decoder.Token</c> walk, so errors read as
/// Go's (<c>EOF</c>, <c>unexpected EOF</c>, <c>invalid character 'x' after object key</c>, …), then
/// <c>extraneous data after JSON object</c> when more follows, and a key repeated with another type refused.
/// </summary>
internal sealed class GoJsonDecoder
{
    // Go's Decoder token states.
    private enum State
    {
        TopValue,
        ArrayStart,
        ArrayValue,
        ArrayComma,
        ObjectStart,
        ObjectKey,
        ObjectColon,
        ObjectValue,
        ObjectComma,
    }

    private readonly string _text;
    private int _position;

    private GoJsonDecoder(string text) => _text = text;

    /// <summary>The value the JSON text holds; throws with Go's or cty's error text.</summary>
    public static HclValue Decode(string text)
    {
        var decoder = new GoJsonDecoder(text);
        var value = decoder.Value(State.TopValue);
        decoder.SkipSpace();
        if (decoder._position < text.Length && text[decoder._position] is not (']' or '}'))
        {
            throw new FunctionException("extraneous data after JSON object");
        }

        return value;
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n')
        {
            _position++;
        }
    }

    // Decoder.peek: the next non-space character, or io.EOF.
    private char Peek()
    {
        SkipSpace();
        return _position < _text.Length ? _text[_position] : throw new FunctionException("EOF");
    }

    private static bool ValueAllowed(State state) => state is State.TopValue or State.ArrayStart or State.ArrayValue or State.ObjectValue;

    private static FunctionException TokenError(State state, char c)
    {
        var context = state switch
        {
            State.TopValue or State.ArrayStart or State.ArrayValue or State.ObjectValue => " looking for beginning of value",
            State.ArrayComma => " after array element",
            State.ObjectKey => " looking for beginning of object key string",
            State.ObjectColon => " after object key",
            State.ObjectComma => " after object key:value pair",
            _ => "",
        };
        return new FunctionException("invalid character " + QuoteChar(c) + context);
    }

    private HclValue Value(State state)
    {
        var c = Peek();
        if (!ValueAllowed(state))
        {
            throw TokenError(state, c);
        }

        switch (c)
        {
            case '[':
                _position++;
                return Array();
            case '{':
                _position++;
                return Object();
            case ']' or '}' or ':' or ',':
                throw TokenError(state, c);
            default:
                return Scalar();
        }
    }

    private HclValue Array()
    {
        var items = new List<HclValue>();
        var state = State.ArrayStart;
        while (true)
        {
            var c = Peek();
            switch (c)
            {
                case ']' when state is State.ArrayStart or State.ArrayComma:
                    _position++;
                    return HclValue.Tuple(items);
                case ',' when state == State.ArrayComma:
                    _position++;
                    state = State.ArrayValue;
                    continue;
                default:
                    items.Add(Value(state));
                    state = State.ArrayComma;
                    continue;
            }
        }
    }

    private HclValue Object()
    {
        var attributes = new Dictionary<string, HclValue>(StringComparer.Ordinal);
        var state = State.ObjectStart;
        var key = "";
        while (true)
        {
            var c = Peek();
            switch (c)
            {
                case '}' when state is State.ObjectStart or State.ObjectComma:
                    _position++;
                    return HclValue.Object(attributes);
                case ',' when state == State.ObjectComma:
                    _position++;
                    state = State.ObjectKey;
                    continue;
                case ':' when state == State.ObjectColon:
                    _position++;
                    state = State.ObjectValue;
                    continue;
                case '"' when state is State.ObjectStart or State.ObjectKey:
                    key = ReadString();
                    state = State.ObjectColon;
                    continue;
                default:
                    var value = Value(state);
                    if (attributes.TryGetValue(key, out var existing) && !SameType(existing.Type, value.Type))
                    {
                        throw new FunctionException($"duplicate {CryptoFunctions.GoQuote(key)} property in JSON object");
                    }

                    attributes[key] = value;
                    state = State.ObjectComma;
                    continue;
            }
        }
    }

    private static bool SameType(HclType a, HclType b) =>
        a.Kind == b.Kind && a.Kind switch
        {
            HclTypeKind.Tuple => a.Elements.Count == b.Elements.Count && a.Elements.Zip(b.Elements).All(p => SameType(p.First, p.Second)),
            HclTypeKind.Object => a.Attributes.Count == b.Attributes.Count && a.Attributes.All(p => b.Attributes.TryGetValue(p.Key, out var t) && SameType(p.Value, t)),
            _ => true,
        };

    private char Next() => _position < _text.Length ? _text[_position++] : throw new FunctionException("unexpected EOF");

    // One scalar through Go's scanner: a string, a number or true/false/null.
    private HclValue Scalar()
    {
        var c = _text[_position];
        switch (c)
        {
            case '"':
                return HclValue.String(ReadString());
            case 't':
                Literal("true");
                return HclValue.True;
            case 'f':
                Literal("false");
                return HclValue.False;
            case 'n':
                Literal("null");
                return HclValue.Null;
            case '-' or (>= '0' and <= '9'):
                return ReadNumber();
            default:
                throw new FunctionException("invalid character " + QuoteChar(c) + " looking for beginning of value");
        }
    }

    private void Literal(string word)
    {
        _position++;
        for (var i = 1; i < word.Length; i++)
        {
            var c = Next();
            if (c != word[i])
            {
                throw new FunctionException($"invalid character {QuoteChar(c)} in literal {word} (expecting {QuoteChar(word[i])})");
            }
        }
    }

    // cty's JSON decoding reads a number's text with ParseNumberVal: exact, 512 bits where a decimal cannot hold it.
    private HclValue ReadNumber()
    {
        var start = _position;
        if (_text[_position] == '-')
        {
            _position++;
            var first = Next();
            if (!char.IsAsciiDigit(first))
            {
                throw new FunctionException($"invalid character {QuoteChar(first)} in numeric literal");
            }

            _position--;
        }

        if (_text[_position] == '0')
        {
            _position++;
        }
        else
        {
            Digits();
        }

        if (_position < _text.Length && _text[_position] == '.')
        {
            _position++;
            var c = Next();
            if (!char.IsAsciiDigit(c))
            {
                throw new FunctionException($"invalid character {QuoteChar(c)} after decimal point in numeric literal");
            }

            Digits();
        }

        if (_position < _text.Length && _text[_position] is 'e' or 'E')
        {
            _position++;
            var c = Next();
            if (c is '+' or '-')
            {
                c = Next();
            }

            if (!char.IsAsciiDigit(c))
            {
                throw new FunctionException($"invalid character {QuoteChar(c)} in exponent of numeric literal");
            }

            Digits();
        }

        var negative = _text[start] == '-';
        var value = HclValue.ParseNumber(_text[(negative ? start + 1 : start).._position]);
        return negative ? value.Negate() : value;
    }

    private void Digits()
    {
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }
    }

    private string ReadString()
    {
        var start = _position++;
        var escaped = false;
        while (true)
        {
            var c = Next();
            if (c == '"')
            {
                break;
            }

            if (c < 0x20)
            {
                throw new FunctionException($"invalid character {QuoteChar(c)} in string literal");
            }

            if (c != '\\')
            {
                continue;
            }

            escaped = true;
            var e = Next();
            if (e == 'u')
            {
                for (var i = 0; i < 4; i++)
                {
                    var h = Next();
                    if (!char.IsAsciiHexDigit(h))
                    {
                        throw new FunctionException($"invalid character {QuoteChar(h)} in \\u hexadecimal character escape");
                    }
                }
            }
            else if (e is not ('"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't'))
            {
                throw new FunctionException($"invalid character {QuoteChar(e)} in string escape code");
            }
        }

        if (!escaped)
        {
            return _text.Substring(start + 1, _position - start - 2);
        }

        return Unescape(_text.AsSpan(start + 1, _position - start - 2));
    }

    // Go's unquote: escapes decoded, a \u surrogate pair joined, a lone surrogate replaced by U+FFFD.
    private static string Unescape(ReadOnlySpan<char> body)
    {
        var sb = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            var e = body[++i];
            switch (e)
            {
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    var unit = (char)int.Parse(body.Slice(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    i += 4;
                    if (char.IsHighSurrogate(unit) && i + 6 < body.Length + 0 && body[i + 1] == '\\' && body[i + 2] == 'u'
                        && char.IsLowSurrogate((char)int.Parse(body.Slice(i + 3, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
                    {
                        sb.Append(unit).Append((char)int.Parse(body.Slice(i + 3, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 6;
                    }
                    else
                    {
                        sb.Append(char.IsSurrogate(unit) ? '\uFFFD' : unit);
                    }

                    break;
                default: sb.Append(e); break;
            }
        }

        return sb.ToString();
    }

    // Go's quoteChar: the byte in single quotes, escaped as strconv.Quote would; a non-ASCII character is shown by
    // its first UTF-8 byte taken as a code point, as Go's scanner sees it.
    private static string QuoteChar(char c)
    {
        if (c == '\'')
        {
            return "'\\''";
        }

        if (c == '"')
        {
            return "'\"'";
        }

        var value = c < 0x80 ? c : (char)Encoding.UTF8.GetBytes(c.ToString())[0];
        var quoted = CryptoFunctions.GoQuote(((char)value).ToString());
        return "'" + quoted[1..^1] + "'";
    }
}
