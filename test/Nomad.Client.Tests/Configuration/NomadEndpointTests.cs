namespace Nomad.Client.Tests.Configuration;

public sealed class NomadEndpointTests
{
    [Fact]
    public void A_unix_address_dials_the_socket_and_sends_requests_to_127_0_0_1()
    {
        var endpoint = NomadEndpoint.Parse("unix:///var/run/nomad/nomad.sock");

        endpoint.UnixSocketPath.ShouldBe("/var/run/nomad/nomad.sock");
        endpoint.BaseAddress.ShouldBe(new Uri("http://127.0.0.1/"));
    }

    [Fact]
    public void A_unix_address_without_an_absolute_path_is_rejected() =>
        Should.Throw<ArgumentException>(() => NomadEndpoint.Parse("unix://")).Message.ShouldContain("absolute socket path");

    [Fact]
    public void User_info_in_the_address_becomes_basic_auth_and_leaves_the_base_address()
    {
        var endpoint = NomadEndpoint.Parse("https://alice:p%40ss@nomad.example:4646/ui");

        endpoint.BaseAddress.ShouldBe(new Uri("https://nomad.example:4646/"));
        endpoint.UserInfo.ShouldBe("alice:p@ss");
        endpoint.UnixSocketPath.ShouldBeNull();
    }

    [Fact]
    public void A_bare_host_and_port_is_taken_as_http() =>
        NomadEndpoint.Parse("10.0.0.5:4646").BaseAddress.ShouldBe(new Uri("http://10.0.0.5:4646/"));

    [Fact]
    public void An_unknown_scheme_is_rejected_without_echoing_credentials()
    {
        var error = Should.Throw<ArgumentException>(() => NomadEndpoint.Parse("ftp://alice:topsecret@host:21"));

        error.Message.ShouldContain("scheme");
        error.Message.ShouldNotContain("topsecret");
    }

    [Theory]
    [InlineData("http://127.0.0.1:4646", "http://127.0.0.1:4646")]
    [InlineData("https://u:p@h:1/x", "https://[redacted]@h:1/x")]
    [InlineData("u:p@h:1", "[redacted]@h:1")]
    public void Redact_replaces_only_the_user_info(string address, string expected) =>
        NomadEndpoint.Redact(address).ShouldBe(expected);
}
