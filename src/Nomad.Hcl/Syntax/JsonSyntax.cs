using System.Globalization;
using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Evaluation;

namespace Nomad.Hcl.Syntax;

/// <summary>
/// The syntax check of HCL's JSON parser (hashicorp/hcl <c>json/scanner.go</c>, <c>parser.go</c>, <c>public.go</c>),
/// which jobspec2 uses for a file whose first byte other than a space is <c>{</c> (parse.go <c>isJSON</c>): its
/// diagnostics with their recovery, positions (a tab is two columns, <c>\r</c> none, a string's characters are
/// grapheme clusters) and the root check; and a JSON var file's arguments. A JSON job body is not decoded here.
/// </summary>
public sealed class JsonSyntax
{
    private const char BraceC = '}', BrackC = ']', Comma = ',', Colon = ':', EqualsSign = '=';
    private const char Eof = 'E', Invalid = '\0';

    /// <summary>The kinds of <see cref="Node"/>: an object, an array, a string, a number, a keyword.</summary>
    internal const char BraceO = '{', BrackO = '[', String = 'S', Number = 'N', Keyword = 'K';
    private const string ValueStart = "A JSON value must start with a brace, a bracket, a number, a string, or a keyword.";

    private readonly List<Token> _tokens;
    private readonly List<HclDiagnostic> _diagnostics = [];
    private int _next;

    private JsonSyntax(string source, string fileName) => _tokens = Scan(source, fileName);

    private readonly record struct Token(char Type, string Text, SourceRange Range);

    /// <summary>Whether jobspec2 reads <paramref name="source"/> as JSON: its first character other than a space is <c>{</c>.</summary>
    public static bool IsJson(string source)
    {
        foreach (var c in source)
        {
            if (c != ' ')
            {
                return c == '{';
            }
        }

        return false;
    }

    /// <summary>The diagnostics hcl's <c>json.Parse</c> gives for <paramref name="source"/>, in its order (empty when well formed).</summary>
    public static IReadOnlyList<HclDiagnostic> Check(string source, string fileName)
    {
        var parser = new JsonSyntax(source, fileName);
        if (parser.ParseRoot() is not { } root)
        {
            return parser._diagnostics;
        }

        if (parser._diagnostics.Count == 0 && parser.Peek().Type != Eof)
        {
            parser.Add("Extraneous data after value", "Extra characters appear after the JSON value.", parser.Peek().Range);
        }

        if (root.Kind is not (BraceO or BrackO))
        {
            parser.Add("Root value must be object", "The root value in a JSON-based configuration must be either a JSON object or a JSON array of objects.", root.Start);
        }

        return parser._diagnostics;
    }

    // A parsed node: its kind (BraceO object, BrackO array, String, Number, Keyword, Invalid), start range, whole range,
    // text (a string's value, a number's or keyword's source) and members (an object's; an array's have no name).
    internal sealed record Node(char Kind, SourceRange Start, SourceRange Range, string Text = "", IReadOnlyList<Member>? Members = null);

    internal sealed record Member(string Name, SourceRange NameRange, Node Value);

    private Token Peek() => _tokens[_next];

    private Token Read()
    {
        var token = _tokens[_next];
        if (token.Type != Eof)
        {
            _next++;
        }

        return token;
    }

    private void Add(string summary, string detail, SourceRange range) => _diagnostics.Add(new HclDiagnostic(summary, detail, range));

    // Not in hcl's json parser (Go's stack grows): nesting deeper than this stops the parse rather than overflow .NET's
    // stack, as the native parser's limit does.
    private const int MaxDepth = 200;

    private int _depth;

    /// <summary>The root value, or null when the parse stopped at nesting too deep (the error recorded).</summary>
    private Node? ParseRoot()
    {
        try
        {
            return ParseValue();
        }
        catch (ParseAbortedException)
        {
            return null;
        }
    }

