using NomadGitOps.Objects;
using NomadGitOps.Server.Webhooks;

namespace NomadGitOps.Tests.Server.Webhooks;

public sealed class WebhookEventsTests
{
    [Theory]
    [InlineData("GitHub", "github", "X-GitHub-Event", "push", "push")]
    [InlineData("GitLab", "gitlab", "X-Gitlab-Event", "Tag Push Hook", "Tag Push Hook")]
    [InlineData("Gitea", "gitea", "X-Gitea-Event", "push", "push")]
    [InlineData("Forgejo", "gitea", "X-Forgejo-Event", "push", "push")]
    [InlineData("Gogs", "gitea", "X-Gogs-Event", "push", "push")]
    [InlineData("Bitbucket", "bitbucket", "X-Event-Key", "repo:refs_changed", "repo:refs_changed")]
    [InlineData("generic", "generic", "X-Event", "deploy", "deploy")]
    public void The_event_is_read_from_the_header_its_host_sends(string because, string type, string header, string value, string expected)
    {
        WebhookEvents.Of(ReceiverSpec.TypeNames[type], Headers((header, value)), []).ShouldBe(expected, because);
    }

    [Theory]
    [InlineData("github")]
    [InlineData("gitlab")]
    [InlineData("gitea")]
    [InlineData("bitbucket")]
    public void A_delivery_without_its_hosts_event_header_has_no_event(string type)
    {
        WebhookEvents.Of(ReceiverSpec.TypeNames[type], Headers(("X-Event", "push")), Payloads.Bytes("github-push")).ShouldBeNull();
    }

    [Fact]
    public void A_generic_delivery_without_an_event_is_a_push()
    {
        WebhookEvents.Of(ReceiverType.Generic, Headers(), []).ShouldBe("push");
    }

    [Theory]
    [InlineData("a push", "push", "Push Hook")]
    [InlineData("a tag push", "tag_push", "Tag Push Hook")]
    [InlineData("another system event", "project_create", "System Hook")]
    public void A_gitlab_system_hook_is_named_by_the_event_in_its_body(string because, string eventName, string expected)
    {
        var json = Payloads.Json("gitlab-system-hook-push");
        json["event_name"] = eventName;

        WebhookEvents.Of(ReceiverType.GitLab, Headers(("X-Gitlab-Event", "System Hook")), Payloads.ToBytes(json)).ShouldBe(expected, because);
    }

    [Fact]
    public void A_gitlab_system_hook_whose_body_is_no_json_keeps_its_header_name()
    {
        WebhookEvents.Of(ReceiverType.GitLab, Headers(("X-Gitlab-Event", "System Hook")), "{"u8).ShouldBe("System Hook");
    }

    private static Func<string, string?> Headers(params (string Name, string Value)[] headers)
    {
        var map = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        return name => map.GetValueOrDefault(name);
    }
}
