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
