using Nomad.Hcl.Unicode;

namespace Nomad.Hcl.Tests.Unicode;

public sealed class NfcTests
{
    [Theory]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("e\u0301", "\u00E9")]
    [InlineData("\u212A", "K")]
    [InlineData("\u212B", "\u00C5")]
    [InlineData("\u2126", "\u03A9")]
    [InlineData("\u1100\u1161", "\uAC00")]
    [InlineData("\uAC00\u11A8", "\uAC01")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")]
    [InlineData("a\u0328\u0301", "\u0105\u0301")]
    [InlineData("a\u0301\u0328", "\u0105\u0301")]
    [InlineData("e\u0301\u0301", "\u00E9\u0301")]
    [InlineData("\u0344", "\u0308\u0301")]
    [InlineData("\U0001D15E", "\U0001D157\U0001D165")]
    [InlineData("\u0301e", "\u0301e")]
    [InlineData("\u00C5\u0301", "\u01FA")]
    [InlineData("x\uD800y\u0301", "x\uD800\u00FD")]
    [InlineData("a\U00010EFD\u0301", "\u00E1\U00010EFD")] // Unicode 15.0's U+10EFD has class 220: it does not block the acute
    public void A_string_is_in_unicode_normalization_form_c(string text, string expected)
    {
        Nfc.Normalize(text).ShouldBe(expected);
    }

    [Fact]
    public void Text_already_in_nfc_is_the_same_instance()
    {
        const string text = "caf\u00E9 \u65E5\u672C";

        Nfc.Normalize(text).ShouldBeSameAs(text);
    }
}
