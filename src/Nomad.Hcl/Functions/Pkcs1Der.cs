using System.Numerics;

namespace Nomad.Hcl.Functions;

/// <summary>
/// Go's <c>x509.ParsePKCS1PrivateKey</c> up to the key's use: <c>encoding/asn1.Unmarshal</c> into its
/// <c>pkcs1PrivateKey</c> struct (Version int; N *big.Int; E int; D, P, Q *big.Int; Dp, Dq, Qinv optional;
/// AdditionalPrimes optional), then its version and sign checks, with Go's error texts.
/// </summary>
internal static class Pkcs1Der
{
    private const string Params = "{optional:false explicit:false application:false private:false defaultValue:<nil> tag:<nil> stringType:0 timeType:0 set:false omitEmpty:false}";

    private sealed class Asn1Exception(string message) : Exception(message);

    /// <summary>The error Go gives for <paramref name="der"/>, null when it parses; <paramref name="unmarshal"/> tells an asn1.Unmarshal failure.</summary>
    public static string? Check(byte[] der, out bool unmarshal)
    {
        unmarshal = false;
        BigInteger[] ints;
        int end;
        try
        {
            (ints, end) = ParseKey(der);
        }
        catch (Asn1Exception e)
        {
            unmarshal = true;
            return e.Message;
        }

        if (end < der.Length)
        {
            return "asn1: syntax error: trailing data";
        }

        if (ints[0] > 1)
        {
            return "x509: unsupported private key version";
        }

        if (ints[1].Sign <= 0 || ints[3].Sign <= 0 || ints[4].Sign <= 0 || ints[5].Sign <= 0)
        {
            return "x509: private key contains zero or negative value";
        }

        // rsa.PrivateKey.Validate (Go 1.19): checkPub, then the primes' product and the exponents.
        var (n, exponent, d, p, q) = (ints[1], ints[2], ints[3], ints[4], ints[5]);
        if (exponent < 2)
        {
            return "crypto/rsa: public exponent too small";
        }

        if (exponent > int.MaxValue)
        {
            return "crypto/rsa: public exponent too large";
        }

        if (p <= 1 || q <= 1)
        {
            return "crypto/rsa: invalid prime value";
        }

        if (p * q != n)
        {
            return "crypto/rsa: invalid modulus";
        }

        return BigInteger.Remainder(exponent * d, p - 1) != 1 || BigInteger.Remainder(exponent * d, q - 1) != 1 ? "crypto/rsa: invalid exponents" : null;
    }

    /// <summary>Whether Go's lenient asn1.Unmarshal reads <paramref name="der"/> as a PKCS#8 key (x509's pkcs8 struct).</summary>
    public static bool LooksLikePkcs8(byte[] der) => Fits(der, [(2, false, false), (16, true, false), (4, false, false)]);

    /// <summary>Whether Go's lenient asn1.Unmarshal reads <paramref name="der"/> as an SEC 1 EC key (x509's ecPrivateKey struct).</summary>
    public static bool LooksLikeEc(byte[] der) => Fits(der, [(2, false, false), (4, false, false)]);

    // A SEQUENCE whose first elements have the given universal tags (later elements, optional in both structs, ignored).
    private static bool Fits(byte[] der, (int Tag, bool Compound, bool Optional)[] fields)
    {
        try
        {
            var (tag, cls, compound, length, offset) = TagAndLength(der, 0);
            if (cls != 0 || tag != 16 || !compound || InvalidLength(offset, length, der.Length))
            {
                return false;
            }

            var inner = der.AsSpan(offset, length).ToArray();
            var at = 0;
            foreach (var field in fields)
            {
                if (at == inner.Length)
                {
                    return false;
                }

                var (t, c, comp, len, start) = TagAndLength(inner, at);
                if (c != 0 || t != field.Tag || comp != field.Compound || InvalidLength(start, len, inner.Length))
                {
                    return false;
                }

                if (t == 2)
                {
                    CheckInteger(inner.AsSpan(start, len));
                    if (len > 8)
                    {
                        return false;
                    }
                }

                at = start + len;
            }

            return true;
        }
        catch (Asn1Exception)
        {
            return false;
        }
    }

