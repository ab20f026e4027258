namespace Nomad.Hcl.Functions.Yaml;

/// <summary>
/// The scanner's input, as go-yaml's readerc.go fills it: the source is read in 512-byte chunks, each decoded whole
/// into the working buffer (so a control character anywhere in a chunk is refused as soon as that chunk is read,
/// without a position); the unread part moves to the buffer's start whenever more is needed; at the end NUL bytes
/// are appended. The scanner works on the buffer's UTF-8 bytes, counting characters in its marks.
/// </summary>
internal sealed partial class YamlScanner
{
    private const int RawBufferSize = 512;

    private readonly byte[] _input;
    private readonly byte[] _raw = new byte[RawBufferSize];
    private byte[] _buffer = new byte[(RawBufferSize * 3) + 16];
    private int _inputPos;
    private int _rawLength;
    private int _rawPos;
    private int _bufferLength;
    private int _pos;
    private int _unread;
    private bool _eof;
    private bool _encodingKnown;

    private int _index;
    private int _line;
    private int _column;

    private YamlMark Mark => new(_index, _line, _column);

    // cache(): makes sure `length` characters are decoded (NULs past the end).
    private void Cache(int length)
    {
        if (_unread < length)
        {
            UpdateBuffer(length);
        }
    }

    private void UpdateBuffer(int length)
    {
        if (!_encodingKnown)
        {
            DetermineEncoding();
        }

        if (_pos > 0 && _pos < _bufferLength)
        {
            Array.Copy(_buffer, _pos, _buffer, 0, _bufferLength - _pos);
            _bufferLength -= _pos;
            _pos = 0;
        }
        else if (_pos == _bufferLength)
        {
            _bufferLength = 0;
            _pos = 0;
        }

        var first = true;
        while (_unread < length)
        {
            if (!first || _rawPos == _rawLength)
            {
                UpdateRawBuffer();
            }

            first = false;
            while (_rawPos != _rawLength)
            {
                var octet = _raw[_rawPos];
                var width = Width(octet);
                if (width == 0)
                {
                    throw YamlSyntaxException.Reader("invalid leading UTF-8 octet");
                }

                if (width > _rawLength - _rawPos)
                {
                    if (_eof)
                    {
                        throw YamlSyntaxException.Reader("incomplete UTF-8 octet sequence");
                    }

                    break;
                }

                var value = width switch
                {
                    1 => octet & 0x7F,
                    2 => octet & 0x1F,
                    3 => octet & 0x0F,
                    _ => octet & 0x07,
                };
                for (var k = 1; k < width; k++)
                {
                    value = (value << 6) + (_raw[_rawPos + k] & 0x3F);
                }

                var allowed = value is 0x09 or 0x0A or 0x0D or (>= 0x20 and <= 0x7E) or 0x85 or (>= 0xA0 and <= 0xD7FF)
                    or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);
                if (!allowed)
                {
                    throw YamlSyntaxException.Reader("control characters are not allowed");
                }

                EnsureBufferRoom(width);
                Array.Copy(_raw, _rawPos, _buffer, _bufferLength, width);
                _bufferLength += width;
                _rawPos += width;
                _unread++;
            }

            if (_eof)
            {
                EnsureBufferRoom(1);
                _buffer[_bufferLength++] = 0;
                _unread++;
                break;
            }
        }

        EnsureBufferRoom(length);
        while (_bufferLength < length)
        {
            _buffer[_bufferLength++] = 0;
        }

