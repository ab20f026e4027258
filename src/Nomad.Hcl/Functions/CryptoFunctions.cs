using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Nomad.Hcl.Evaluation;
using static Nomad.Hcl.Functions.Fn;

namespace Nomad.Hcl.Functions;

/// <summary>bcrypt and rsadecrypt as hashicorp/go-cty-funcs' crypto package has them.</summary>
internal static class CryptoFunctions
{
    private const int DefaultCost = 10;
    private const int MinCost = 4;
    private const int MaxCost = 31;
    private const int MaxPasswordBytes = 72;

    public static void Register(Dictionary<string, HclFunction> table)
    {
        table["bcrypt"] = Variadic(a => HclValue.String(Bcrypt(a)), P("cost", HclType.Number), P("str", HclType.String));
        table["rsadecrypt"] = Of(a => HclValue.String(RsaDecrypt(a[0].AsString(), a[1].AsString())), P("ciphertext", HclType.String), P("privatekey", HclType.String));
    }

    // crypto/bcrypt.go BcryptFunc: the cost goes through gocty (a Go int), then x/crypto's GenerateFromPassword,
    // which answers "$2a$" hashes, replaces a cost below 4 by 10 and rejects one above 31.
    private static string Bcrypt(IReadOnlyList<HclValue> args)
    {
        var cost = DefaultCost;
        if (args.Count > 1)
        {
            var n = args[1].AsNumber();
            if (n != Math.Floor(n) || n < long.MinValue || n >= 9223372036854775808d)
            {
                throw new FunctionException("value must be a whole number, between -9223372036854775808 and 9223372036854775807");
            }

            var requested = (long)n;
            if (requested > MaxCost)
            {
                throw new FunctionException($"error occured generating password crypto/bcrypt: cost {requested.ToString(CultureInfo.InvariantCulture)} is outside allowed range ({MinCost},{MaxCost})");
            }

            cost = requested < MinCost ? DefaultCost : (int)requested;
        }

        if (args.Count > 2)
        {
            throw new FunctionException("bcrypt() takes no more than two arguments");
        }

        var password = args[0].AsString();

        // Nomad's go.mod pins golang.org/x/crypto v0.54.0, whose GenerateFromPassword refuses more than 72 bytes.
        if (Encoding.UTF8.GetByteCount(password) > MaxPasswordBytes)
        {
            throw new FunctionException("error occured generating password bcrypt: password length exceeds 72 bytes");
        }

        return BCrypt.Net.BCrypt.HashPassword(password, BCrypt.Net.BCrypt.GenerateSalt(cost, 'a'));
    }

    // crypto/rsa.go RsaDecryptFunc: standard base64 (line breaks ignored), the first PEM block, PKCS#1 only,
    // PKCS#1 v1.5 padding; Go's error texts.
    private static string RsaDecrypt(string ciphertext, string privateKey)
    {
        var cipherBytes = GoBase64(ciphertext)
            ?? throw new FunctionException($"failed to decode input {GoQuote(ciphertext)}: cipher text must be base64-encoded");
        var block = PemBlock.Decode(privateKey) ?? throw new FunctionException("failed to parse key: no key found");
        if (block.Headers.TryGetValue("Proc-Type", out var procType) && procType == "4,ENCRYPTED")
        {
            throw new FunctionException("failed to parse key: password protected keys are not supported. Please decrypt the key prior to use");
        }

        // x509.ParsePKCS1PrivateKey: Go's asn1 walk first; when it fails, the other key formats are tried for a hint.
        if (Pkcs1Der.Check(block.Bytes, out var unmarshal) is { } failure)
        {
            throw new FunctionException(unmarshal ? ParseFailure(block.Bytes) ?? failure : failure);
        }

        using var rsa = RSA.Create();
        try
        {
            rsa.ImportRSAPrivateKey(block.Bytes, out _);
        }
        catch (CryptographicException)
        {
            throw new FunctionException("crypto/rsa: invalid private key");
        }

        try
        {
            return Encoding.UTF8.GetString(rsa.Decrypt(cipherBytes, RSAEncryptionPadding.Pkcs1));
        }
        catch (CryptographicException)
        {
            throw new FunctionException("crypto/rsa: decryption error");
        }
    }

    // x509.ParsePKCS1PrivateKey points at the right parser when the DER is another key format; null otherwise (then
    // Go prints its asn1 package's error).
    private static string? ParseFailure(byte[] der) =>
        Pkcs1Der.LooksLikePkcs8(der) ? "x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)"
        : Pkcs1Der.LooksLikeEc(der) ? "x509: failed to parse private key (use ParseECPrivateKey instead for this key format)"
        : null;

    // Go's base64.StdEncoding: padded standard alphabet; \r and \n are skipped, any other character is an error.
    private static byte[]? GoBase64(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                continue;
            }

            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/' or '='))
            {
                return null;
            }

            clean.Append(c);
        }

        if (clean.Length % 4 != 0)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(clean.ToString());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A string as Go's <c>%q</c> writes it (printable characters kept, the rest escaped).</summary>
    internal static string GoQuote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var rune in s.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (rune.Value < 0x20 || rune.Value == 0x7f)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
                    }
                    else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator || (Rune.GetUnicodeCategory(rune) == UnicodeCategory.SpaceSeparator && rune.Value != ' '))
                    {
                        if (rune.Value > 0xFFFF)
                        {
                            sb.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
                        }
                        else
                        {
                            sb.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}");
                        }
                    }
                    else
                    {
                        sb.Append(rune.ToString());
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
