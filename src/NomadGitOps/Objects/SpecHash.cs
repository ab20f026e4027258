using System.Security.Cryptography;
using System.Text;

namespace NomadGitOps.Objects;

/// <summary>
/// A stable fingerprint of an object's spec items, recorded as <c>status_observed_spec</c>. Status items are left
/// out, so the controller's own status writes never look like a spec change; the order of items does not matter.
/// </summary>
internal static class SpecHash
{
    /// <summary>The first 16 hex digits of a SHA-256 over the spec items, sorted by key.</summary>
    public static string Of(IReadOnlyDictionary<string, string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (key, value) in items.Where(kv => !ItemKeys.IsStatus(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            // Length-prefixed, so that ("ab","c") and ("a","bc") differ.
            AppendField(hash, key);
            AppendField(hash, value);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static void AppendField(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
