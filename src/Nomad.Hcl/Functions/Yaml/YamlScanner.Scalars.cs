namespace Nomad.Hcl.Functions.Yaml;

/// <summary>
/// The scanner's scalars (scannerc.go): block scalars (<c>|</c>, <c>&gt;</c> with chomping and indentation
/// indicators), single- and double-quoted scalars with their escapes and line folding, and plain scalars, which end
/// at <c>": "</c>, a comment, a document marker, a flow indicator in flow context or a line indented less than the
/// block.
/// </summary>
internal sealed partial class YamlScanner
{
    private YamlToken ScanBlockScalar(bool literal)
    {
        var start = Mark;
        Skip();
        Cache(1);
        int chomping = 0, increment = 0;
        if (At() is (byte)'+' or (byte)'-')
        {
            chomping = At() == '+' ? 1 : -1;
            Skip();
            Cache(1);
            if (IsDigit())
            {
                if (At() == '0')
                {
                    throw ScannerError(start, "found an indentation indicator equal to 0");
                }

                increment = AsDigit();
                Skip();
            }
        }
        else if (IsDigit())
        {
            if (At() == '0')
            {
                throw ScannerError(start, "found an indentation indicator equal to 0");
            }

            increment = AsDigit();
            Skip();
            Cache(1);
            if (At() is (byte)'+' or (byte)'-')
            {
                chomping = At() == '+' ? 1 : -1;
                Skip();
            }
        }

        Cache(1);
        while (IsBlank())
        {
            Skip();
            Cache(1);
        }

        if (At() == '#')
        {
            while (!IsBreakZ())
            {
                Skip();
                Cache(1);
            }
        }

        if (!IsBreakZ())
        {
            throw ScannerError(start, "did not find expected comment or line break");
        }

        if (IsBreak())
        {
            Cache(2);
            SkipLine();
        }

        var end = Mark;
        var indent = 0;
        if (increment > 0)
        {
            indent = _indent >= 0 ? _indent + increment : increment;
        }

        var s = new List<byte>();
        var leadingBreak = new List<byte>();
        var trailingBreaks = new List<byte>();
        ScanBlockScalarBreaks(ref indent, trailingBreaks, start, ref end);
        Cache(1);
        bool leadingBlank = false, trailingBlank;
        while (_column == indent && !IsZ())
        {
            trailingBlank = IsBlank();
            if (!literal && !leadingBlank && !trailingBlank && leadingBreak.Count > 0 && leadingBreak[0] == '\n')
            {
                if (trailingBreaks.Count == 0)
                {
                    s.Add((byte)' ');
                }
            }
            else
            {
                s.AddRange(leadingBreak);
            }

            leadingBreak.Clear();
            s.AddRange(trailingBreaks);
            trailingBreaks.Clear();
            leadingBlank = IsBlank();
            while (!IsBreakZ())
            {
                Read(s);
                Cache(1);
            }

            Cache(2);
            ReadLine(leadingBreak);
            ScanBlockScalarBreaks(ref indent, trailingBreaks, start, ref end);
        }

        if (chomping != -1)
        {
            s.AddRange(leadingBreak);
        }

        if (chomping == 1)
        {
            s.AddRange(trailingBreaks);
        }

        return new YamlToken(YamlTokenKind.Scalar, start, end)
        {
            Value = [.. s],
            Style = literal ? YamlScalarStyle.Literal : YamlScalarStyle.Folded,
        };
    }

    // The blank lines of a block scalar, and its indentation when no indicator gave it.
    private void ScanBlockScalarBreaks(ref int indent, List<byte> breaks, YamlMark start, ref YamlMark end)
    {
        end = Mark;
        var maxIndent = 0;
        while (true)
        {
            Cache(1);
            while ((indent == 0 || _column < indent) && IsSpace())
            {
                Skip();
                Cache(1);
            }

            if (_column > maxIndent)
            {
                maxIndent = _column;
            }

            if ((indent == 0 || _column < indent) && IsTab())
            {
                throw ScannerError(start, "found a tab character where an indentation space is expected");
            }

            if (!IsBreak())
            {
                break;
            }

            Cache(2);
            ReadLine(breaks);
            end = Mark;
        }

        if (indent == 0)
        {
            indent = Math.Max(Math.Max(maxIndent, _indent + 1), 1);
        }
    }

