using System.Net;
using NomadGitOps.Server;

namespace NomadGitOps.Tests.Server;

public sealed class HttpServerOptionsTests
{
    [Theory]
    [InlineData("every interface", "0.0.0.0:9090", "0.0.0.0", 9090)]
    [InlineData("loopback on any free port", "127.0.0.1:0", "127.0.0.1", 0)]
    [InlineData("an IPv6 address", "[::]:8080", "::", 8080)]
    [InlineData("localhost", "localhost:9090", "127.0.0.1", 9090)]
    [InlineData("no host", ":9091", "0.0.0.0", 9091)]
    public void An_http_address_is_host_and_port(string because, string text, string host, int port)
    {
        HttpAddress.TryParse(text, out var address, out var error).ShouldBeTrue(because);
        error.ShouldBeNull();
        address!.Host.ShouldBe(IPAddress.Parse(host));
        address.Port.ShouldBe(port);
    }

    [Theory]
    [InlineData("no port", "127.0.0.1")]
    [InlineData("a port out of range", "127.0.0.1:70000")]
    [InlineData("a host name", "example.com:9090")]
    [InlineData("a negative port", "127.0.0.1:-1")]
    public void Anything_else_is_refused_with_a_sentence(string because, string text)
    {
        HttpAddress.TryParse(text, out var address, out var error).ShouldBeFalse(because);
        address.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(text);
    }

    [Fact]
    public void The_environment_sets_address_body_limit_and_token_over_the_defaults()
    {
        var env = new Dictionary<string, string?>
        {
            ["NOMAD_GITOPS_HTTP_ADDR"] = "127.0.0.1:9999",
            ["NOMAD_GITOPS_WEBHOOK_MAX_BYTES"] = "2048",
            ["NOMAD_GITOPS_API_TOKEN"] = " secret ",
        };

        var options = HttpServerOptions.FromEnvironment(env, new HttpServerOptions(), out var errors);

        errors.ShouldBeEmpty();
        options.Address.ToString().ShouldBe("127.0.0.1:9999");
        options.WebhookMaxBytes.ShouldBe(2048);
        options.ApiToken.ShouldBe("secret");
    }

    [Fact]
    public void Without_the_environment_run_listens_on_every_interface_with_a_one_mebibyte_limit_and_no_api()
    {
        var options = HttpServerOptions.FromEnvironment(new Dictionary<string, string?>(), new HttpServerOptions(), out var errors);

        errors.ShouldBeEmpty();
        options.Address.ToString().ShouldBe("0.0.0.0:9090");
        options.WebhookMaxBytes.ShouldBe(1024 * 1024);
        options.ApiToken.ShouldBeNull();
    }

    [Fact]
    public void Bad_values_are_reported_one_sentence_each()
    {
        var env = new Dictionary<string, string?> { ["NOMAD_GITOPS_HTTP_ADDR"] = "nowhere", ["NOMAD_GITOPS_WEBHOOK_MAX_BYTES"] = "1MB" };

        HttpServerOptions.FromEnvironment(env, new HttpServerOptions(), out var errors);

        errors.Count.ShouldBe(2);
        errors[0].ShouldStartWith("NOMAD_GITOPS_HTTP_ADDR: ");
        errors[1].ShouldContain("\"1MB\"");
    }
}
