using System.Globalization;
using System.Text.RegularExpressions;
using Nomad.Hcl.Evaluation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Nomad.Hcl.Functions;

/// <summary>
/// yamldecode: one YAML document to a cty value as go-cty-yaml resolves it (YAML 1.1 implicit types: y/yes/on
/// bools, <c>~</c> nulls, timestamps as RFC 3339 strings, hex/octal ints; quoted scalars stay strings; mappings
/// become objects, sequences tuples; anchors and aliases; <c>&lt;&lt;</c> merge keys). Events come from
/// YamlDotNet's parser; error texts follow go-cty-yaml (<c>on line L, column C: …</c>, L counted from 0 and
/// left out on the first line, as Nomad prints them).
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

    [GeneratedRegex(@"^[-+]?(0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9_]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerLike();

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,](\d+))?(Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,](\d+))?))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();

    /// <summary>Decodes <paramref name="source"/>, throwing <see cref="FunctionException"/> with go-cty-yaml's text.</summary>
    public static HclValue Decode(string source)
    {
        if (source.Contains('\t', StringComparison.Ordinal))
        {
            CheckTabs(source);
        }

        try
        {
            var parser = new Parser(new StringReader(source.Length == 0 ? "\n" : source));
            var state = new DecodeState(parser);
            state.Expect<StreamStart>("missing stream start token");
            var start = state.Next();
            if (start is not DocumentStart documentStart)
            {
                throw EventError(start, "missing start of document");
            }

            if (documentStart.Version is { } version && (version.Version.Major != 1 || version.Version.Minor != 1))
            {
                throw EventError(start, "found incompatible YAML document");
            }

            var value = state.Value(state.Next());
            var end = state.Next();
            if (end is DocumentStart)
            {
                throw EventError(end, "only a single document is allowed");
            }

            if (end is not DocumentEnd)
            {
                throw EventError(end, "unexpected extra content after value");
            }

            var streamEnd = state.Next();
            if (streamEnd is not StreamEnd)
            {
                throw EventError(streamEnd, "unexpected extra content after value");
            }

            // go-cty-yaml: a document holding only null implies cty.DynamicPseudoType, and the function answers
            // cty.DynamicVal (unknown), which Nomad then refuses wherever it decodes a value.
            return value.IsNull ? throw new UnknownResultException() : value;
        }
        catch (YamlException e)
        {
            throw new FunctionException(e.Message.Contains("invalid tab as indentation", StringComparison.Ordinal) ? TabMessage(source) : ParserMessage(e));
        }
    }

    private sealed class DecodeState(Parser parser)
    {
        private readonly Dictionary<string, int> _pendingAnchors = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HclValue> _anchors = new(StringComparer.Ordinal);

        public ParsingEvent Next()
        {
            bool more;
            try
            {
                more = parser.MoveNext();
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
            {
                // YamlDotNet's scanner trips over some malformed input; go-cty-yaml's text for a syntax error it
                // cannot describe.
                throw new FunctionException("invalid YAML syntax");
            }

            if (!more)
            {
                throw new FunctionException("unexpected end of YAML stream");
            }

            return parser.Current!;
        }

        public void Expect<T>(string message)
            where T : ParsingEvent
        {
            var e = Next();
            if (e is not T)
            {
                throw EventError(e, message);
            }
        }

        public HclValue Value(ParsingEvent e) => e switch
        {
            Scalar scalar => Scalar(scalar),
            AnchorAlias alias => Alias(alias),
            MappingStart mapping => Mapping(mapping),
            SequenceStart sequence => Sequence(sequence),
            DocumentStart => throw EventError(e, "only a single document is allowed"),
            StreamEnd => throw EventError(e, "expecting value but found end of stream"),
            _ => throw EventError(e, $"unexpected parser event {e.GetType().Name}"),
        };

        private HclValue Scalar(Scalar scalar)
        {
            var anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
            Begin(anchor);
            HclValue value;
            try
            {
                value = Resolve(TagOf(scalar.Tag), scalar.Value, scalar.Style);
            }
            catch (FunctionException error)
            {
                throw EventError(scalar, error.Message);
            }

            Complete(anchor, value);
            return value;
        }

        private HclValue Alias(AnchorAlias alias)
        {
            var name = alias.Value.Value;
            if (_pendingAnchors.ContainsKey(name))
            {
                throw EventError(alias, $"cannot refer to anchor {CryptoFunctions.GoQuote(name)} from inside its own definition");
            }

            return _anchors.TryGetValue(name, out var value)
                ? value
                : throw EventError(alias, $"reference to undefined anchor {CryptoFunctions.GoQuote(name)}");
        }

        private HclValue Mapping(MappingStart start)
        {
            var tag = TagOf(start.Tag);
            if (tag.Length > 0 && tag != MapTag)
            {
                throw EventError(start, $"can't interpret mapping as {tag}");
            }

            var anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
            Begin(anchor);
            var attributes = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
            while (true)
            {
                var next = Next();
                if (next is MappingEnd)
                {
                    var result = HclValue.Object(attributes);
                    Complete(anchor, result);
                    return result;
                }

                if (next is not Scalar key)
                {
                    throw EventError(next, "only strings are allowed as mapping keys");
                }

                var keyTag = TagOf(key.Tag);
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
        private static void Merge(SortedDictionary<string, HclValue> attributes, HclValue merged, Scalar key)
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

        private HclValue Sequence(SequenceStart start)
        {
            var tag = TagOf(start.Tag);
            if (tag.Length > 0 && tag != SeqTag)
            {
                throw EventError(start, $"can't interpret sequence as {tag}");
            }

            var anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
            Begin(anchor);
            var items = new List<HclValue>();
            while (true)
            {
                var next = Next();
                if (next is SequenceEnd)
                {
                    var result = HclValue.Tuple(items);
                    Complete(anchor, result);
                    return result;
                }

                items.Add(Value(next));
            }
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

    private static string TagOf(TagName tag) => tag.IsEmpty ? "" : tag.Value;

    // go-cty-yaml's resolveScalar, as Nomad's recorded answers show it.
    private static HclValue Resolve(string tag, string source, ScalarStyle style)
    {
        if (tag.Length > 0 && tag is not (StrTag or BoolTag or IntTag or FloatTag or NullTag or TimestampTag or BinaryTag))
        {
            throw new FunctionException($"unsupported tag {CryptoFunctions.GoQuote(tag)}");
        }

        var hint = source.Length == 0 ? 'N' : Hint(source[0]);
        if (hint != '\0' && tag is not (StrTag or BinaryTag))
        {
            if (style != ScalarStyle.Plain)
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
    private static FunctionException EventError(ParsingEvent e, string message) => Positioned(e.Start.Line - 1, e.Start.Column, message);

    private static FunctionException Positioned(long line, long column, string message) =>
        new(line == 0 ? message : string.Create(CultureInfo.InvariantCulture, $"on line {line}, column {column}: {message}"));

    // libyaml skips a tab between tokens only where a simple key may not start: in block context a tab at the start
    // of the first line, or on the line of a "-", an explicit "?" or its ":", is "found character that cannot start any
    // token". YamlDotNet accepts those; later lines' indentation tabs it refuses itself.
    private static void CheckTabs(string source)
    {
        var scanner = new Scanner(new StringReader(source));
        YamlDotNet.Core.Tokens.Token? previous = null;
        var flowLevel = 0;
        var complexKey = false;
        try
        {
            while (scanner.MoveNext())
            {
                var token = scanner.Current!;
                if (token is YamlDotNet.Core.Tokens.Error)
                {
                    // The scanner repeats its error token forever; the parser reports the error.
                    return;
                }

                if (previous is not null && flowLevel == 0)
                {
                    var simpleKeyAllowed = previous is YamlDotNet.Core.Tokens.StreamStart or YamlDotNet.Core.Tokens.BlockEntry
                        || (previous is YamlDotNet.Core.Tokens.Key && previous.End.Index > previous.Start.Index)
                        || (previous is YamlDotNet.Core.Tokens.Value && complexKey);
                    var from = (int)previous.End.Index;
                    var to = (int)Math.Min(token.Start.Index, source.Length);
                    if (simpleKeyAllowed && from < to)
                    {
                        var gap = source[from..to];
                        var lineEnd = gap.IndexOfAny(['\n', '#']);
                        if ((lineEnd < 0 ? gap : gap[..lineEnd]).Contains('\t', StringComparison.Ordinal))
                        {
                            throw Positioned(previous is YamlDotNet.Core.Tokens.StreamStart ? 0 : previous.End.Line - 1 is var line and > 0 ? line + 1 : 0, 1, "found character that cannot start any token");
                        }
                    }
                }

                switch (token)
                {
                    case YamlDotNet.Core.Tokens.FlowSequenceStart or YamlDotNet.Core.Tokens.FlowMappingStart:
                        flowLevel++;
                        break;
                    case YamlDotNet.Core.Tokens.FlowSequenceEnd or YamlDotNet.Core.Tokens.FlowMappingEnd:
                        flowLevel--;
                        break;
                    case YamlDotNet.Core.Tokens.Key key:
                        complexKey = key.End.Index > key.Start.Index;
                        break;
                    case YamlDotNet.Core.Tokens.Value:
                        break;
                    default:
                        if (previous is YamlDotNet.Core.Tokens.Value)
                        {
                            complexKey = false;
                        }

                        break;
                }

                previous = token;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // Syntax errors are the parser's to report.
        }
    }

    // YamlDotNet reports a tab in indentation without a usable position; libyaml's scanner names the line after the
    // first one indented with a tab, and words it by context: inside a block scalar or elsewhere.
    private static string TabMessage(string source)
    {
        var lines = source.Split('\n');
        var line = Array.FindIndex(lines, l => l.TrimStart(' ').StartsWith('\t'));
        var inBlockScalar = false;
        if (line > 0)
        {
            var indent = lines[line].Length - lines[line].TrimStart(' ', '\t').Length;
            for (var previous = line - 1; previous >= 0; previous--)
            {
                var text = lines[previous].TrimEnd();
                if (text.Length > 0 && text.Length - text.TrimStart(' ').Length < Math.Max(indent, 1))
                {
                    inBlockScalar = BlockScalarHeader().IsMatch(text);
                    break;
                }
            }
        }

        var message = inBlockScalar ? "found a tab character where an indentation space is expected" : "found character that cannot start any token";
        return Positioned(line <= 0 ? 0 : line + 1, 1, message).Message;
    }

    [GeneratedRegex(@"[|>][-+0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BlockScalarHeader();

    // A syntax error from the parser, reworded as libyaml's problem text. Scanner errors (libyaml's
    // problem_mark is where scanning stopped) are printed with the next line and column 1; parser errors
    // with the offending token's line (from 0) and column.
    private static string ParserMessage(YamlException e)
    {
        var message = e.Message;
        if (message.StartsWith("While ", StringComparison.Ordinal) && message.IndexOf(", ", StringComparison.Ordinal) is var comma and > 0)
        {
            message = message[(comma + 2)..];
        }

        message = message.TrimEnd('.');
        if (message.Length > 0)
        {
            message = char.ToLowerInvariant(message[0]) + message[1..];
        }

        message = message switch
        {
            "found invalid mapping" => "mapping values are not allowed in this context",
            "found a tab character that violate indentation" => "found a tab character that violates indentation",
            _ => message,
        };

        var scanner = !message.StartsWith("did not find expected", StringComparison.Ordinal) || message.Contains("alphabetic", StringComparison.Ordinal);
        if (scanner)
        {
            var problemLine = e.End.Line - 1;
            return Positioned(problemLine == 0 ? 0 : problemLine + 1, 1, message).Message;
        }

        return Positioned(e.Start.Line - 1, e.Start.Column, message).Message;
    }
}
