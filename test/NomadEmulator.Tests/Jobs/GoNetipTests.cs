using Nomad.Emulator.Jobs;

namespace Nomad.Emulator.Tests.Jobs;

/// <summary>
/// Prefix texts the golden files cannot hold: the recorded answers come from a build with Go 1.19, whose
/// net/netip accepted a signed or zero-led prefix length and five-digit IPv6 groups and nested the error of an
/// embedded IPv4 address; Nomad pins Go 1.26.5, and these are current Go's texts (src/net/netip/netip.go read at
/// golang/go d7a0c45: ParsePrefix, and parseIPv6 with parseIPv4Fields).
/// </summary>
public sealed class GoNetipTests
{
    [Theory]
    [InlineData("1.2.3.4/08", "netip.ParsePrefix(\"1.2.3.4/08\"): bad bits after slash: \"08\"")]
    [InlineData("1.2.3.4/+8", "netip.ParsePrefix(\"1.2.3.4/+8\"): bad bits after slash: \"+8\"")]
    [InlineData("1.2.3.4/-1", "netip.ParsePrefix(\"1.2.3.4/-1\"): bad bits after slash: \"-1\"")]
    [InlineData("1.2.3.4/", "netip.ParsePrefix(\"1.2.3.4/\"): bad bits after slash: \"\"")]
    [InlineData("1.2.3.4/99999999999999999999", "netip.ParsePrefix(\"1.2.3.4/99999999999999999999\"): bad bits after slash: \"99999999999999999999\"")]
    [InlineData("1.2.3.4/4294967297", "netip.ParsePrefix(\"1.2.3.4/4294967297\"): prefix length out of range")]
    [InlineData("00001::/16", "netip.ParsePrefix(\"00001::/16\"): ParseAddr(\"00001::\"): each group must have 4 or less digits (at \"00001::\")")]
    [InlineData("12345::/16", "netip.ParsePrefix(\"12345::/16\"): ParseAddr(\"12345::\"): each group must have 4 or less digits (at \"12345::\")")]
    [InlineData("::1.2.3/64", "netip.ParsePrefix(\"::1.2.3/64\"): ParseAddr(\"::1.2.3\"): IPv4 address too short")]
    [InlineData("1:2:3:4:5:6:1.2.3.4:5/96", "netip.ParsePrefix(\"1:2:3:4:5:6:1.2.3.4:5/96\"): ParseAddr(\"1:2:3:4:5:6:1.2.3.4:5\"): unexpected character (at \":5\")")]
    [InlineData("::1.2..3%eth0/64", "netip.ParsePrefix(\"::1.2..3%eth0/64\"): ParseAddr(\"::1.2..3%eth0\"): IPv4 field must have at least one digit (at \".3\")")]
    public void A_prefix_is_refused_with_the_text_of_the_Go_that_Nomad_pins(string prefix, string expected)
    {
        GoNetip.ParsePrefixError(prefix).ShouldBe(expected);
    }

    [Theory]
    [InlineData("1.2.3.4/0")]
    [InlineData("1.2.3.4/32")]
    [InlineData("::ffff:1.2.3.4/128")]
    [InlineData("::/0")]
    public void A_valid_prefix_has_no_error(string prefix)
    {
        GoNetip.ParsePrefixError(prefix).ShouldBeNull();
    }
}
