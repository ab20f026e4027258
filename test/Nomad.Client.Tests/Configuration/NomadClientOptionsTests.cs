namespace Nomad.Client.Tests.Configuration;

public sealed class NomadClientOptionsTests
{
    private static readonly Dictionary<string, string?> FullEnvironment = new()
    {
        ["NOMAD_ADDR"] = "https://nomad.example:4646",
        ["NOMAD_TOKEN"] = "s3cr3t-token-0000",
        ["NOMAD_NAMESPACE"] = "apps",
        ["NOMAD_REGION"] = "eu",
        ["NOMAD_CACERT"] = "/etc/nomad/ca.pem",
        ["NOMAD_CAPATH"] = "/etc/nomad/cas",
        ["NOMAD_CLIENT_CERT"] = "/etc/nomad/cli.pem",
        ["NOMAD_CLIENT_KEY"] = "/etc/nomad/cli-key.pem",
        ["NOMAD_TLS_SERVER_NAME"] = "server.global.nomad",
        ["NOMAD_SKIP_VERIFY"] = "true",
        ["NOMAD_HTTP_AUTH"] = "alice:hunter2-pass",
    };

    [Fact]
    public void FromEnvironment_reads_every_NOMAD_variable_the_CLI_reads()
    {
        var options = NomadClientOptions.FromEnvironment(FullEnvironment);

        options.Address.ShouldBe("https://nomad.example:4646");
        options.Token.ShouldBe("s3cr3t-token-0000");
        options.Namespace.ShouldBe("apps");
        options.Region.ShouldBe("eu");
        options.CaCert.ShouldBe("/etc/nomad/ca.pem");
        options.CaPath.ShouldBe("/etc/nomad/cas");
        options.ClientCert.ShouldBe("/etc/nomad/cli.pem");
        options.ClientKey.ShouldBe("/etc/nomad/cli-key.pem");
        options.TlsServerName.ShouldBe("server.global.nomad");
        options.SkipVerify.ShouldBeTrue();
        options.HttpAuth.ShouldBe("alice:hunter2-pass");
    }

    [Fact]
    public void FromEnvironment_with_nothing_set_uses_the_CLI_defaults()
    {
        var options = NomadClientOptions.FromEnvironment(new Dictionary<string, string?> { ["NOMAD_ADDR"] = "", ["NOMAD_TOKEN"] = null });

        options.Address.ShouldBe("http://127.0.0.1:4646");
        options.Token.ShouldBeNull();
        options.Namespace.ShouldBeNull();
        options.Region.ShouldBeNull();
        options.SkipVerify.ShouldBeFalse();
        options.HttpAuth.ShouldBeNull();
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("T", true)]
    [InlineData("TRUE", true)]
    [InlineData("0", false)]
    [InlineData("False", false)]
    [InlineData("yes", false)]
    [InlineData("tRuE", false)]
    public void NOMAD_SKIP_VERIFY_is_parsed_like_Go_ParseBool_and_ignored_when_unparsable(string value, bool expected) =>
        NomadClientOptions.FromEnvironment(new Dictionary<string, string?> { ["NOMAD_SKIP_VERIFY"] = value }).SkipVerify.ShouldBe(expected);

    [Fact]
    public void Explicit_values_win_over_the_environment()
    {
        var options = NomadClientOptions.FromEnvironment(FullEnvironment) with { Namespace = "ops", Token = "other-token" };

        options.Namespace.ShouldBe("ops");
        options.Token.ShouldBe("other-token");
        options.Region.ShouldBe("eu");
    }

    [Fact]
    public void ToString_never_shows_the_token_the_basic_auth_or_address_credentials()
    {
        var options = NomadClientOptions.FromEnvironment(FullEnvironment) with { Address = "https://bob:addr-password@nomad.example:4646" };

        var text = options.ToString();

        text.ShouldNotContain("s3cr3t-token-0000");
        text.ShouldNotContain("hunter2-pass");
        text.ShouldNotContain("alice");
        text.ShouldNotContain("addr-password");
        text.ShouldNotContain("bob");
        text.ShouldContain("nomad.example:4646");
        text.ShouldContain("Namespace = apps");
        text.ShouldContain("[redacted]");
    }
}
