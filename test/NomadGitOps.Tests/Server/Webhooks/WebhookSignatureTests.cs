using System.Text;
using NomadGitOps.Objects;
using NomadGitOps.Server.Webhooks;

namespace NomadGitOps.Tests.Server.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "It's a Secret to Everybody";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("Hello, World!");

    [Fact]
    public void The_hmac_is_the_one_githubs_documentation_gives_for_its_example()
    {
        // docs.github.com, "Validating webhook deliveries": secret "It's a Secret to Everybody", payload "Hello, World!".
        WebhookSignature.Sign(Body, Secret).ShouldBe("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    [Theory]
    [InlineData("github", "X-Hub-Signature-256", "sha256=")]
    [InlineData("gitea", "X-Gitea-Signature", "")]
    [InlineData("gitea", "X-Forgejo-Signature", "")]
    [InlineData("bitbucket", "X-Hub-Signature", "sha256=")]
    [InlineData("generic", "X-Signature", "sha256=")]
    public void A_host_signed_body_verifies_and_a_changed_body_does_not(string type, string header, string prefix)
    {
        var headers = Headers((header, prefix + WebhookSignature.Sign(Body, Secret)));

        WebhookSignature.IsValid(Type(type), headers, Body, Secret).ShouldBeTrue();
        WebhookSignature.IsValid(Type(type), headers, Encoding.UTF8.GetBytes("Hello, World?"), Secret).ShouldBeFalse();
        WebhookSignature.IsValid(Type(type), headers, Body, Secret + "x").ShouldBeFalse();
        WebhookSignature.IsValid(Type(type), Headers(), Body, Secret).ShouldBeFalse();
    }

    [Theory]
    [InlineData("X-Gitea-Signature")]
    [InlineData("X-Forgejo-Signature")]
    [InlineData("X-Gogs-Signature")]
    public void A_gitea_hook_set_to_form_is_verified_on_the_json_inside_it(string header)
    {
        // Gitea sends payload=<escaped JSON> and signs the JSON, not the form it sends.
        var json = Payloads.Bytes("gitea-push");
        var form = Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(Encoding.UTF8.GetString(json)));

        WebhookSignature.IsValid(ReceiverType.Gitea, Headers((header, WebhookSignature.Sign(json, Secret))), form, Secret).ShouldBeTrue();
        WebhookSignature.IsValid(ReceiverType.Gitea, Headers((header, WebhookSignature.Sign(json, Secret + "x"))), form, Secret).ShouldBeFalse();
    }

    [Fact]
    public void A_github_form_delivery_is_verified_on_the_form_it_sends()
    {
        var form = Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(Encoding.UTF8.GetString(Payloads.Bytes("github-push"))));

        WebhookSignature.IsValid(ReceiverType.GitHub, Headers(("X-Hub-Signature-256", "sha256=" + WebhookSignature.Sign(form, Secret))), form, Secret).ShouldBeTrue();
        WebhookSignature.IsValid(ReceiverType.GitHub, Headers(("X-Hub-Signature-256", "sha256=" + WebhookSignature.Sign(Payloads.Bytes("github-push"), Secret))), form, Secret)
            .ShouldBeFalse("GitHub signs the body as sent");
    }

    [Fact]
    public void A_secret_with_a_trailing_newline_verifies_what_the_host_signed_without_it()
    {
        var headers = Headers(("X-Hub-Signature-256", "sha256=" + WebhookSignature.Sign(Body, Secret)));

        WebhookSignature.IsValid(ReceiverType.GitHub, headers, Body, Secret + "\n").ShouldBeTrue();
        WebhookSignature.IsValid(ReceiverType.GitHub, headers, Body, Secret + "\r\n").ShouldBeTrue();
    }

    [Fact]
    public void Gitlab_sends_the_token_itself()
    {
        WebhookSignature.IsValid(ReceiverType.GitLab, Headers(("X-Gitlab-Token", Secret)), Body, Secret + "\n").ShouldBeTrue();
        WebhookSignature.IsValid(ReceiverType.GitLab, Headers(("X-Gitlab-Token", "It's a Secret to Everybody!")), Body, Secret).ShouldBeFalse();
        WebhookSignature.IsValid(ReceiverType.GitLab, Headers(), Body, Secret).ShouldBeFalse();
    }

    [Fact]
    public void Generic_takes_a_bearer_token_instead_of_a_signature()
    {
        WebhookSignature.IsValid(ReceiverType.Generic, Headers(("Authorization", "Bearer " + Secret)), Body, Secret).ShouldBeTrue();
        WebhookSignature.IsValid(ReceiverType.Generic, Headers(("Authorization", "Bearer nope")), Body, Secret).ShouldBeFalse();
        WebhookSignature.IsValid(ReceiverType.Generic, Headers(("Authorization", "Basic " + Secret)), Body, Secret).ShouldBeFalse();
    }

    [Theory]
    [InlineData("a sha1 signature", "sha1=82474c4fdedd8c2d2e6802db3e49f4afd96b3eab")]
    [InlineData("no prefix", "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("hex that is not hex", "sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("a short digest", "sha256=757107ea")]
    public void A_github_signature_in_another_form_is_refused(string because, string value)
    {
        WebhookSignature.IsValid(ReceiverType.GitHub, Headers(("X-Hub-Signature-256", value)), Body, Secret).ShouldBeFalse(because);
    }

    [Fact]
    public void An_empty_secret_verifies_nothing()
    {
        WebhookSignature.IsValid(ReceiverType.GitLab, Headers(("X-Gitlab-Token", "")), Body, "\n").ShouldBeFalse();
    }

    private static ReceiverType Type(string name) => ReceiverSpec.TypeNames[name];

    private static Func<string, string?> Headers(params (string Name, string Value)[] headers)
    {
        var map = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        return name => map.GetValueOrDefault(name);
    }
}