    private YamlToken ScanFlowScalar(bool single)
    {
        var start = Mark;
        Skip();
        var s = new List<byte>();
        var leadingBreak = new List<byte>();
        var trailingBreaks = new List<byte>();
        var whitespaces = new List<byte>();
        while (true)
        {
            Cache(4);
            if (_column == 0 && ((At() == '-' && At(1) == '-' && At(2) == '-') || (At() == '.' && At(1) == '.' && At(2) == '.')) && IsBlankZ(3))
            {
                throw ScannerError(start, "found unexpected document indicator");
            }

            if (IsZ())
            {
                throw ScannerError(start, "found unexpected end of stream");
            }

            var leadingBlanks = false;
            while (!IsBlankZ())
            {
                if (single && At() == '\'' && At(1) == '\'')
                {
                    s.Add((byte)'\'');
                    Skip();
                    Skip();
                }
                else if (single && At() == '\'')
                {
                    break;
                }
                else if (!single && At() == '"')
                {
                    break;
                }
                else if (!single && At() == '\\' && IsBreak(1))
                {
                    Cache(3);
                    Skip();
                    SkipLine();
                    leadingBlanks = true;
                    break;
                }
                else if (!single && At() == '\\')
                {
                    ScanEscape(start, s);
                }
                else
                {
                    Read(s);
                }

                Cache(2);
            }

            Cache(1);
            if (At() == (single ? '\'' : '"'))
            {
                break;
            }

            while (IsBlank() || IsBreak())
            {
                ConsumeBlankOrBreak(ref leadingBlanks, whitespaces, leadingBreak, trailingBreaks);

                Cache(1);
            }

            if (leadingBlanks)
            {
                if (leadingBreak.Count > 0 && leadingBreak[0] == '\n')
                {
                    if (trailingBreaks.Count == 0)
                    {
                        s.Add((byte)' ');
                    }
                    else
                    {
                        s.AddRange(trailingBreaks);
                    }
                }
                else
                {
                    s.AddRange(leadingBreak);
                    s.AddRange(trailingBreaks);
                }

                trailingBreaks.Clear();
                leadingBreak.Clear();
            }
            else
            {
                s.AddRange(whitespaces);
                whitespaces.Clear();
            }
        }

        Skip();
        return new YamlToken(YamlTokenKind.Scalar, start, Mark)
        {
            Value = [.. s],
            Style = single ? YamlScalarStyle.SingleQuoted : YamlScalarStyle.DoubleQuoted,
        };
    }

    // One backslash escape of a double-quoted scalar.
    private void ScanEscape(YamlMark start, List<byte> s)
    {
        var codeLength = 0;
        switch (At(1))
        {
            case (byte)'0': s.Add(0); break;
            case (byte)'a': s.Add(0x07); break;
            case (byte)'b': s.Add(0x08); break;
            case (byte)'t' or (byte)'\t': s.Add(0x09); break;
            case (byte)'n': s.Add(0x0A); break;
            case (byte)'v': s.Add(0x0B); break;
            case (byte)'f': s.Add(0x0C); break;
            case (byte)'r': s.Add(0x0D); break;
            case (byte)'e': s.Add(0x1B); break;
            case (byte)' ': s.Add(0x20); break;
            case (byte)'"': s.Add((byte)'"'); break;
            case (byte)'\'': s.Add((byte)'\''); break;
            case (byte)'\\': s.Add((byte)'\\'); break;
            case (byte)'N': s.AddRange([0xC2, 0x85]); break;
            case (byte)'_': s.AddRange([0xC2, 0xA0]); break;
            case (byte)'L': s.AddRange([0xE2, 0x80, 0xA8]); break;
            case (byte)'P': s.AddRange([0xE2, 0x80, 0xA9]); break;
            case (byte)'x': codeLength = 2; break;
            case (byte)'u': codeLength = 4; break;
            case (byte)'U': codeLength = 8; break;
            default: throw ScannerError(start, "found unknown escape character");
        }

        Skip();
        Skip();
        if (codeLength == 0)
        {
            return;
        }

        Cache(codeLength);
        long value = 0;
        for (var k = 0; k < codeLength; k++)
        {
            if (!IsHex(k))
            {
                throw ScannerError(start, "did not find expected hexdecimal number");
            }

            value = (value << 4) + AsHex(k);
        }

        if (value is (>= 0xD800 and <= 0xDFFF) or > 0x10FFFF)
        {
            throw ScannerError(start, "found invalid Unicode character escape code");
        }

        Span<byte> utf8 = stackalloc byte[4];
        var length = new System.Text.Rune((int)value).EncodeToUtf8(utf8);
        s.AddRange(utf8[..length]);
        for (var k = 0; k < codeLength; k++)
        {
            Skip();
        }
    }

