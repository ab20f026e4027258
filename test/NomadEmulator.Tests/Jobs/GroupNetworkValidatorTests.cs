using System.Text.Json.Nodes;
using Nomad.Emulator.Jobs;

namespace Nomad.Emulator.Tests.Jobs;

/// <summary>
/// Network checks whose answer the golden files cannot hold: the recorded answers come from a build with an older
/// miekg/dns than the v1.1.72 Nomad pins, and Go-map walks whose order Nomad does not fix.
/// </summary>
public sealed class GroupNetworkValidatorTests
{
    [Theory]
    [InlineData("a\\", false)]
    [InlineData("a\\\\", true)]
    [InlineData("a\\.b", true)]
    [InlineData("a\\065b", true)]
    [InlineData(".", true)]
    [InlineData("a..b", false)]
    public void A_hostname_is_a_DNS_name_as_miekg_dns_1_1_72_decides(string hostname, bool valid)
    {
        // v1.1.72 IsDomainName ends with `if escape { return false }` (miekg/dns #1532): a lone trailing backslash
        // escapes the dot Fqdn appends, so the name never ends.
        GroupNetworkValidator.IsDomainName(hostname).ShouldBe(valid);
    }

    [Fact]
    public void Two_bad_CNI_args_of_one_network_are_reported_in_the_order_of_the_JSON()
    {
        var group = JsonNode.Parse("""
            {"Name":"g","Networks":[{"Mode":"cni/x","CNI":{"Args":{"b;":"1","a":"2;"}}}],"Tasks":[]}
            """)!.AsObject();

        var errors = GroupNetworkValidator.Networks(group);

        errors.ShouldBe(["invalid ';' character in CNI arg key \"b;\"", "invalid ';' character in CNI arg value \"2;\""]);
    }
}
