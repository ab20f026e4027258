using System.Security.Cryptography;
using System.Text;

namespace Nomad.Hcl.Tests.Functions;

public sealed class RsaDecryptTests
{
    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Call(string ciphertext, string key) => $"rsadecrypt({Quote(ciphertext)}, {Quote(key)})";

    [Fact]
    public void A_pkcs1_v15_ciphertext_decrypts_with_its_pkcs1_pem_key()
    {
        using var rsa = RSA.Create(2048);
        var ciphertext = Convert.ToBase64String(rsa.Encrypt(Encoding.UTF8.GetBytes("grüße, db"), RSAEncryptionPadding.Pkcs1));

        MetaExpression.Evaluate(Call(ciphertext, rsa.ExportRSAPrivateKeyPem()), out var error).ShouldBe("grüße, db");
        error.ShouldBe("");
    }

    [Fact]
    public void Text_before_the_pem_block_and_line_breaks_in_the_base64_are_skipped_as_go_does()
    {
        using var rsa = RSA.Create(1024);
        var ciphertext = Convert.ToBase64String(rsa.Encrypt("x"u8.ToArray(), RSAEncryptionPadding.Pkcs1));
        var wrapped = ciphertext[..40] + "\n" + ciphertext[40..];

        MetaExpression.Evaluate(Call(wrapped, "comment line\n" + rsa.ExportRSAPrivateKeyPem()), out _).ShouldBe("x");
    }

    [Fact]
    public void An_oaep_ciphertext_fails_with_gos_decryption_error()
    {
        using var rsa = RSA.Create(1024);
        var ciphertext = Convert.ToBase64String(rsa.Encrypt("x"u8.ToArray(), RSAEncryptionPadding.OaepSHA256));

        MetaExpression.Evaluate(Call(ciphertext, rsa.ExportRSAPrivateKeyPem()), out var error).ShouldBeNull();
        error.ShouldEndWith("failed: crypto/rsa: decryption error.");
    }

    [Fact]
    public void A_pkcs8_key_is_refused_with_gos_hint_at_the_right_parser()
    {
        using var rsa = RSA.Create(1024);
        var ciphertext = Convert.ToBase64String(rsa.Encrypt("x"u8.ToArray(), RSAEncryptionPadding.Pkcs1));

        MetaExpression.Evaluate(Call(ciphertext, rsa.ExportPkcs8PrivateKeyPem()), out var error).ShouldBeNull();
        error.ShouldEndWith("failed: x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format).");
    }

    [Theory]
    [InlineData("aGVsbG8")]
    [InlineData("aGVs bG8=")]
    [InlineData("aGVsbG8-")]
    public void Ciphertext_that_is_not_padded_standard_base64_is_refused(string ciphertext)
    {
        MetaExpression.Evaluate(Call(ciphertext, "k"), out var error).ShouldBeNull();
        error.ShouldEndWith($"failed: failed to decode input \"{ciphertext}\": cipher text must be base64-encoded.");
    }
}