    private YamlToken ScanPlainScalar()
    {
        var s = new List<byte>();
        var leadingBreak = new List<byte>();
        var trailingBreaks = new List<byte>();
        var whitespaces = new List<byte>();
        var leadingBlanks = false;
        var indent = _indent + 1;
        var start = Mark;
        var end = Mark;
        while (true)
        {
            Cache(4);
            if (_column == 0 && ((At() == '-' && At(1) == '-' && At(2) == '-') || (At() == '.' && At(1) == '.' && At(2) == '.')) && IsBlankZ(3))
            {
                break;
            }

            if (At() == '#')
            {
                break;
            }

            while (!IsBlankZ())
            {
                if ((At() == ':' && IsBlankZ(1)) || (_flowLevel > 0 && At() is (byte)',' or (byte)'?' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}'))
                {
                    break;
                }

                if (leadingBlanks || whitespaces.Count > 0)
                {
                    if (leadingBlanks)
                    {
                        if (leadingBreak[0] == '\n')
                        {
                            if (trailingBreaks.Count == 0)
                            {
                                s.Add((byte)' ');
                            }
                            else
                            {
                                s.AddRange(trailingBreaks);
                            }
                        }
                        else
                        {
                            s.AddRange(leadingBreak);
                            s.AddRange(trailingBreaks);
                        }

                        trailingBreaks.Clear();
                        leadingBreak.Clear();
                        leadingBlanks = false;
                    }
                    else
                    {
                        s.AddRange(whitespaces);
                        whitespaces.Clear();
                    }
                }

                Read(s);
                end = Mark;
                Cache(2);
            }

            if (!(IsBlank() || IsBreak()))
            {
                break;
            }

            Cache(1);
            while (IsBlank() || IsBreak())
            {
                if (IsBlank() && leadingBlanks && _column < indent && IsTab())
                {
                    throw ScannerError(start, "found a tab character that violates indentation");
                }

                ConsumeBlankOrBreak(ref leadingBlanks, whitespaces, leadingBreak, trailingBreaks);

                Cache(1);
            }

            if (_flowLevel == 0 && _column < indent)
            {
                break;
            }
        }

        if (leadingBlanks)
        {
            _simpleKeyAllowed = true;
        }

        return new YamlToken(YamlTokenKind.Scalar, start, end) { Value = [.. s], Style = YamlScalarStyle.Plain };
    }

    // The white space between the words of a flow or plain scalar (libyaml's scanner writes this loop body twice):
    // blanks before the first line break are kept in whitespaces (they may end up inside the scalar), later ones are
    // skipped; the first break goes to leadingBreak, every later one to trailingBreaks.
    private void ConsumeBlankOrBreak(ref bool leadingBlanks, List<byte> whitespaces, List<byte> leadingBreak, List<byte> trailingBreaks)
    {
        if (IsBlank())
        {
            if (!leadingBlanks)
            {
                Read(whitespaces);
            }
            else
            {
                Skip();
            }
        }
        else
        {
            Cache(2);
            if (!leadingBlanks)
            {
                whitespaces.Clear();
                ReadLine(leadingBreak);
                leadingBlanks = true;
            }
            else
            {
                ReadLine(trailingBreaks);
            }
        }
    }
}
