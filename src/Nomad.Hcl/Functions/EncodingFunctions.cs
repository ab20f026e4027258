using System.Security.Cryptography;
using System.Text;
using Nomad.Hcl.Evaluation;
using static Nomad.Hcl.Functions.Fn;

namespace Nomad.Hcl.Functions;

/// <summary>Encoding and hashing functions: base64, urlencode, md5, sha1/256/512, uuidv4.</summary>
internal static class EncodingFunctions
{
    public static void Register(Dictionary<string, HclFunction> table)
    {
        table["base64encode"] = StringToString(s => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)));
        table["base64decode"] = Of(a => HclValue.String(Base64Decode(a[0].AsString())), P("str", HclType.String));
        table["urlencode"] = StringToString(s => Uri.EscapeDataString(s).Replace("%20", "+", StringComparison.Ordinal));
#pragma warning disable CA5351, CA5350 // md5 and sha1 are HCL functions users call by name, not our security
        table["md5"] = StringToString(s => Hex(MD5.HashData(Encoding.UTF8.GetBytes(s))));
        table["sha1"] = StringToString(s => Hex(SHA1.HashData(Encoding.UTF8.GetBytes(s))));
#pragma warning restore CA5351, CA5350
        table["sha256"] = StringToString(s => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(s))));
        table["sha512"] = StringToString(s => Hex(SHA512.HashData(Encoding.UTF8.GetBytes(s))));
        table["uuidv4"] = Of(_ => HclValue.String(Guid.NewGuid().ToString()));
        table["uuidv5"] = Of(a => HclValue.String(UuidV5(a[0].AsString(), a[1].AsString())), P("namespace", HclType.String), P("name", HclType.String));
    }

    // RFC 4122 name-based UUID (SHA-1) as google/uuid's NewSHA1, with the four well-known namespaces by name.
    private static string UuidV5(string namespaceText, string name)
    {
        var ns = namespaceText switch
        {
            "dns" => "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
            "url" => "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
            "oid" => "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
            "x500" => "6ba7b814-9dad-11d1-80b4-00c04fd430c8",
            _ => namespaceText,
        };
        if (GoUuidError(ns) is { } error)
        {
            throw new FunctionException($"uuidv5() doesn't support namespace {namespaceText} ({error})");
        }

        var guid = Guid.Parse(ns.Length == 45 ? ns[9..] : ns.Length == 38 ? ns[1..^1] : ns);

        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        guid.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // RFC 4122 version 5 is defined with SHA-1; not a security use.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3f) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    // google/uuid's Parse: 36 characters (or 45 with "urn:uuid:", 38 with braces) with dashes, or 32 hex digits.
    private static string? GoUuidError(string s)
    {
        string body;
        switch (s.Length)
        {
            case 36:
                body = s;
                break;
            case 45:
                if (!s.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase))
                {
                    return $"invalid urn prefix: {CryptoFunctions.GoQuote(s[..9])}";
                }

                body = s[9..];
                break;
            case 38:
                // google/uuid drops the first and last characters without looking at them.
                body = s[1..^1];
                break;
            case 32:
                return s.All(char.IsAsciiHexDigit) ? null : "invalid UUID format";
            default:
                return $"invalid UUID length: {s.Length}";
        }

        for (var i = 0; i < body.Length; i++)
        {
            var ok = i is 8 or 13 or 18 or 23 ? body[i] == '-' : char.IsAsciiHexDigit(body[i]);
            if (!ok)
            {
                return "invalid UUID format";
            }
        }

        return null;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    private static string Base64Decode(string s)
    {
        try
        {
            var bytes = Convert.FromBase64String(s);
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (FormatException)
        {
            throw new FunctionException($"failed to decode base64 data '{s}'");
        }
        catch (DecoderFallbackException)
        {
            throw new FunctionException("the result of decoding the the provided string is not valid UTF-8");
        }
    }
}
