using System.Globalization;
using System.Text;
using Nomad.Hcl.Evaluation;

namespace Nomad.Hcl.Functions;

/// <summary>
/// yamlencode's text: go-cty-yaml's encoder (strings double-quoted, or literal <c>|</c> when they hold a line break;
/// numbers, bools and null plain; block collections, empty ones as <c>[]</c>/<c>{}</c>) written by the emitter it
/// carries (libyaml's, in Go): indentation 2, lines folded at 80 columns inside double quotes, <c>?</c> keys for
/// keys that are multi-line or longer than 128 bytes, <c>...</c> after a lone plain scalar.
/// </summary>
internal sealed class YamlEmitter
{
    private const int BestIndent = 2;
    private const int BestWidth = 80;
    private const int MaxSimpleKeyBytes = 128;

    private readonly StringBuilder _out = new();
    private readonly Stack<int> _indents = new();
    private int _indent = -1;
    private int _column;
    private bool _whitespace = true;
    private bool _indention = true;
    private bool _openEnded;

    private enum Style
    {
        Plain,
        DoubleQuoted,
        Literal,
    }

    /// <summary>The YAML document for <paramref name="value"/>, as yamlencode returns it.</summary>
    public static string Encode(HclValue value)
    {
        var emitter = new YamlEmitter();
        emitter.Node(value, root: true, mapping: false, simpleKey: false);

        // Document end (implicit), then stream end.
        emitter.WriteIndent();
        if (emitter._openEnded)
        {
            emitter.WriteIndicator("...", needWhitespace: true, isWhitespace: false, isIndention: false);
            emitter.WriteIndent();
        }

        return emitter._out.ToString();
    }

    private void Node(HclValue value, bool root, bool mapping, bool simpleKey)
    {
        if (value.IsNull)
        {
            Scalar("null", Style.Plain, root, simpleKey);
            return;
        }

        switch (value.Type.Kind)
        {
            case HclTypeKind.String:
                var text = value.AsString();
                Scalar(text, text.Contains('\n', StringComparison.Ordinal) ? Style.Literal : Style.DoubleQuoted, root, simpleKey);
                break;
            case HclTypeKind.Number:
                Scalar(NumberText(value), Style.Plain, root, simpleKey);
                break;
            case HclTypeKind.Bool:
                Scalar(value.AsBool() ? "true" : "false", Style.Plain, root, simpleKey);
                break;
            case HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple:
                Sequence(value.Elements, mapping);
                break;
            case HclTypeKind.Map or HclTypeKind.Object:
                Mapping(value.Attributes);
                break;
            default:
                throw new FunctionException($"can't marshal {value.Type.FriendlyName} as YAML");
        }
    }

    private void Sequence(IReadOnlyList<HclValue> items, bool mappingContext)
    {
        if (items.Count == 0)
        {
            EmptyFlow("[", "]");
            return;
        }

        IncreaseIndent(flow: false, indentless: mappingContext && !_indention);
        foreach (var item in items)
        {
            WriteIndent();
            WriteIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true);
            Node(item, root: false, mapping: false, simpleKey: false);
        }

