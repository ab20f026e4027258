using NomadGitOps.Objects;
using NomadGitOps.Server.Webhooks;

namespace NomadGitOps.Tests.Server.Webhooks;

public sealed class PushMatcherTests
{
    private static readonly ReceiverSpec Everything = ReceiverSpec.Parse(new Dictionary<string, string> { ["type"] = "github", ["secret"] = "s" }).Spec!;

    [Theory]
    [InlineData("a branch repository and a push to its branch", "branch=main", "refs/heads/main", false, true)]
    [InlineData("a branch repository and a push to another branch", "branch=main", "refs/heads/feature", false, false)]
    [InlineData("a repository without a branch and a push to main", "", "refs/heads/main", false, true)]
    [InlineData("a repository without a branch and a push to the default branch", "", "refs/heads/trunk", false, true)]
    [InlineData("an explicit main and a push to another default branch", "branch=main", "refs/heads/trunk", false, false)]
    [InlineData("a branch repository and a tag push", "branch=main", "refs/tags/main", false, false)]
    [InlineData("a tag repository and a push of its tag", "tag=v1.4.0", "refs/tags/v1.4.0", false, true)]
    [InlineData("a tag repository and a push of another tag", "tag=v1.4.0", "refs/tags/v1.5.0", false, false)]
    [InlineData("a semver repository and a tag in its range", "semver=>=1.2.0 <2.0.0", "refs/tags/v1.4.0", false, true)]
    [InlineData("a semver repository and a tag out of its range", "semver=^1.2", "refs/tags/v2.0.0", false, false)]
    [InlineData("a semver repository and a branch push", "semver=^1.2", "refs/heads/main", false, false)]
    [InlineData("a pinned commit and a push to main", "commit=59b20b8d5c6ff8d09518454d4dd8b7a30f095ab5", "refs/heads/main", false, false)]
    [InlineData("a branch repository and the deletion of its branch", "branch=main", "refs/heads/main", true, false)]
    [InlineData("a tag repository and the deletion of its tag", "tag=v1.4.0", "refs/tags/v1.4.0", true, false)]
    public void A_push_matches_a_repository_only_for_a_ref_it_follows(string because, string reference, string pushed, bool deleted, bool matches)
    {
        var repository = Repository("apps", "https://github.com/acme/apps.git", reference);
        var push = new PushEvent([new RefChange(pushed, deleted)], ["https://github.com/acme/apps"], "trunk", null);

        PushMatcher.Match(push, Everything, [repository]).Count.ShouldBe(matches ? 1 : 0, because);
    }

    [Fact]
    public void A_github_push_matches_repositories_written_with_any_of_its_urls_and_no_other()
    {
        var push = WebhookPayload.Read(ReceiverType.GitHub, Payloads.Bytes("github-push"));
        StoredObject[] repositories =
        [
            Repository("https", "https://github.com/acme/apps"),
            Repository("scp", "git@github.com:ACME/apps.git"),
            Repository("ssh", "ssh://git@github.com:22/acme/apps.git/"),
            Repository("other-repo", "https://github.com/acme/infra"),
            Repository("other-branch", "https://github.com/acme/apps", "branch=develop"),
        ];

        PushMatcher.Match(push, Everything, repositories).ShouldBe(["https", "scp", "ssh"]);
    }

    [Fact]
    public void A_receiver_triggers_only_the_repositories_it_lists()
    {
        var receiver = ReceiverSpec.Parse(new Dictionary<string, string> { ["type"] = "github", ["secret"] = "s", ["repositories"] = "apps" }).Spec!;
        var push = WebhookPayload.Read(ReceiverType.GitHub, Payloads.Bytes("github-push"));

        PushMatcher.Match(push, receiver, [Repository("apps", "https://github.com/acme/apps"), Repository("apps-copy", "https://github.com/acme/apps")])
            .ShouldBe(["apps"]);
    }

