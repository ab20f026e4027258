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
            throw new FunctionException($"failed to decode base64 data \"{s}\"", 0);
        }
        catch (DecoderFallbackException)
        {
            throw new FunctionException("the result of decoding the provided string is not valid UTF-8", 0);
        }
    }
}