    private Node ParseValue()
    {
        var token = Peek();
        if (token.Type is BraceO or BrackO && ++_depth > MaxDepth)
        {
            Add("Nesting too deep", "This configuration nests objects or arrays too deeply to be parsed.", token.Range);
            throw new ParseAbortedException();
        }

        try
        {
            return ParseValueAt(token);
        }
        finally
        {
            if (token.Type is BraceO or BrackO)
            {
                _depth--;
            }
        }
    }

    private Node ParseValueAt(Token token)
    {
        var node = token.Type switch
        {
            BraceO => ParseObject(),
            BrackO => ParseArray(),
            Number => ParseNumber(),
            String => ParseString(),
            Keyword => ParseKeyword(),
            BraceC => Fail("Missing JSON value", ValueStart, token.Range),
            BrackC => Fail("Missing array element value", ValueStart, token.Range),
            Eof => Fail("Missing value", "The JSON data ends prematurely.", token.Range),
            _ => Fail("Invalid start of value", ValueStart, token.Range),
        };
        return node ?? new Node(Invalid, token.Range, token.Range);
    }

    private Node? Fail(string summary, string detail, SourceRange range)
    {
        Add(summary, detail, range);
        return null;
    }

    private void Recover(Token token, char open, char close)
    {
        var depth = 1;
        while (true)
        {
            if (token.Type == open)
            {
                depth++;
            }
            else if (token.Type == close)
            {
                depth--;
                if (depth <= 1)
                {
                    return;
                }
            }
            else if (token.Type == Eof)
            {
                return;
            }

            token = Read();
        }
    }

    private Node? ParseObject()
    {
        var open = Read();
        var members = new List<Member>();
        while (Peek().Type != BraceC)
        {
            var key = ParseValue();
            if (key.Kind != String)
            {
                return Fail("Invalid object property name", "A JSON object property name must be a string", key.Start);
            }

            var colon = Read();
            if (colon.Type != Colon)
            {
                Recover(colon, BraceO, BraceC);
                return colon.Type is BraceC or Comma
                    ? Fail("Missing object value", "A JSON object attribute must have a value, introduced by a colon.", colon.Range)
                    : colon.Type == EqualsSign
                        ? Fail("Missing property value colon", "JSON uses a colon as its name/value delimiter, not an equals sign.", colon.Range)
                        : Fail("Missing property value colon", "A colon must appear between an object property's name and its value.", colon.Range);
            }

            members.Add(new Member(key.Text, key.Range, ParseValue()));
            var after = Peek().Type;
            if (after == Comma)
            {
                var comma = Read();
                if (Peek().Type == BraceC)
                {
                    return Fail("Trailing comma in object", "JSON does not permit a trailing comma after the final property in an object.", comma.Range);
                }

                continue;
            }

            if (after == Eof)
            {
                return Fail("Unclosed object", "No closing brace was found for this JSON object.", open.Range);
            }

            if (after == BrackC)
            {
                Read();
                return Fail("Mismatched braces", "A JSON object must be closed with a brace, not a bracket.", Peek().Range);
            }

            if (after == BraceC)
            {
                break;
            }

            Recover(Read(), BraceO, BraceC);
            return Fail("Missing attribute seperator comma", "A comma must appear between each property definition in an object.", Peek().Range);
        }

        var close = Read();
        return new Node(BraceO, open.Range, SourceRange.Between(open.Range, close.Range), Members: members);
    }

    private Node? ParseArray()
    {
        var open = Read();
        var items = new List<Member>();
        while (Peek().Type != BrackC)
        {
            items.Add(new Member("", open.Range, ParseValue()));
            var after = Peek().Type;
            if (after == Comma)
            {
                var comma = Read();
                if (Peek().Type == BrackC)
                {
                    return Fail("Trailing comma in array", "JSON does not permit a trailing comma after the final value in an array.", comma.Range);
                }

                continue;
            }

            if (after == BrackC)
            {
                break;
            }

            Recover(Read(), BrackO, BrackC);
            return after switch
            {
                Colon => Fail("Invalid array value", "A colon is not used to introduce values in a JSON array.", Peek().Range),
                Eof => Fail("Unclosed object", "No closing bracket was found for this JSON array.", open.Range),
                BraceC => Fail("Mismatched brackets", "A JSON array must be closed with a bracket, not a brace.", Peek().Range),
                _ => Fail("Missing attribute seperator comma", "A comma must appear between each value in an array.", Peek().Range),
            };
        }

        var close = Read();
        return new Node(BrackO, open.Range, SourceRange.Between(open.Range, close.Range), Members: items);
    }