        _indent = _indents.Pop();
    }

    private void Mapping(IReadOnlyDictionary<string, HclValue> entries)
    {
        if (entries.Count == 0)
        {
            EmptyFlow("{", "}");
            return;
        }

        IncreaseIndent(flow: false, indentless: false);
        foreach (var (key, value) in entries)
        {
            WriteIndent();
            var analysis = Analyze(key);
            if (!analysis.Multiline && Encoding.UTF8.GetByteCount(key) <= MaxSimpleKeyBytes)
            {
                Node(HclValue.String(key), root: false, mapping: true, simpleKey: true);
                WriteIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false);
            }
            else
            {
                WriteIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true);
                Node(HclValue.String(key), root: false, mapping: true, simpleKey: false);
                WriteIndent();
                WriteIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true);
            }

            Node(value, root: false, mapping: true, simpleKey: false);
        }

        _indent = _indents.Pop();
    }

    private void EmptyFlow(string open, string close)
    {
        WriteIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false);
        IncreaseIndent(flow: true, indentless: false);
        _indent = _indents.Pop();
        WriteIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false);
    }

    private void Scalar(string value, Style requested, bool root, bool simpleKey)
    {
        var analysis = Analyze(value);
        var style = requested;
        if (simpleKey && analysis.Multiline)
        {
            style = Style.DoubleQuoted;
        }

        if (style == Style.Literal && (!analysis.BlockAllowed || simpleKey))
        {
            style = Style.DoubleQuoted;
        }

        IncreaseIndent(flow: true, indentless: false);
        switch (style)
        {
            case Style.Plain:
                WritePlain(value, root);
                break;
            case Style.DoubleQuoted:
                WriteDoubleQuoted(value, allowBreaks: !simpleKey);
                break;
            default:
                WriteLiteral(value);
                break;
        }

        _indent = _indents.Pop();
    }

    private readonly record struct Analysis(bool Multiline, bool BlockAllowed);

    // The part of yaml_emitter_analyze_scalar that decides between literal and double-quoted.
    private static Analysis Analyze(string value)
    {
        if (value.Length == 0)
        {
            return new Analysis(false, false);
        }

        bool lineBreaks = false, special = false, trailingSpace = false, spaceBreak = false, previousSpace = false;
        var runes = value.EnumerateRunes().ToArray();
        for (var i = 0; i < runes.Length; i++)
        {
            var c = runes[i].Value;
            if (!IsPrintable(c))
            {
                special = true;
            }

            if (c == ' ')
            {
                trailingSpace = i == runes.Length - 1;
                previousSpace = true;
            }
            else if (IsBreak(c))
            {
                lineBreaks = true;
                spaceBreak |= previousSpace;
                previousSpace = false;
            }
            else
            {
                previousSpace = false;
            }
        }

        return new Analysis(lineBreaks, !(trailingSpace || spaceBreak || special));
    }

    private static bool IsPrintable(int c) =>
        c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);

    private static bool IsBreak(int c) => c is '\r' or '\n' or 0x85 or 0x2028 or 0x2029;

    private void IncreaseIndent(bool flow, bool indentless)
    {
        _indents.Push(_indent);
        if (_indent < 0)
        {
            _indent = flow ? BestIndent : 0;
        }
        else if (!indentless)
        {
            _indent += BestIndent;
        }
    }

    private void Put(char c)
    {
        _out.Append(c);
        _column++;
    }

    private void PutBreak()
    {
        _out.Append('\n');
        _column = 0;
    }

    private void Write(Rune r)
    {
        _out.Append(r.ToString());
        _column++;
    }

    private void WriteIndent()
    {
        var indent = Math.Max(_indent, 0);
        if (!_indention || _column > indent || (_column == indent && !_whitespace))
        {
            PutBreak();
        }

        while (_column < indent)
        {
            Put(' ');
        }

        _whitespace = true;
        _indention = true;
    }

    private void WriteIndicator(string indicator, bool needWhitespace, bool isWhitespace, bool isIndention)
    {
        if (needWhitespace && !_whitespace)
        {
            Put(' ');
        }

        foreach (var c in indicator)
        {
            Put(c);
        }

        _whitespace = isWhitespace;
        _indention = _indention && isIndention;
        _openEnded = false;
    }

    private void WritePlain(string value, bool root)
    {
        if (!_whitespace)
        {
            Put(' ');
        }

        // Plain scalars here are numbers, bools and null: no spaces or breaks to fold.
        foreach (var c in value)
        {
            Put(c);
        }

        _whitespace = false;
        _indention = false;
        if (root)
        {
            _openEnded = true;
        }
    }

    private void WriteDoubleQuoted(string value, bool allowBreaks)
    {
        WriteIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false);
        var runes = value.EnumerateRunes().ToArray();
        var spaces = false;
        for (var i = 0; i < runes.Length; i++)
        {
            var r = runes[i];
            var c = r.Value;
            if (!IsPrintable(c) || c == 0xFEFF || IsBreak(c) || c == '"' || c == '\\')
            {
                Put('\\');
                switch (c)
                {
                    case 0x00: Put('0'); break;
                    case 0x07: Put('a'); break;
                    case 0x08: Put('b'); break;
                    case 0x09: Put('t'); break;
                    case 0x0A: Put('n'); break;
                    case 0x0B: Put('v'); break;
                    case 0x0C: Put('f'); break;
                    case 0x0D: Put('r'); break;
                    case 0x1B: Put('e'); break;
                    case 0x22: Put('"'); break;
                    case 0x5C: Put('\\'); break;
                    case 0x85: Put('N'); break;
                    case 0xA0: Put('_'); break;
                    case 0x2028: Put('L'); break;
                    case 0x2029: Put('P'); break;
                    default:
                        var (letter, digits) = c <= 0xFF ? ('x', 2) : c <= 0xFFFF ? ('u', 4) : ('U', 8);
                        Put(letter);
                        foreach (var d in c.ToString("X" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
                        {
                            Put(d);
                        }

                        break;
                }

                spaces = false;
            }
            else if (c == ' ')
            {
                if (allowBreaks && !spaces && _column > BestWidth && i > 0 && i < runes.Length - 1)
                {
                    WriteIndent();
                    if (runes[i + 1].Value == ' ')
                    {
                        Put('\\');
                    }
                }
                else
                {
                    Write(r);
                }

                spaces = true;
            }
            else
            {
                Write(r);
                spaces = false;
            }
        }

        WriteIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false);
        _whitespace = false;
        _indention = false;
    }

    private void WriteLiteral(string value)
    {
        WriteIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false);
        var runes = value.EnumerateRunes().ToArray();
        if (runes[0].Value == ' ' || IsBreak(runes[0].Value))
        {
            WriteIndicator(BestIndent.ToString(CultureInfo.InvariantCulture), needWhitespace: false, isWhitespace: false, isIndention: false);
        }

        _openEnded = false;
        var last = runes.Length - 1;
        string? chomp = !IsBreak(runes[last].Value) ? "-"
            : last == 0 || IsBreak(runes[last - 1].Value) ? "+"
            : null;
        if (chomp is not null)
        {
            WriteIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false);
        }

        PutBreak();
        _indention = true;
        _whitespace = true;
        var breaks = true;
        foreach (var r in runes)
        {
            if (IsBreak(r.Value))
            {
                if (r.Value == '\n')
                {
                    PutBreak();
                }
                else
                {
                    Write(r);
                    _column = 0;
                }

                _indention = true;
                breaks = true;
            }
            else
            {
                if (breaks)
                {
                    WriteIndent();
                }

                Write(r);
                _indention = false;
                breaks = false;
            }
        }
    }

    // big.Float.Text('f', -1): the shortest decimal, never an exponent; infinities as go-cty-yaml spells them.
    private static string NumberText(HclValue value)
    {
        var number = value.AsDouble();
        if (value.IsInfinite && number > 0)
        {
            return "+.Inf";
        }

        if (value.IsInfinite && number < 0)
        {
            return "-.Inf";
        }

        return value.NumberText();
    }

}