    private static (BigInteger[] Ints, int End) ParseKey(byte[] der)
    {
        if (der.Length == 0)
        {
            throw Syntax("sequence truncated");
        }

        var (tag, cls, compound, length, offset) = TagAndLength(der, 0);
        if (cls != 0 || tag != 16 || !compound)
        {
            throw Mismatch(16, cls, tag, length, compound, Params, "pkcs1PrivateKey", offset);
        }

        if (InvalidLength(offset, length, der.Length))
        {
            throw Syntax("data truncated");
        }

        var inner = der.AsSpan(offset, length).ToArray();
        var ints = new BigInteger[9];
        var at = 0;
        // Version int, N *big.Int, E int, D, P, Q *big.Int (required); Dp, Dq, Qinv *big.Int (optional).
        string[] names = ["int", "", "int", "", "", "", "", "", ""];
        for (var i = 0; i < 9; i++)
        {
            var optional = i >= 6;
            if (at == inner.Length)
            {
                if (!optional)
                {
                    throw Syntax("sequence truncated");
                }

                continue;
            }

            var (t, c, comp, len, start) = TagAndLength(inner, at);
            if (c != 0 || t != 2 || comp)
            {
                if (optional)
                {
                    continue;
                }

                throw Mismatch(2, c, t, len, comp, Params, names[i], start);
            }

            if (InvalidLength(start, len, inner.Length))
            {
                throw Syntax("data truncated");
            }

            var bytes = inner.AsSpan(start, len);
            CheckInteger(bytes);
            if (names[i] == "int" && len > 8)
            {
                throw Structure("integer too large");
            }

            ints[i] = new BigInteger(bytes, isUnsigned: false, isBigEndian: true);
            at = start + len;
        }

        return (ints, offset + length);
    }

    private static bool InvalidLength(int offset, int length, int sliceLength) => offset + length < offset || offset + length > sliceLength;

    private static void CheckInteger(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            throw Structure("empty integer");
        }

        if (bytes.Length > 1 && ((bytes[0] == 0 && (bytes[1] & 0x80) == 0) || (bytes[0] == 0xff && (bytes[1] & 0x80) == 0x80)))
        {
            throw Structure("integer not minimally-encoded");
        }
    }

    // asn1.parseTagAndLength
    private static (int Tag, int Class, bool Compound, int Length, int Offset) TagAndLength(byte[] bytes, int offset)
    {
        if (offset >= bytes.Length)
        {
            throw Syntax("data truncated");
        }

        var b = bytes[offset++];
        var cls = b >> 6;
        var compound = (b & 0x20) == 0x20;
        var tag = b & 0x1f;
        if (tag == 0x1f)
        {
            long value = 0;
            var shifted = 0;
            while (true)
            {
                if (offset >= bytes.Length)
                {
                    throw Syntax("truncated base 128 integer");
                }

                if (shifted == 5)
                {
                    throw Structure("base 128 integer too large");
                }

                var next = bytes[offset++];
                if (shifted == 0 && next == 0x80)
                {
                    throw Syntax("integer is not minimally encoded");
                }

                value = (value << 7) | (long)(next & 0x7f);
                shifted++;
                if ((next & 0x80) == 0)
                {
                    break;
                }
            }

            if (value > int.MaxValue)
            {
                throw Structure("base 128 integer too large");
            }

            tag = (int)value;
            if (tag < 0x1f)
            {
                throw Syntax("non-minimal tag");
            }
        }

        if (offset >= bytes.Length)
        {
            throw Syntax("truncated tag or length");
        }

        b = bytes[offset++];
        int length;
        if ((b & 0x80) == 0)
        {
            length = b & 0x7f;
        }
        else
        {
            var count = b & 0x7f;
            if (count == 0)
            {
                throw Syntax("indefinite length found (not DER)");
            }

            length = 0;
            for (var i = 0; i < count; i++)
            {
                if (offset >= bytes.Length)
                {
                    throw Syntax("truncated tag or length");
                }

                b = bytes[offset++];
                if (length >= 1 << 23)
                {
                    throw Structure("length too large");
                }

                length = (length << 8) | b;
                if (length == 0)
                {
                    throw Structure("superfluous leading zeros in length");
                }
            }

            if (length < 0x80)
            {
                throw Structure("non-minimal length");
            }
        }

        return (tag, cls, compound, length, offset);
    }

    private static Asn1Exception Mismatch(int expected, int cls, int tag, int length, bool compound, string parameters, string typeName, int offset) =>
        Structure($"tags don't match ({expected} vs {{class:{cls} tag:{tag} length:{length} isCompound:{(compound ? "true" : "false")}}}) {parameters} {typeName} @{offset}");

    private static Asn1Exception Syntax(string message) => new($"asn1: syntax error: {message}");

    private static Asn1Exception Structure(string message) => new($"asn1: structure error: {message}");
}
