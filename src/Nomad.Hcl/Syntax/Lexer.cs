using System.Globalization;
using System.Text;
using Nomad.Hcl.Diagnostics;

namespace Nomad.Hcl.Syntax;

/// <summary>
/// Turns HCL native syntax text into tokens. Like hclsyntax's scanner it switches between expression mode,
/// quoted-template mode and heredoc mode, tracking nesting so that a <c>}</c> closes the right thing.
/// It never throws: characters it cannot place become <see cref="TokenKind.Invalid"/> tokens.
/// </summary>
public sealed class Lexer
{
    private enum FrameKind { Brace, TemplateSequence, Quoted, Heredoc }

    private sealed record Frame(FrameKind Kind, string Marker = "")
    {
        public bool AtLineStart { get; set; } = true;
    }

    private readonly string _src;
    private readonly string _file;
    private readonly List<Token> _tokens;
    private readonly Stack<Frame> _frames = new();
    private int _pos;
    private int _line = 1;
    private int _col = 1;

    // hclsyntax counts columns in grapheme clusters (textseg.ScanGraphemeClusters over each token's bytes): true at
    // each char that starts one. Null for ASCII-only sources, where every char but the "\n" of "\r\n" starts one.
    private readonly bool[]? _clusterStart;

    private Lexer(string source, string fileName)
    {
        _src = source;
        _file = fileName;
        _tokens = new List<Token>(source.Length / 4 + 16);
        _clusterStart = ClusterStarts(source);
    }

    private static bool[]? ClusterStarts(string source)
    {
        if (!source.AsSpan().ContainsAnyExceptInRange('\0', '\u007f'))
        {
            return null;
        }

        var starts = new bool[source.Length];
        for (var i = 0; i < source.Length;)
        {
            starts[i] = true;
            i += Math.Max(1, System.Globalization.StringInfo.GetNextTextElementLength(source, i));
        }

        return starts;
    }

    /// <summary>Scans a whole file (in expression mode) into tokens ending with <see cref="TokenKind.EndOfFile"/>.</summary>
    public static List<Token> Scan(string source, string fileName)
    {
        var lexer = new Lexer(source, fileName);
        lexer.Run();
        return lexer._tokens;
    }

    /// <summary>
    /// Scans a bare template (hclsyntax's LexTemplate: literal text, <c>${…}</c> and <c>%{…}</c>, no quotes and no
    /// escapes but <c>$${</c>/<c>%%{</c>, ended only by the end of the text), positions counted from 1,1.
    /// </summary>
    public static List<Token> ScanTemplate(string source, string fileName)
    {
        var lexer = new Lexer(source, fileName);
        lexer._frames.Push(new Frame(FrameKind.Heredoc));
        lexer.Run();
        return lexer._tokens;
    }

    private SourcePosition Here => new(_line, _col, _pos);

    private char Peek(int ahead = 0) => _pos + ahead < _src.Length ? _src[_pos + ahead] : '\0';

    private bool AtEnd => _pos >= _src.Length;

    private void Advance(int count = 1)
    {
        for (var i = 0; i < count && _pos < _src.Length; i++)
        {
            var c = _src[_pos++];
            if (c == '\n')
            {
                _line++;
                _col = 1;
            }
            else if (_clusterStart is null || _clusterStart[_pos - 1])
            {
                _col++;
            }
        }
    }

    private void Emit(TokenKind kind, SourcePosition start, bool strip = false)
    {
        if (_clusterStart is not null)
        {
            CountClusters(start);
        }

        _tokens.Add(new Token(kind, _src[start.Offset.._pos], new SourceRange(_file, start, Here), strip));
    }

    // hclsyntax's emitToken: the end of a token is its start advanced by the grapheme clusters of the token's own text
    // (a cluster never spans two tokens there, e.g. a combining mark right after an opening quote).
    private void CountClusters(SourcePosition start)
    {
        int line = start.Line, col = start.Column;
        var text = _src.AsSpan(start.Offset, _pos - start.Offset);
        for (var i = 0; i < text.Length;)
        {
            var length = Math.Max(1, System.Globalization.StringInfo.GetNextTextElementLength(text[i..]));
            if ((text[i] == '\n' && length == 1) || (text[i] == '\r' && length == 2 && text[i + 1] == '\n'))
            {
                line++;
                col = 1;
            }
            else
            {
                col++;
            }

            i += length;
        }

        _line = line;
        _col = col;
    }