    private Node? ParseNumber()
    {
        var token = Read();
        // hcl's parseNumber reads the value with big.ParseFloat, whose exponent overflow is this error; past the decimal
        // exponent this library computes (±2,000,000) it is refused the same way (see the README's known differences).
        return IsJsonNumber(token.Text) && HclValue.TryParseNumber(token.Text, out _)
            ? new Node(Number, token.Range, token.Range, token.Text)
            : Fail("Invalid JSON number", "There is a syntax error in the given JSON number.", token.Range);
    }

    // encoding/json's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    private static bool IsJsonNumber(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (i >= text.Length || !char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (i >= text.Length || !char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        return i == text.Length;
    }

    private Node? ParseString()
    {
        var token = Read();
        if (StringErrorOffset(token.Text) is not { } offset)
        {
            return new Node(String, token.Range, token.Range, Unescape(token.Text));
        }

        // parser.go: the error's position is the token's start advanced by encoding/json's byte offset, in bytes and
        // in columns alike.
        var start = token.Range.Start;
        var at = new SourcePosition(start.Line, start.Column + offset, start.Offset + offset);
        var range = new SourceRange(token.Range.FileName, at, at with { Column = at.Column + 1, Offset = at.Offset + 1 });
        return Fail("Invalid JSON string", "There is a syntax error in the given JSON string.", range);
    }

    // encoding/json's checkValid on a string token: the count of bytes read up to and including the offending one, or
    // the token's length when it ends before its closing quote; null when the string is valid.
    private static int? StringErrorOffset(string text)
    {
        var bytes = 1;
        var i = 1;
        while (i < text.Length)
        {
            var c = text[i];
            bytes += Utf8Length(text, i);
            if (c == '"')
            {
                return i == text.Length - 1 ? null : bytes + 1;
            }

            if (c != '\\')
            {
                i += char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                continue;
            }

            i++;
            if (i >= text.Length)
            {
                break;
            }

            bytes++;
            var escape = text[i];
            if (escape is 'b' or 'f' or 'n' or 'r' or 't' or '\\' or '/' or '"')
            {
                i++;
                continue;
            }

            if (escape != 'u')
            {
                return bytes;
            }

            i++;
            for (var k = 0; k < 4; k++, i++)
            {
                if (i >= text.Length)
                {
                    return System.Text.Encoding.UTF8.GetByteCount(text);
                }

                bytes += Utf8Length(text, i);
                if (!char.IsAsciiHexDigit(text[i]))
                {
                    return bytes;
                }
            }
        }

        return System.Text.Encoding.UTF8.GetByteCount(text);
    }

    private Node? ParseKeyword()
    {
        var token = Read();
        switch (token.Text)
        {
            case "true" or "false" or "null":
                return new Node(Keyword, token.Range, token.Range, token.Text);
            case "undefined" or "NaN" or "Infinity":
                return Fail("Invalid JSON keyword", $"The JavaScript identifier \"{token.Text}\" cannot be used in JSON.", token.Range);
            default:
                var suggestion = NameSuggestion.Nearest(token.Text, ["false", "true", "null"]);
                return Fail("Invalid JSON keyword", $"\"{token.Text}\" is not a valid JSON keyword.{(suggestion is null ? "" : $" Did you mean \"{suggestion}\"?")}", token.Range);
        }
    }

    /// <summary>The parsed value of a JSON file, or null when hcl's <c>json.Parse</c> reports errors (added to <paramref name="diagnostics"/>).</summary>
    internal static Node? Tree(string source, string fileName, DiagnosticBag diagnostics)
    {
        var parser = new JsonSyntax(source, fileName);
        var root = parser.ParseRoot();
        if (root is not null && parser._diagnostics.Count == 0 && parser.Peek().Type != Eof)
        {
            parser.Add("Extraneous data after value", "Extra characters appear after the JSON value.", parser.Peek().Range);
        }

        if (root is not null && root.Kind is not (BraceO or BrackO))
        {
            parser.Add("Root value must be object", "The root value in a JSON-based configuration must be either a JSON object or a JSON array of objects.", root.Start);
        }

        diagnostics.AddRange(parser._diagnostics);
        return parser._diagnostics.Count > 0 ? null : root;
    }

    /// <summary>
    /// The arguments of a JSON var file as jobspec2 reads them (hcl json body's JustAttributes, values evaluated
    /// without a context, so strings are literal): the root must be an object, <c>"//"</c> is a comment, a repeated name
    /// is an error. Null when the syntax check failed (its diagnostics are then in <paramref name="diagnostics"/>).
    /// </summary>
    public static IReadOnlyList<Attribute>? ReadAttributes(string source, string fileName, DiagnosticBag diagnostics)
    {
        var parser = new JsonSyntax(source, fileName);
        if (parser.ParseRoot() is not { } root)
        {
            diagnostics.AddRange(parser._diagnostics);
            return null;
        }

        if (parser._diagnostics.Count == 0 && parser.Peek().Type != Eof)
        {
            parser.Add("Extraneous data after value", "Extra characters appear after the JSON value.", parser.Peek().Range);
        }

        if (root.Kind is not (BraceO or BrackO))
        {
            parser.Add("Root value must be object", "The root value in a JSON-based configuration must be either a JSON object or a JSON array of objects.", root.Start);
        }

        if (parser._diagnostics.Count > 0)
        {
            diagnostics.AddRange(parser._diagnostics);
            return null;
        }

        if (root.Kind != BraceO)
        {
            diagnostics.Add("Incorrect JSON value type", "A JSON object is required here, setting the arguments for this block.", root.Start);
            return [];
        }

        var attributes = new List<Attribute>();
        foreach (var member in root.Members!)
        {
            if (member.Name == "//")
            {
                continue;
            }

            if (attributes.Find(a => a.Name == member.Name) is { } existing)
            {
                diagnostics.Add("Duplicate attribute definition", $"The argument \"{member.Name}\" was already set at {existing.Range}.", member.NameRange);
                continue;
            }

            var value = Value(member.Value, diagnostics);
            attributes.Add(new Attribute(member.Name, new LiteralExpression(value, member.Value.Range), member.NameRange, SourceRange.Between(member.NameRange, member.Value.Range)));
        }

        return attributes;
    }

    // hcl json's expression.Value with a nil context.
    private static HclValue Value(Node node, DiagnosticBag diagnostics)
    {
        switch (node.Kind)
        {
            case String:
                return HclValue.String(node.Text);
            case Number:
                return HclValue.ParseNumber(node.Text);
            case Keyword:
                return node.Text switch { "true" => HclValue.Bool(true), "false" => HclValue.Bool(false), _ => HclValue.Null };
            case BrackO:
                return HclValue.Tuple([.. node.Members!.Select(m => Value(m.Value, diagnostics))]);
            default:
                var attributes = new Dictionary<string, HclValue>(StringComparer.Ordinal);
                var ranges = new Dictionary<string, SourceRange>(StringComparer.Ordinal);
                foreach (var member in node.Members!)
                {
                    var value = Value(member.Value, diagnostics);
                    var name = Unicode.Nfc.Normalize(member.Name);
                    if (ranges.TryGetValue(name, out var previous))
                    {
                        diagnostics.Add("Duplicate object attribute", $"An attribute named \"{name}\" was already defined at {previous}.", member.NameRange);
                        continue;
                    }

                    attributes[name] = value;
                    ranges[name] = member.NameRange;
                }

                return HclValue.Object(attributes);
        }
    }

    // encoding/json's string unquoting: escapes, a lone surrogate escape as U+FFFD.
    private static string Unescape(string token)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 1; i < token.Length - 1; i++)
        {
            var c = token[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            var e = token[++i];
            if (e != 'u')
            {
                text.Append(e switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => e });
                continue;
            }

            var unit = (char)int.Parse(token.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            i += 4;
            if (char.IsHighSurrogate(unit) && i + 6 < token.Length && token[i + 1] == '\\' && token[i + 2] == 'u'
                && int.Parse(token.AsSpan(i + 3, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture) is var low && char.IsLowSurrogate((char)low))
            {
                text.Append(unit).Append((char)low);
                i += 6;
                continue;
            }

            text.Append(char.IsSurrogate(unit) ? '\uFFFD' : unit);
        }

        return text.ToString();
    }

    private static int Utf8Length(string text, int i) => text[i] switch
    {
        < '\u0080' => 1,
        < '\u0800' => 2,
        _ when char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) => 4,
        _ => 3,
    };

    private static List<Token> Scan(string source, string fileName)
    {
        var tokens = new List<Token>();
        int line = 1, column = 1, offset = 0, i = 0;
        SourcePosition Here() => new(line, column, offset);
        while (true)
        {
            while (i < source.Length && source[i] is ' ' or '\n' or '\r' or '\t')
            {
                switch (source[i])
                {
                    case ' ':
                        column++;
                        break;
                    case '\n':
                        line++;
                        column = 1;
                        break;
                    case '\t':
                        column += 2;
                        break;
                }

                offset++;
                i++;
            }

            var start = Here();
            if (i >= source.Length)
            {
                tokens.Add(new Token(Eof, "", new SourceRange(fileName, start, start)));
                return tokens;
            }

            var first = source[i];
            var from = i;
            if (first is BraceO or BraceC or BrackO or BrackC or Comma or Colon or EqualsSign)
            {
                i++;
                column++;
                offset++;
                tokens.Add(new Token(first, first.ToString(), new SourceRange(fileName, start, Here())));
            }
            else if (first == '"')
            {
                i++;
                column++;
                offset++;
                var escaping = false;
                while (i < source.Length)
                {
                    var c = source[i];
                    if (c == '\\')
                    {
                        escaping = !escaping;
                        i++;
                        column++;
                        offset++;
                    }
                    else if (c == '"')
                    {
                        i++;
                        column++;
                        offset++;
                        if (!escaping)
                        {
                            break;
                        }

                        escaping = false;
                    }
                    else if (c < ' ')
                    {
                        break;
                    }
                    else
                    {
                        // One grapheme cluster is one column.
                        var length = StringInfo.GetNextTextElementLength(source, i);
                        for (var k = i; k < i + length; k++)
                        {
                            offset += char.IsLowSurrogate(source[k]) ? 0 : Utf8Length(source, k);
                        }

                        i += length;
                        column++;
                        escaping = false;
                    }
                }

                tokens.Add(new Token(String, source[from..i], new SourceRange(fileName, start, Here())));
            }
            else if (first is '-' or '+' or '.' || char.IsAsciiDigit(first))
            {
                while (i < source.Length && (source[i] is '-' or '+' or '.' or 'e' or 'E' || char.IsAsciiDigit(source[i])))
                {
                    i++;
                    column++;
                    offset++;
                }

                tokens.Add(new Token(Number, source[from..i], new SourceRange(fileName, start, Here())));
            }
            else if (char.IsAsciiLetter(first))
            {
                while (i < source.Length && (char.IsAsciiLetter(source[i]) || source[i] == '_'))
                {
                    i++;
                    column++;
                    offset++;
                }

                tokens.Add(new Token(Keyword, source[from..i], new SourceRange(fileName, start, Here())));
            }
            else
            {
                // scanner.go: an invalid byte is one byte and one column, and ends the tokens.
                column++;
                offset++;
                tokens.Add(new Token(Invalid, first.ToString(), new SourceRange(fileName, start, Here())));
                tokens.Add(new Token(Eof, "", new SourceRange(fileName, Here(), Here())));
                return tokens;
            }
        }
    }
}