    [Fact]
    public void A_generic_delivery_naming_no_repository_triggers_each_listed_one_that_is_not_pinned()
    {
        var receiver = ReceiverSpec.Parse(new Dictionary<string, string> { ["type"] = "generic", ["secret"] = "s", ["repositories"] = "a,b,pinned" }).Spec!;
        var push = WebhookPayload.Read(ReceiverType.Generic, []);
        StoredObject[] repositories =
        [
            Repository("a", "https://github.com/acme/a"),
            Repository("b", "file:///srv/b", "tag=v1"),
            Repository("c", "https://github.com/acme/c"),
            Repository("pinned", "https://github.com/acme/p", "commit=59b20b8d5c6ff8d09518454d4dd8b7a30f095ab5"),
        ];

        PushMatcher.Match(push, receiver, repositories).ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Two_repositories_of_one_url_following_the_pushed_branch_are_both_matched()
    {
        var push = WebhookPayload.Read(ReceiverType.Gitea, Payloads.Bytes("gitea-push"));
        StoredObject[] repositories =
        [
            Repository("apps-web", "https://git.example.com/platform/apps.git", "branch=main"),
            Repository("apps-batch", "git@git.example.com:platform/apps.git"),
            Repository("apps-staging", "https://git.example.com/platform/apps", "branch=staging"),
        ];

        PushMatcher.Match(push, Everything, repositories).ShouldBe(["apps-batch", "apps-web"]);
    }

    [Theory]
    [InlineData("the ssh link", "ssh://git@bitbucket.example.com:7999/plat/apps.git")]
    [InlineData("the http link", "https://bitbucket.example.com/scm/plat/apps.git")]
    [InlineData("scp-like ssh", "git@bitbucket.example.com:plat/apps.git")]
    public void A_bitbucket_server_push_matches_a_repository_written_with_either_clone_link_even_when_one_is_sent(string because, string url)
    {
        foreach (var sent in new[] { "ssh", "http" })
        {
            var json = Payloads.Json("bitbucket-server-refs-changed");
            var clone = json["repository"]!["links"]!["clone"]!.AsArray();
            clone.Remove(clone.First(c => c!["name"]!.GetValue<string>() != sent));
            var push = WebhookPayload.Read(ReceiverType.Bitbucket, Payloads.ToBytes(json));

            PushMatcher.Match(push, Everything, [Repository("apps", url)]).ShouldBe(["apps"], $"{because}, only the {sent} link sent");
        }
    }

    [Fact]
    public void A_bitbucket_cloud_push_without_changes_matches_every_repository_of_its_url()
    {
        // Bitbucket Cloud sends an empty push.changes for a tag made in its web UI: which ref moved is unknown.
        var json = Payloads.Json("bitbucket-cloud-push");
        json["push"]!["changes"] = new System.Text.Json.Nodes.JsonArray();
        var push = WebhookPayload.Read(ReceiverType.Bitbucket, Payloads.ToBytes(json));
        StoredObject[] repositories =
        [
            Repository("releases", "git@bitbucket.org:acme/apps.git", "semver=^1"),
            Repository("pinned", "https://bitbucket.org/acme/apps", "commit=10a4f5af0c2daf86d429c22f6a8c34d8a6ab9114"),
            Repository("other", "https://bitbucket.org/acme/infra"),
        ];

        PushMatcher.Match(push, Everything, repositories).ShouldBe(["releases"]);
    }

    [Fact]
    public void A_bitbucket_cloud_annotated_tag_push_matches_a_semver_repository_and_not_the_branch_one()
    {
        var push = WebhookPayload.Read(ReceiverType.Bitbucket, Payloads.Bytes("bitbucket-cloud-tag-push"));
        StoredObject[] repositories =
        [
            Repository("releases", "https://bitbucket.org/acme/apps.git", "semver=>=1.0.0"),
            Repository("main", "https://bitbucket.org/acme/apps.git"),
            Repository("old-ui", "https://bitbucket.org/acme/apps.git", "branch=feature/old-ui"),
        ];

        PushMatcher.Match(push, Everything, repositories).ShouldBe(["releases"]);
    }

    [Fact]
    public void An_invalid_repository_is_skipped()
    {
        var push = WebhookPayload.Read(ReceiverType.GitHub, Payloads.Bytes("github-push"));

        PushMatcher.Match(push, Everything, [Repository("broken", "https://github.com/acme/apps", "branch=main\ntag=v1")]).ShouldBeEmpty();
    }

    private static StoredObject Repository(string name, string url, string reference = "")
    {
        var items = new Dictionary<string, string>(StringComparer.Ordinal) { ["url"] = url };
        foreach (var line in reference.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            items[line[..eq]] = line[(eq + 1)..];
        }

        return new StoredObject(ObjectKey.GitRepository(name), items, 1);
    }
}
