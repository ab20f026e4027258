namespace Nomad.Hcl.Functions.Yaml;

/// <summary>The scanner's directives (<c>%YAML</c>, <c>%TAG</c>), anchors, aliases and tags (scannerc.go).</summary>
internal sealed partial class YamlScanner
{
    private const string DirectiveContext = "while scanning a directive";

    private YamlToken ScanDirective()
    {
        var start = Mark;
        Skip();
        var name = ScanDirectiveName(start);
        YamlToken token;
        if (name == "YAML")
        {
            var (major, minor) = ScanVersionDirectiveValue(start);
            token = new YamlToken(YamlTokenKind.VersionDirective, start, Mark) { Major = major, Minor = minor };
        }
        else if (name == "TAG")
        {
            var (handle, prefix) = ScanTagDirectiveValue(start);
            token = new YamlToken(YamlTokenKind.TagDirective, start, Mark) { Value = handle, Prefix = prefix };
        }
        else
        {
            throw ScannerError(start, "found unknown directive name");
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

        return token;
    }

    private string ScanDirectiveName(YamlMark start)
    {
        Cache(1);
        var s = new List<byte>();
        while (IsAlpha())
        {
            Read(s);
            Cache(1);
        }

        if (s.Count == 0)
        {
            throw ScannerError(start, "could not find expected directive name");
        }

        if (!IsBlankZ())
        {
            throw ScannerError(start, "found unexpected non-alphabetical character");
        }

        return System.Text.Encoding.UTF8.GetString([.. s]);
    }

    private (int Major, int Minor) ScanVersionDirectiveValue(YamlMark start)
    {
        Cache(1);
        while (IsBlank())
        {
            Skip();
            Cache(1);
        }

        var major = ScanVersionDirectiveNumber(start);
        if (At() != '.')
        {
            throw ScannerError(start, "did not find expected digit or '.' character");
        }

        Skip();
        var minor = ScanVersionDirectiveNumber(start);
        return (major, minor);
    }

    private int ScanVersionDirectiveNumber(YamlMark start)
    {
        Cache(1);
        int value = 0, length = 0;
        while (IsDigit())
        {
            length++;
            if (length > 2)
            {
                throw ScannerError(start, "found extremely long version number");
            }

            value = (value * 10) + AsDigit();
            Skip();
            Cache(1);
        }

        return length == 0 ? throw ScannerError(start, "did not find expected version number") : value;
    }

    private (byte[] Handle, byte[] Prefix) ScanTagDirectiveValue(YamlMark start)
    {
        Cache(1);
        while (IsBlank())
        {
            Skip();
            Cache(1);
        }

        var handle = ScanTagHandle(directive: true, start);
        Cache(1);
        if (!IsBlank())
        {
            throw ScannerError(start, "did not find expected whitespace");
        }

        while (IsBlank())
        {
            Skip();
            Cache(1);
        }

        var prefix = ScanTagUri([], start);
        Cache(1);
        if (!IsBlankZ())
        {
            throw ScannerError(start, "did not find expected whitespace or line break");
        }

        return (handle, prefix);
    }

    private YamlToken ScanAnchor(YamlTokenKind kind)
    {
        var s = new List<byte>();
        var start = Mark;
        Skip();
        Cache(1);
        while (IsAlpha())
        {
            Read(s);
            Cache(1);
        }

        var end = Mark;
        if (s.Count == 0 || !(IsBlankZ() || At() is (byte)'?' or (byte)':' or (byte)',' or (byte)']' or (byte)'}' or (byte)'%' or (byte)'@' or (byte)'`'))
        {
            throw ScannerError(start, "did not find expected alphabetic or numeric character");
        }

        return new YamlToken(kind, start, end) { Value = [.. s] };
    }

    private YamlToken ScanTag()
    {
        byte[] handle;
        byte[] suffix;
        var start = Mark;
        Cache(2);
        if (At(1) == '<')
        {
            handle = [];
            Skip();
            Skip();
            suffix = ScanTagUri([], start);
            if (At() != '>')
            {
                throw ScannerError(start, "did not find the expected '>'");
            }

            Skip();
        }
        else
        {
            handle = ScanTagHandle(directive: false, start);
            if (handle[0] == '!' && handle.Length > 1 && handle[^1] == '!')
            {
                suffix = ScanTagUri([], start);
            }
            else
            {
                suffix = ScanTagUri(handle, start);
                handle = [(byte)'!'];
                if (suffix.Length == 0)
                {
                    (handle, suffix) = (suffix, handle);
                }
            }
        }

        Cache(1);
        if (!IsBlankZ())
        {
            throw ScannerError(start, "did not find expected whitespace or line break");
        }

        return new YamlToken(YamlTokenKind.Tag, start, Mark) { Value = handle, Suffix = suffix };
    }

    private byte[] ScanTagHandle(bool directive, YamlMark start)
    {
        Cache(1);
        if (At() != '!')
        {
            throw ScannerError(start, "did not find expected '!'");
        }

        var s = new List<byte>();
        Read(s);
        Cache(1);
        while (IsAlpha())
        {
            Read(s);
            Cache(1);
        }

        if (At() == '!')
        {
            Read(s);
        }
        else if (directive && !(s.Count == 1 && s[0] == '!'))
        {
            throw ScannerError(start, "did not find expected '!'");
        }

        return [.. s];
    }

    private byte[] ScanTagUri(byte[] head, YamlMark start)
    {
        var s = new List<byte>();
        var hasTag = head.Length > 0;
        if (head.Length > 1)
        {
            s.AddRange(head.AsSpan(1));
        }

        Cache(1);
        while (IsAlpha() || At() is (byte)';' or (byte)'/' or (byte)'?' or (byte)':' or (byte)'@' or (byte)'&' or (byte)'='
            or (byte)'+' or (byte)'$' or (byte)',' or (byte)'.' or (byte)'!' or (byte)'~' or (byte)'*' or (byte)'\''
            or (byte)'(' or (byte)')' or (byte)'[' or (byte)']' or (byte)'%')
        {
            if (At() == '%')
            {
                ScanUriEscapes(start, s);
            }
            else
            {
                Read(s);
            }

            Cache(1);
            hasTag = true;
        }

        if (!hasTag)
        {
            throw ScannerError(start, "did not find expected tag URI");
        }

        return [.. s];
    }

    private void ScanUriEscapes(YamlMark start, List<byte> s)
    {
        var w = 1024;
        while (w > 0)
        {
            Cache(3);
            if (!(At() == '%' && IsHex(1) && IsHex(2)))
            {
                throw ScannerError(start, "did not find URI escaped octet");
            }

            var octet = (byte)((AsHex(1) << 4) + AsHex(2));
            if (w == 1024)
            {
                w = Width(octet);
                if (w == 0)
                {
                    throw ScannerError(start, "found an incorrect leading UTF-8 octet");
                }
            }
            else if ((octet & 0xC0) != 0x80)
            {
                throw ScannerError(start, "found an incorrect trailing UTF-8 octet");
            }

            s.Add(octet);
            Skip();
            Skip();
            Skip();
            w--;
        }
    }
}
