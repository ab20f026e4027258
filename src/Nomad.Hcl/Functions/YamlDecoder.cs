using System.Globalization;
using System.Text.RegularExpressions;
using Nomad.Hcl.Evaluation;
using Nomad.Hcl.Functions.Yaml;

namespace Nomad.Hcl.Functions;

/// <summary>
/// yamldecode: one YAML document to a cty value as go-cty-yaml resolves it (YAML 1.1 implicit types: y/yes/on
/// bools, <c>~</c> nulls, timestamps as RFC 3339 strings, hex/octal ints; quoted scalars stay strings; mappings
/// become objects, sequences tuples; anchors and aliases; <c>&lt;&lt;</c> merge keys). Events come from
/// <see cref="YamlParser"/> (libyaml's scanner and parser as go-cty-yaml carries them), so syntax errors are
/// libyaml's; error texts follow go-cty-yaml (<c>on line L, column C: …</c>, left out on the first line, as Nomad
/// prints them).
/// </summary>
internal static partial class YamlDecoder
{
    private const string TagPrefix = "tag:yaml.org,2002:";
    private const string StrTag = TagPrefix + "str";
    private const string BinaryTag = TagPrefix + "binary";
    private const string BoolTag = TagPrefix + "bool";
    private const string IntTag = TagPrefix + "int";
    private const string FloatTag = TagPrefix + "float";
    private const string NullTag = TagPrefix + "null";
    private const string TimestampTag = TagPrefix + "timestamp";
    private const string MapTag = TagPrefix + "map";
    private const string SeqTag = TagPrefix + "seq";