    private void Run()
    {
        // hclsyntax's scanTokens strips a UTF-8 byte order mark first; positions after it keep column 1.
        if (_src.Length > 0 && _src[0] == '\uFEFF')
        {
            _pos = 1;
        }

        while (true)
        {
            var top = _frames.Count > 0 ? _frames.Peek() : null;
            if (AtEnd)
            {
                var here = Here;
                _tokens.Add(new Token(TokenKind.EndOfFile, "", new SourceRange(_file, here, here)));
                return;
            }

            switch (top?.Kind)
            {
                case FrameKind.Quoted:
                    ScanQuoted();
                    break;
                case FrameKind.Heredoc:
                    ScanHeredoc(top);
                    break;
                default:
                    ScanNormal(top);
                    break;
            }
        }
    }

    private void ScanNormal(Frame? top)
    {
        var start = Here;
        var c = Peek();
        switch (c)
        {
            case ' ':
                Advance();
                return;
            case '\t':
                // hclsyntax's scanner: Spaces = (' ' | 0x09)+, so a tab separates tokens like a space.
                Advance();
                return;
            case '\r' when Peek(1) == '\n':
                Advance(2);
                Emit(TokenKind.Newline, start);
                return;
            case '\n':
                Advance();
                Emit(TokenKind.Newline, start);
                return;
            case '#':
                SkipLineComment(start);
                return;
            case '/' when Peek(1) == '/':
                SkipLineComment(start);
                return;
            case '/' when Peek(1) == '*':
                SkipBlockComment(start);
                return;
            case '"':
                Advance();
                Emit(TokenKind.OQuote, start);
                _frames.Push(new Frame(FrameKind.Quoted));
                return;
            case '<' when Peek(1) == '<':
                if (TryHeredocStart(start))
                {
                    return;
                }

                Advance();
                Emit(TokenKind.LessThan, start);
                return;
            case '{':
                Advance();
                Emit(TokenKind.OBrace, start);
                _frames.Push(new Frame(FrameKind.Brace));
                return;
            case '~' when Peek(1) == '}' && top?.Kind == FrameKind.TemplateSequence:
                Advance(2);
                Emit(TokenKind.TemplateSeqEnd, start, strip: true);
                _frames.Pop();
                MarkNotAtLineStart();
                return;
            case '~' when Peek(1) == '}':
                // hclsyntax's scanner: "~}" is always a template sequence's end (closeTemplateSeqEatWhitespace), even where
                // it closes a plain brace, so that the parser reports it.
                Advance(2);
                Emit(TokenKind.TemplateSeqEnd, start, strip: true);
                if (top?.Kind == FrameKind.Brace)
                {
                    _frames.Pop();
                }

                return;
            case '}':
                Advance();
                if (top?.Kind == FrameKind.TemplateSequence)
                {
                    Emit(TokenKind.TemplateSeqEnd, start);
                    _frames.Pop();
                    MarkNotAtLineStart();
                    return;
                }

                if (top?.Kind == FrameKind.Brace)
                {
                    _frames.Pop();
                }

                Emit(TokenKind.CBrace, start);
                return;
            case '[': Single(TokenKind.OBrack, start); return;
            case ']': Single(TokenKind.CBrack, start); return;
            case '(': Single(TokenKind.OParen, start); return;
            case ')': Single(TokenKind.CParen, start); return;
            case '*': Single(TokenKind.Star, start); return;
            case '/': Single(TokenKind.Slash, start); return;
            case '+': Single(TokenKind.Plus, start); return;
            case '-': Single(TokenKind.Minus, start); return;
            case '%': Single(TokenKind.Percent, start); return;
            case ',': Single(TokenKind.Comma, start); return;
            case '?': Single(TokenKind.Question, start); return;
            case ':':
                if (Peek(1) == ':')
                {
                    Advance(2);
                    Emit(TokenKind.DoubleColon, start);
                    return;
                }

                Single(TokenKind.Colon, start);
                return;
            case '.':
                if (Peek(1) == '.' && Peek(2) == '.')
                {
                    Advance(3);
                    Emit(TokenKind.Ellipsis, start);
                    return;
                }

                Single(TokenKind.Dot, start);
                return;
            case '=':
                if (Peek(1) == '=')
                {
                    Advance(2);
                    Emit(TokenKind.EqualOp, start);
                }
                else if (Peek(1) == '>')
                {
                    Advance(2);
                    Emit(TokenKind.FatArrow, start);
                }
                else
                {
                    Single(TokenKind.Equal, start);
                }

                return;
            case '!':
                if (Peek(1) == '=')
                {
                    Advance(2);
                    Emit(TokenKind.NotEqual, start);
                    return;
                }

                Single(TokenKind.Bang, start);
                return;
            case '<':
                Pair('=', TokenKind.LessThanEq, TokenKind.LessThan, start);
                return;
            case '>':
                Pair('=', TokenKind.GreaterThanEq, TokenKind.GreaterThan, start);
                return;
            case '&' when Peek(1) == '&':
                Advance(2);
                Emit(TokenKind.And, start);
                return;
            case '|' when Peek(1) == '|':
                Advance(2);
                Emit(TokenKind.Or, start);
                return;
        }

        if (char.IsAsciiDigit(c))
        {
            ScanNumber(start);
            return;
        }

        if (IsIdentStart(_src, _pos))
        {
            Advance(CharCount(_pos));
            while (!AtEnd && IsIdentPart(_src, _pos))
            {
                Advance(CharCount(_pos));
            }

            Emit(TokenKind.Ident, start);
            return;
        }

        // Only ' ' and tab are spaces (hclsyntax: Spaces = (' ' | 0x09)+); any other character, Unicode spaces, form
        // feed, vertical tab and a lone '\r' included, is one invalid token.
        Advance(char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)) ? 2 : 1);
        Emit(TokenKind.Invalid, start);
    }

    private void MarkNotAtLineStart()
    {
        if (_frames.Count > 0 && _frames.Peek().Kind == FrameKind.Heredoc)
        {
            _frames.Peek().AtLineStart = false;
        }
    }

    private void Single(TokenKind kind, SourcePosition start)
    {
        Advance();
        Emit(kind, start);
    }

    private void Pair(char next, TokenKind twoChar, TokenKind oneChar, SourcePosition start)
    {
        if (Peek(1) == next)
        {
            Advance(2);
            Emit(twoChar, start);
            return;
        }

        Single(oneChar, start);
    }

    /// <summary>hclsyntax's ValidIdentifier: the whole text is one identifier token.</summary>
    internal static bool IsValidIdentifier(string text)
    {
        if (text.Length == 0 || !IsIdentStart(text, 0))
        {
            return false;
        }

        for (var i = char.IsHighSurrogate(text[0]) ? 2 : 1; i < text.Length; i += char.IsHighSurrogate(text[i]) ? 2 : 1)
        {
            if (!IsIdentPart(text, i))
            {
                return false;
            }
        }

        return true;
    }

    // Identifier start as HCL defines it (hclsyntax's unicode_derived.rl): the code point at index (a surrogate pair
    // counts as one) is ID_Start or "_".
    private static bool IsIdentStart(string text, int index) =>
        text[index] == '_' || (Rune.TryGetRuneAt(text, index, out var rune) && IsIdStart(rune));

    // Identifier continuation: ID_Continue, "_" or "-".
    private static bool IsIdentPart(string text, int index)
    {
        var c = text[index];
        if (c is '_' or '-')
        {
            return true;
        }

        if (!Rune.TryGetRuneAt(text, index, out var rune))
        {
            return false;
        }

        return IsIdStart(rune) || OtherIdContinue(rune.Value) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
    }

    // Unicode's ID_Start: letters, letter numbers (Nl: Ⅰ, ⅷ) and Other_ID_Start, less Pattern_Syntax/Pattern_White_Space
    // (none of which is a letter).
    private static bool IsIdStart(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.LetterNumber
        || rune.Value is 0x1885 or 0x1886 or 0x2118 or 0x212E or 0x309B or 0x309C;

    // Other_ID_Continue (PropList.txt): MIDDLE DOT, GREEK ANO TELEIA, ETHIOPIC DIGITS ONE..NINE, NEW TAI LUE THAM DIGIT ONE.
    private static bool OtherIdContinue(int value) =>
        value is 0x00B7 or 0x0387 or (>= 0x1369 and <= 0x1371) or 0x19DA;

    private int CharCount(int index) =>
        char.IsHighSurrogate(_src[index]) && index + 1 < _src.Length && char.IsLowSurrogate(_src[index + 1]) ? 2 : 1;

    // hclsyntax's NumberLit: a digit, then as many of digit, "." or e[+-]digit as follow, not ending with ".". So
    // "2.5.0" is one (invalid) literal, "1." is "1" then ".", and "a.0.1" scans the number "0.1".
    private void ScanNumber(SourcePosition start)
    {
        var end = _pos + 1;
        var i = end;
        while (i < _src.Length)
        {
            var c = _src[i];
            if (char.IsAsciiDigit(c))
            {
                end = ++i;
            }
            else if (c == '.')
            {
                i++;
            }
            else if (c is 'e' or 'E' && i + 1 < _src.Length && (char.IsAsciiDigit(_src[i + 1])
                || (_src[i + 1] is '+' or '-' && i + 2 < _src.Length && char.IsAsciiDigit(_src[i + 2]))))
            {
                i += char.IsAsciiDigit(_src[i + 1]) ? 2 : 3;
                end = i;
            }
            else
            {
                break;
            }
        }

        Advance(end - _pos);
        Emit(TokenKind.NumberLit, start);
    }

    // hclsyntax: a line comment absorbs the newline ending it, and the parser (comments filtered out) reads it as a
    // newline token whose range is the whole comment, so an error at that newline points at the comment.
    private void SkipLineComment(SourcePosition commentStart)
    {
        while (!AtEnd && Peek() != '\n')
        {
            if (Peek() == '\r' && Peek(1) == '\n')
            {
                break;
            }

            Advance();
        }

        if (AtEnd)
        {
            return;
        }

        Advance(Peek() == '\r' ? 2 : 1);
        Emit(TokenKind.Newline, commentStart);
    }

    private void SkipBlockComment(SourcePosition start)
    {
        Advance(2);
        while (!AtEnd && !(Peek() == '*' && Peek(1) == '/'))
        {
            Advance();
        }

        if (AtEnd)
        {
            // No closing "*/": hclsyntax's scanner matches no comment, so "/" is a token of its own and scanning goes
            // on right after it (the parser then trips over the "/").
            _pos = start.Offset;
            _line = start.Line;
            _col = start.Column;
            Single(TokenKind.Slash, start);
            return;
        }

        Advance(2);
    }

    private bool TryHeredocStart(SourcePosition start)
    {
        var i = _pos + 2;
        var flush = i < _src.Length && _src[i] == '-';
        if (flush)
        {
            i++;
        }

        var nameStart = i;
        if (i >= _src.Length || !IsIdentStart(_src, i))
        {
            return false;
        }

        i += CharCount(i);
        while (i < _src.Length && IsIdentPart(_src, i))
        {
            i += CharCount(i);
        }

        var marker = _src[nameStart..i];
        var newlineLength = i < _src.Length && _src[i] == '\n' ? 1
            : i + 1 < _src.Length && _src[i] == '\r' && _src[i + 1] == '\n' ? 2 : 0;
        if (newlineLength == 0)
        {
            return false;
        }

        Advance(i - _pos + newlineLength);
        Emit(TokenKind.OHeredoc, start);
        _frames.Push(new Frame(FrameKind.Heredoc, marker));
        return true;
    }

    private bool TryTemplateIntro(SourcePosition start)
    {
        var c = Peek();
        if ((c != '$' && c != '%') || Peek(1) != '{')
        {
            return false;
        }

        var strip = Peek(2) == '~';
        Advance(strip ? 3 : 2);
        Emit(c == '$' ? TokenKind.TemplateInterp : TokenKind.TemplateControl, start, strip);
        _frames.Push(new Frame(FrameKind.TemplateSequence));
        return true;
    }

    private void ScanQuoted()
    {
        var start = Here;
        var c = Peek();
        if (c == '"')
        {
            Advance();
            Emit(TokenKind.CQuote, start);
            _frames.Pop();
            return;
        }

        if (TryTemplateIntro(start))
        {
            return;
        }

        // hclsyntax's scanner: NewlineCharsSeq = ("\r"|"\n")+ inside a quoted string is one token.
        if (c is '\n' or '\r')
        {
            while (Peek() is '\n' or '\r')
            {
                Advance();
            }

            Emit(TokenKind.QuotedNewline, start);
            return;
        }

        // A backslash escapes the next character, but not a newline (nor the end of the text): alone it is invalid.
        // A '$' or '%' that ends the text cannot be told from an interpolation's start: invalid too.
        if ((c == '\\' && (_pos + 1 >= _src.Length || _src[_pos + 1] is '\n' or '\r'))
            || (c is '$' or '%' && _pos + 1 == _src.Length))
        {
            Advance();
            Emit(TokenKind.Invalid, start);
            return;
        }

        while (!AtEnd)
        {
            c = Peek();
            if (c is '"' or '\n' or '\r')
            {
                break;
            }

            if ((c == '$' || c == '%') && (Peek(1) == '{' || _pos + 1 == _src.Length))
            {
                break;
            }

            if (c == '\\')
            {
                if (_pos + 1 >= _src.Length || _src[_pos + 1] is '\n' or '\r')
                {
                    break;
                }

                Advance(2);
                continue;
            }

            if ((c == '$' || c == '%') && Peek(1) == c && Peek(2) == '{')
            {
                Advance(3);
                continue;
            }

            Advance();
        }

        Emit(TokenKind.QuotedLit, start);
    }

    private void ScanHeredoc(Frame frame)
    {
        var start = Here;
        if (frame.AtLineStart && frame.Marker.Length > 0 && TryHeredocEnd(frame, start))
        {
            return;
        }

        if (TryTemplateIntro(start))
        {
            frame.AtLineStart = false;
            return;
        }

        // hclsyntax: a heredoc literal is any character but '\r' and '\n', ended by '\r'? '\n'. A '\r' on its own
        // matches nothing, so the scanner stops: the rest of the text is one invalid token (checkInvalidTokens reports
        // it as "Invalid character" over that range).
        // Likewise a '$' or '%' that ends the text: the scanner waits for the character that says whether it opens
        // an interpolation, and stops.
        if ((Peek() == '\r' && Peek(1) != '\n') || (Peek() is '$' or '%' && _pos + 1 == _src.Length))
        {
            // In a bare template (ScanTemplate) with nothing open, hclsyntax's scanTokens emits the rest as literal text.
            Advance(_src.Length - _pos);
            Emit(frame.Marker.Length == 0 && _frames.Count == 1 ? TokenKind.QuotedLit : TokenKind.Invalid, start);
            return;
        }

        while (!AtEnd)
        {
            var c = Peek();
            if (c == '\n')
            {
                Advance();
                break;
            }

            if (c == '\r')
            {
                if (Peek(1) == '\n')
                {
                    Advance(2);
                }

                break;
            }

            if ((c == '$' || c == '%') && (Peek(1) == '{' || _pos + 1 == _src.Length))
            {
                break;
            }

            if ((c == '$' || c == '%') && Peek(1) == c && Peek(2) == '{')
            {
                Advance(3);
                continue;
            }

            Advance();
        }

        frame.AtLineStart = _pos > 0 && _src[_pos - 1] == '\n';
        Emit(TokenKind.StringLit, start);
    }

    // hclsyntax's heredocLiteralEOL: a whole line ended by a newline (not the end of the text) whose text, with
    // leading and trailing white space trimmed as Go's bytes.TrimSpace does (tabs, spaces, form feed, vertical tab,
    // NEL, NBSP and the other Unicode spaces), is the marker. The token spans the line without its newline.
    private bool TryHeredocEnd(Frame frame, SourcePosition start)
    {
        var lineEnd = _src.IndexOf('\n', _pos);
        if (lineEnd < 0)
        {
            return false;
        }

        var textEnd = lineEnd > _pos && _src[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        var line = _src.AsSpan(_pos, textEnd - _pos);
        if (line.Contains('\r') || !line.Trim().SequenceEqual(frame.Marker))
        {
            return false;
        }

        Advance(textEnd - _pos);
        Emit(TokenKind.CHeredoc, start);
        _frames.Pop();
        return true;
    }
}