        // Bytes past the end read as NUL, as Go's zero-padded buffer gives them to the look-ahead checks.
        Array.Clear(_buffer, _bufferLength, Math.Min(8, _buffer.Length - _bufferLength));
    }

    private void EnsureBufferRoom(int count)
    {
        if (_bufferLength + count + 8 > _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
    }

    // The input is UTF-8 (it comes from a string); a leading byte order mark is skipped.
    private void DetermineEncoding()
    {
        while (!_eof && _rawLength - _rawPos < 3)
        {
            UpdateRawBuffer();
        }

        if (_rawLength - _rawPos >= 3 && _raw[_rawPos] == 0xEF && _raw[_rawPos + 1] == 0xBB && _raw[_rawPos + 2] == 0xBF)
        {
            _rawPos += 3;
        }

        _encodingKnown = true;
    }

    private void UpdateRawBuffer()
    {
        if ((_rawPos == 0 && _rawLength == RawBufferSize) || _eof)
        {
            return;
        }

        if (_rawPos > 0 && _rawPos < _rawLength)
        {
            Array.Copy(_raw, _rawPos, _raw, 0, _rawLength - _rawPos);
        }

        _rawLength -= _rawPos;
        _rawPos = 0;
        if (_inputPos == _input.Length)
        {
            _eof = true;
            return;
        }

        var count = Math.Min(RawBufferSize - _rawLength, _input.Length - _inputPos);
        Array.Copy(_input, _inputPos, _raw, _rawLength, count);
        _inputPos += count;
        _rawLength += count;
    }

    private static int Width(byte b) =>
        (b & 0x80) == 0x00 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;

    private byte At(int offset = 0) => _buffer[_pos + offset];

    private bool IsAlpha(int offset = 0) => At(offset) is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (byte)'_' or (byte)'-';

    private bool IsDigit(int offset = 0) => At(offset) is >= (byte)'0' and <= (byte)'9';

    private int AsDigit(int offset = 0) => At(offset) - '0';

    private bool IsHex(int offset = 0) => At(offset) is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'A' and <= (byte)'F') or (>= (byte)'a' and <= (byte)'f');

    private int AsHex(int offset = 0) => At(offset) switch
    {
        >= (byte)'A' and <= (byte)'F' and var b => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' and var b => b - 'a' + 10,
        var b => b - '0',
    };

    private bool IsZ(int offset = 0) => At(offset) == 0;

    // go-yaml's is_bom looks at the start of the buffer, not at the current position.
    private bool IsBom() => _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF;

    private bool IsSpace(int offset = 0) => At(offset) == ' ';

    private bool IsTab(int offset = 0) => At(offset) == '\t';

    private bool IsBlank(int offset = 0) => At(offset) is (byte)' ' or (byte)'\t';

    private bool IsBreak(int offset = 0) =>
        At(offset) is (byte)'\r' or (byte)'\n'
        || (At(offset) == 0xC2 && At(offset + 1) == 0x85)
        || (At(offset) == 0xE2 && At(offset + 1) == 0x80 && At(offset + 2) is 0xA8 or 0xA9);

    private bool IsCrlf(int offset = 0) => At(offset) == '\r' && At(offset + 1) == '\n';

    private bool IsBreakZ(int offset = 0) => IsBreak(offset) || IsZ(offset);

    private bool IsBlankZ(int offset = 0) => IsBlank(offset) || IsBreakZ(offset);

    private void Skip()
    {
        _index++;
        _column++;
        _unread--;
        _pos += Width(_buffer[_pos]);
    }

    private void SkipLine()
    {
        if (IsCrlf())
        {
            _index += 2;
            _column = 0;
            _line++;
            _unread -= 2;
            _pos += 2;
        }
        else if (IsBreak())
        {
            _index++;
            _column = 0;
            _line++;
            _unread--;
            _pos += Width(_buffer[_pos]);
        }
    }

    private void Read(List<byte> s)
    {
        var w = Width(_buffer[_pos]);
        for (var k = 0; k < w; k++)
        {
            s.Add(_buffer[_pos + k]);
        }

        _pos += w;
        _index++;
        _column++;
        _unread--;
    }

    private void ReadLine(List<byte> s)
    {
        if (At() == '\r' && At(1) == '\n')
        {
            s.Add((byte)'\n');
            _pos += 2;
            _index++;
            _unread--;
        }
        else if (At() is (byte)'\r' or (byte)'\n')
        {
            s.Add((byte)'\n');
            _pos += 1;
        }
        else if (At() == 0xC2 && At(1) == 0x85)
        {
            s.Add((byte)'\n');
            _pos += 2;
        }
        else if (At() == 0xE2 && At(1) == 0x80 && At(2) is 0xA8 or 0xA9)
        {
            s.Add(At());
            s.Add(At(1));
            s.Add(At(2));
            _pos += 3;
        }
        else
        {
            return;
        }

        _index++;
        _column = 0;
        _line++;
        _unread--;
    }
}