    // Go's regexp: $ and \z both end the text (.NET's $ also matches before a final newline); digits are ASCII.
    [GeneratedRegex(@"^[-+]?(0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9_]*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerLike();

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,]([0-9]+))?(Z|[+-][0-9]{2}:[0-9]{2}))|(?: ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,]([0-9]+))?))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();

    /// <summary>Decodes <paramref name="source"/>, throwing <see cref="FunctionException"/> with go-cty-yaml's text.</summary>
    public static HclValue Decode(string source)
    {
        try
        {
            var state = new DecodeState(new YamlParser(source.Length == 0 ? "\n" : source));
            var stream = state.Next();
            if (stream.Kind != YamlEventKind.StreamStart)
            {
                throw EventError(stream, "missing stream start token");
            }

            var start = state.Next();
            if (start.Kind != YamlEventKind.DocumentStart)
            {
                throw EventError(start, "missing start of document");
            }

            var value = state.Value(state.Next());
            var end = state.Next();
            if (end.Kind == YamlEventKind.DocumentStart)
            {
                throw EventError(end, "only a single document is allowed");
            }

            if (end.Kind != YamlEventKind.DocumentEnd)
            {
                throw EventError(end, "unexpected extra content after value");
            }

            var streamEnd = state.Next();
            if (streamEnd.Kind != YamlEventKind.StreamEnd)
            {
                throw EventError(streamEnd, "unexpected extra content after value");
            }

            if (state.BlockScalarError is { } blockScalarError)
            {
                throw blockScalarError;
            }

            // go-cty-yaml: a document holding only null implies cty.DynamicPseudoType, and the function answers
            // cty.DynamicVal (unknown), which Nomad then refuses wherever it decodes a value. A block scalar's null
            // has the string type its pass implied, so it is a known null.
            return value.IsNull && value.Type.Kind == HclTypeKind.Dynamic ? HclValue.DynamicUnknown : value;
        }
        catch (YamlSyntaxException e)
        {
            throw new FunctionException(e.Message);
        }
    }

    private sealed class DecodeState(YamlParser parser)
    {
        // Collections nested deeper than this are refused (go-cty-yaml has no limit; Go's stacks grow, .NET's do not).
        private const int MaxDepth = 10_000;
        private int _depth;

        private readonly Dictionary<string, int> _pendingAnchors = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HclValue> _anchors = new(StringComparer.Ordinal);

        public YamlEvent Next() => parser.Next() ?? throw new FunctionException("unexpected end of YAML stream");

        public HclValue Value(YamlEvent e) => e.Kind switch
        {
            YamlEventKind.Scalar => Scalar(e),
            YamlEventKind.Alias => Alias(e),
            YamlEventKind.MappingStart => Mapping(e),
            YamlEventKind.SequenceStart => Sequence(e),
            YamlEventKind.DocumentStart => throw EventError(e, "only a single document is allowed"),
            YamlEventKind.StreamEnd => throw EventError(e, "expecting value but found end of stream"),
            _ => throw EventError(e, $"unexpected parser event {e.Kind}"),
        };

        /// <summary>
        /// The first failed resolution of an untagged block scalar. go-cty-yaml reads the document twice: a type
        /// pass, which takes an untagged non-plain scalar as a string without resolving it, then the value pass,
        /// which resolves it as a plain one and converts the result to that string type. Its failure is therefore
        /// reported only when nothing else in the document fails.
        /// </summary>
        public FunctionException? BlockScalarError { get; private set; }

        private HclValue Scalar(YamlEvent scalar)
        {
            var anchor = scalar.Anchor.Length == 0 ? null : scalar.Anchor;
            Begin(anchor);
            HclValue value;
            try
            {
                value = Resolve(scalar.Tag, scalar.Value, scalar.Style);
                if (scalar.Tag.Length == 0 && !scalar.Implicit)
                {
                    value = value.IsNull ? HclValue.NullOf(HclType.String) : Converter.Convert(value, HclType.String);
                }
            }
            catch (FunctionException error) when (scalar.Tag.Length == 0 && !scalar.Implicit)
            {
                BlockScalarError ??= EventError(scalar, error.Message);
                value = HclValue.String(scalar.Value);
            }
            catch (FunctionException error)
            {
                throw EventError(scalar, error.Message);
            }

            Complete(anchor, value);
            return value;
        }

        private HclValue Alias(YamlEvent alias)
        {
            var name = alias.Anchor;
            if (_pendingAnchors.ContainsKey(name))
            {
                throw EventError(alias, $"cannot refer to anchor {CryptoFunctions.GoQuote(name)} from inside its own definition");
            }

            return _anchors.TryGetValue(name, out var value)
                ? value
                : throw EventError(alias, $"reference to undefined anchor {CryptoFunctions.GoQuote(name)}");
        }

        private HclValue Mapping(YamlEvent start)
        {
            var tag = start.Tag;
            if (tag.Length > 0 && tag != MapTag)
            {
                throw EventError(start, $"can't interpret mapping as {tag}");
            }

            var anchor = start.Anchor.Length == 0 ? null : start.Anchor;
            Begin(anchor);
            Descend();
            var attributes = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
            while (true)
            {
                var next = Next();
                if (next.Kind == YamlEventKind.MappingEnd)
                {
                    _depth--;
                    var result = HclValue.Object(attributes);
                    Complete(anchor, result);
                    return result;
                }

                if (next.Kind != YamlEventKind.Scalar)
                {
                    throw EventError(next, "only strings are allowed as mapping keys");
                }

                var key = next;
                var keyTag = key.Tag;
                if (keyTag.Length == 0 && key.Value == "<<")
                {
                    Merge(attributes, Value(Next()), key);
                    continue;
                }

                var keyValue = Resolve(keyTag, key.Value, key.Style);
                if (keyValue.IsNull)
                {
                    throw EventError(key, "mapping key cannot be null");
                }

                string name;
                try
                {
                    name = Converter.Convert(keyValue, HclType.String).AsString();
                }
                catch (ConversionException)
                {
                    throw EventError(key, "only strings are allowed as mapping keys");
                }

                attributes[name] = Value(Next());
            }
        }

        // A merge key's value must be a mapping; its entries are assigned in turn, so later keys win either way.
        private static void Merge(SortedDictionary<string, HclValue> attributes, HclValue merged, YamlEvent key)
        {
            if (merged.IsNull || merged.Type.Kind != HclTypeKind.Object)
            {
                throw EventError(key, $"cannot merge {merged.Type.FriendlyName} into mapping");
            }

            foreach (var (name, value) in merged.Attributes)
            {
                attributes[name] = value;
            }
        }

        private HclValue Sequence(YamlEvent start)
        {
            var tag = start.Tag;
            if (tag.Length > 0 && tag != SeqTag)
            {
                throw EventError(start, $"can't interpret sequence as {tag}");
            }

            var anchor = start.Anchor.Length == 0 ? null : start.Anchor;
            Begin(anchor);
            Descend();
            var items = new List<HclValue>();
            while (true)
            {
                var next = Next();
                if (next.Kind == YamlEventKind.SequenceEnd)
                {
                    _depth--;
                    var result = HclValue.Tuple(items);
                    Complete(anchor, result);
                    return result;
                }

                items.Add(Value(next));
            }
        }

        // Past the depth limit the rest of the events are read without recursion first, so that a syntax error
        // anywhere in the text is still reported as Nomad reports it.
        private void Descend()
        {
            if (++_depth <= MaxDepth)
            {
                return;
            }

            while (parser.Next() is not null)
            {
            }

            throw new FunctionException($"YAML collections nested deeper than {MaxDepth} levels are not supported");
        }

        private void Begin(string? anchor)
        {
            if (anchor is not null)
            {
                _pendingAnchors[anchor] = _pendingAnchors.GetValueOrDefault(anchor) + 1;
            }
        }

        private void Complete(string? anchor, HclValue value)
        {
            if (anchor is null)
            {
                return;
            }

            if (--_pendingAnchors[anchor] == 0)
            {
                _pendingAnchors.Remove(anchor);
            }

            _anchors[anchor] = value;
        }
    }

    // go-cty-yaml's resolveScalar, as Nomad's recorded answers show it.
    private static HclValue Resolve(string tag, string source, YamlScalarStyle style)
    {
        if (tag.Length > 0 && tag is not (StrTag or BoolTag or IntTag or FloatTag or NullTag or TimestampTag or BinaryTag))
        {
            throw new FunctionException($"unsupported tag {CryptoFunctions.GoQuote(tag)}");
        }

        var hint = source.Length == 0 ? 'N' : Hint(source[0]);
        if (hint != '\0' && tag is not (StrTag or BinaryTag))
        {
            if (style is YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted)
            {
                return HclValue.String(source);
            }

            if (Known(source) is { } known)
            {
                return known;
            }

            if (tag.Length == 0 && source is ".nan" or ".NaN" or ".NAN")
            {
                throw new FunctionException("floating point NaN is not supported");
            }

            switch (hint)
            {
                case '.':
                    if (ParseNumber(source) is { } dotted)
                    {
                        return dotted;
                    }

                    break;
                case 'D' or 'S':
                    if ((tag.Length == 0 || tag == TimestampTag) && ParseTimestamp(source) is { } time)
                    {
                        return HclValue.String(time);
                    }

                    if (ParseNumber(source) is { } number)
                    {
                        return number;
                    }

                    if (tag.Length == 0 && IntegerLike().IsMatch(source))
                    {
                        tag = IntTag;
                    }

                    break;
            }
        }

        switch (tag)
        {
            case StrTag or BinaryTag:
                if (tag == BinaryTag && !IsGoBase64(source))
                {
                    throw new FunctionException($"cannot parse {CryptoFunctions.GoQuote(source)} as {tag}: not valid base64");
                }

                return HclValue.String(source);
            case BoolTag:
                return Known(source) is { Type.Kind: HclTypeKind.Bool } flag
                    ? flag
                    : throw new FunctionException($"cannot parse {CryptoFunctions.GoQuote(source)} as {tag}");
            case IntTag or FloatTag:
                return ParseInteger(source.Replace("_", "", StringComparison.Ordinal))
                    ?? throw new FunctionException($"cannot parse {CryptoFunctions.GoQuote(source)} as {tag}");
            case TimestampTag:
                return HclValue.String(ParseTimestamp(source) ?? throw new FunctionException($"cannot parse {CryptoFunctions.GoQuote(source)} as {tag}"));
            case NullTag:
                return HclValue.Null;
            default:
                return HclValue.String(source);
        }
    }

    private static char Hint(char first) => first switch
    {
        '+' or '-' => 'S',
        >= '0' and <= '9' => 'D',
        'y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O' or '~' => 'M',
        '.' => '.',
        _ => '\0',
    };

    private static HclValue? Known(string source) => source switch
    {
        "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON" => HclValue.True,
        "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF" => HclValue.False,
        "" or "~" or "null" or "Null" or "NULL" => HclValue.Null,
        ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" => HclValue.Number(double.PositiveInfinity),
        "-.inf" or "-.Inf" or "-.INF" => HclValue.Number(double.NegativeInfinity),
        _ => null,
    };

    // cty.ParseNumberVal: Go's big.ParseFloat in base 10 (digits, one point, e/E exponent, or inf).
    private static HclValue? ParseNumber(string text)
    {
        var body = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
        var i = 0;
        var digits = 0;
        while (i < body.Length && char.IsAsciiDigit(body[i]))
        {
            i++;
            digits++;
        }

        if (i < body.Length && body[i] == '.')
        {
            i++;
            while (i < body.Length && char.IsAsciiDigit(body[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return null;
        }

        if (i < body.Length && body[i] is 'e' or 'E')
        {
            i++;
            if (i < body.Length && body[i] is '+' or '-')
            {
                i++;
            }

            var exponentDigits = 0;
            while (i < body.Length && char.IsAsciiDigit(body[i]))
            {
                i++;
                exponentDigits++;
            }

            if (exponentDigits == 0)
            {
                return null;
            }
        }

        if (i != body.Length)
        {
            return null;
        }

        // The value at cty's precision (exact where a decimal holds it, else 512 bits), signed as written.
        var magnitude = body.StartsWith('.') ? "0" + body : body;
        HclValue value;
        try
        {
            value = HclValue.ParseNumber(magnitude);
        }
        catch (FormatException)
        {
            value = HclValue.Number(double.Parse(magnitude, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return text.StartsWith('-') ? value.Negate() : value;
    }

    // cty.ParseNumberVal, then Go's strconv.ParseInt/ParseUint with base 0 (0x, 0o, 0b, leading 0 octal), 64 bits.
    private static HclValue? ParseInteger(string text)
    {
        if (ParseNumber(text) is { } number)
        {
            return number;
        }

        var negative = text.StartsWith('-');
        var body = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
        int radix;
        if (body.Length > 2 && body[0] == '0' && body[1] is 'x' or 'X')
        {
            radix = 16;
            body = body[2..];
        }
        else if (body.Length > 2 && body[0] == '0' && body[1] is 'o' or 'O')
        {
            radix = 8;
            body = body[2..];
        }
        else if (body.Length > 2 && body[0] == '0' && body[1] is 'b' or 'B')
        {
            radix = 2;
            body = body[2..];
        }
        else if (body.Length > 1 && body[0] == '0')
        {
            radix = 8;
            body = body[1..];
        }
        else
        {
            return null;
        }

        System.Numerics.BigInteger value = 0;
        foreach (var c in body)
        {
            var d = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (d >= radix)
            {
                return null;
            }

            value = (value * radix) + d;
        }

        if (negative)
        {
            value = -value;
            return value >= long.MinValue ? HclValue.Number(BinaryFloat.FromInteger(value)) : null;
        }

        // A leading "+" is accepted by ParseInt only (int64 range); ParseUint takes the full uint64 range.
        var limit = text.StartsWith('+') ? long.MaxValue : (System.Numerics.BigInteger)ulong.MaxValue;
        return value <= limit ? HclValue.Number(BinaryFloat.FromInteger(value)) : null;
    }

    // parseTimestamp: Go's time.Parse with "2006-1-2T15:4:5.999999999Z07:00" (T or t), "2006-1-2 15:4:5.999999999"
    // and "2006-1-2", written back in RFC 3339 (whole seconds, Z for UTC).
    private static string? ParseTimestamp(string text)
    {
        var m = Timestamp().Match(text);
        if (!m.Success)
        {
            return null;
        }

        int Number(int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
        int year = Number(1), month = Number(2), day = Number(3);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year == 0 ? 2000 : year, month))
        {
            return null;
        }

        var timeGroup = m.Groups[4].Success ? 4 : m.Groups[9].Success ? 9 : 0;
        int hour = 0, minute = 0, second = 0;
        if (timeGroup > 0)
        {
            hour = Number(timeGroup);
            minute = Number(timeGroup + 1);
            second = Number(timeGroup + 2);
            if (hour > 23 || minute > 59 || second > 59)
            {
                return null;
            }
        }

        var zone = m.Groups[8].Success ? m.Groups[8].Value : "Z";
        if (zone == "+00:00" || zone == "-00:00")
        {
            zone = "Z";
        }

        return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}T{hour:D2}:{minute:D2}:{second:D2}{zone}");
    }

    private static bool IsGoBase64(string text)
    {
        var clean = text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        if (clean.Length % 4 != 0 || clean.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')))
        {
            return false;
        }

        try
        {
            Convert.FromBase64String(clean);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    // An event error: go-cty-yaml's Error{Line, Column} from the event's start mark (line counted from 0, column
    // from 1), printed without position on the first line.
    private static FunctionException EventError(YamlEvent e, string message) => Positioned(e.Start.Line, e.Start.Column + 1, message);

    private static FunctionException Positioned(long line, long column, string message) =>
        new(line == 0 ? message : string.Create(CultureInfo.InvariantCulture, $"on line {line}, column {column}: {message}"));
}
