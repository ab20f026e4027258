using System.Text;
using System.Text.Json.Nodes;
using NomadGitOps.Objects;
using NomadGitOps.Server.Webhooks;

namespace NomadGitOps.Tests.Server.Webhooks;

public sealed class WebhookPayloadTests
{
    [Fact]
    public void A_github_push_names_its_ref_urls_default_branch_and_commit()
    {
        var push = WebhookPayload.Read(ReceiverType.GitHub, Payloads.Bytes("github-push"));

        push.Changes.ShouldBe([new RefChange("refs/heads/main", false)]);
        push.Urls.ShouldBe(["https://github.com/Acme/Apps.git", "git@github.com:Acme/Apps.git", "https://github.com/Acme/Apps", "git://github.com/Acme/Apps.git"]);
        push.DefaultBranch.ShouldBe("main");
        push.Commit.ShouldBe("59b20b8d5c6ff8d09518454d4dd8b7a30f095ab5");
    }

    [Fact]
    public void A_github_push_sent_as_a_form_is_read_like_json()
    {
        var form = "payload=" + Uri.EscapeDataString(Encoding.UTF8.GetString(Payloads.Bytes("github-push")));

        var push = WebhookPayload.Read(ReceiverType.GitHub, Encoding.UTF8.GetBytes(form));

        push.Changes.ShouldBe([new RefChange("refs/heads/main", false)]);
    }

    [Fact]
    public void A_github_push_that_deleted_the_branch_says_so()
    {
        var json = Payloads.Json("github-push");
        json["deleted"] = true;
        json["after"] = "0000000000000000000000000000000000000000";

        var push = WebhookPayload.Read(ReceiverType.GitHub, Payloads.ToBytes(json));

        push.Changes.ShouldBe([new RefChange("refs/heads/main", true)]);
        push.Commit.ShouldBeNull();
    }

    [Fact]
    public void A_gitlab_push_names_the_projects_urls()
    {
        var push = WebhookPayload.Read(ReceiverType.GitLab, Payloads.Bytes("gitlab-push"));

        push.Changes.ShouldBe([new RefChange("refs/heads/main", false)]);
        push.Urls.ShouldContain("https://gitlab.example.com/platform/apps.git");
        push.Urls.ShouldContain("git@gitlab.example.com:platform/apps.git");
        push.Urls.ShouldContain("https://gitlab.example.com/platform/apps");
        push.DefaultBranch.ShouldBe("main");
    }

    [Fact]
    public void A_gitlab_tag_push_names_the_tag()
    {
        var push = WebhookPayload.Read(ReceiverType.GitLab, Payloads.Bytes("gitlab-tag-push"));

        push.Changes.ShouldBe([new RefChange("refs/tags/v1.4.0", false)]);
        push.Changes[0].Tag.ShouldBe("v1.4.0");
    }

    [Fact]
    public void A_gitlab_push_with_a_zero_after_deleted_the_branch()
    {
        var json = Payloads.Json("gitlab-push");
        json["after"] = "0000000000000000000000000000000000000000";
        json["checkout_sha"] = null;

        WebhookPayload.Read(ReceiverType.GitLab, Payloads.ToBytes(json)).Changes.ShouldBe([new RefChange("refs/heads/main", true)]);
    }

    [Fact]
    public void A_gitea_push_names_its_clone_ssh_and_web_urls()
    {
        var push = WebhookPayload.Read(ReceiverType.Gitea, Payloads.Bytes("gitea-push"));

        push.Changes.ShouldBe([new RefChange("refs/heads/main", false)]);
        push.Urls.ShouldBe(["https://git.example.com/platform/apps.git", "ssh://git@git.example.com:2222/platform/apps.git", "https://git.example.com/platform/apps"]);
        push.DefaultBranch.ShouldBe("main");
    }

    [Fact]
    public void A_bitbucket_server_push_names_its_clone_links_and_each_ref()
    {
        var json = Payloads.Json("bitbucket-server-refs-changed");
        json["changes"]!.AsArray().Add(new JsonObject
        {
            ["ref"] = new JsonObject { ["id"] = "refs/heads/old", ["displayId"] = "old", ["type"] = "BRANCH" },
            ["refId"] = "refs/heads/old",
            ["fromHash"] = "178864a7d521b6f5e720b386b2c2b0ef8563e0dc",
            ["toHash"] = "0000000000000000000000000000000000000000",
            ["type"] = "DELETE",
        });

        var push = WebhookPayload.Read(ReceiverType.Bitbucket, Payloads.ToBytes(json));

        push.Changes.ShouldBe([new RefChange("refs/heads/main", false), new RefChange("refs/heads/old", true)]);
        push.Urls.ShouldBe(
        [
            "ssh://git@bitbucket.example.com:7999/plat/apps.git", "https://bitbucket.example.com/scm/plat/apps.git",
            "https://bitbucket.example.com/scm/plat/apps.git", "ssh://bitbucket.example.com/plat/apps.git",
        ]);
        push.DefaultBranch.ShouldBeNull();
        push.Commit.ShouldBe("178864a7d521b6f5e720b386b2c2b0ef8563e0dc");
    }

    [Fact]
    public void A_bitbucket_cloud_push_names_its_web_link_main_branch_and_each_change()
    {
        var json = Payloads.Json("bitbucket-cloud-push");
        json["push"]!["changes"]!.AsArray().Add(new JsonObject
        {
            ["old"] = new JsonObject { ["name"] = "v0.9.0", ["type"] = "tag" },
            ["new"] = null,
            ["closed"] = true,
        });

        var push = WebhookPayload.Read(ReceiverType.Bitbucket, Payloads.ToBytes(json));

        push.Changes.ShouldBe([new RefChange("refs/heads/main", false), new RefChange("refs/tags/v0.9.0", true)]);
        push.Urls.ShouldBe(["https://bitbucket.org/acme/apps"]);
        push.DefaultBranch.ShouldBe("main");
        push.Commit.ShouldBe("10a4f5af0c2daf86d429c22f6a8c34d8a6ab9114");
    }

    [Fact]
    public void A_bitbucket_cloud_annotated_tag_is_a_tag_and_a_closed_branch_is_deleted()
    {
        var push = WebhookPayload.Read(ReceiverType.Bitbucket, Payloads.Bytes("bitbucket-cloud-tag-push"));

        push.Changes.ShouldBe([new RefChange("refs/tags/v1.4.0", false), new RefChange("refs/heads/feature/old-ui", true)]);
        push.Commit.ShouldBe("10a4f5af0c2daf86d429c22f6a8c34d8a6ab9114");
    }

    [Fact]
    public void A_bitbucket_cloud_push_without_a_web_link_is_named_by_its_full_name()
    {
        var json = Payloads.Json("bitbucket-cloud-push");
        json["repository"]!["links"]!.AsObject().Remove("html");

        WebhookPayload.Read(ReceiverType.Bitbucket, Payloads.ToBytes(json)).Urls.ShouldBe(["https://bitbucket.org/acme/apps"]);
    }

    [Fact]
    public void A_bitbucket_server_link_also_stands_for_its_twin_over_the_other_protocol()
    {
        var json = Payloads.Json("bitbucket-server-refs-changed");
        json["repository"]!["links"]!["clone"] = new JsonArray(new JsonObject { ["href"] = "https://bitbucket.example.com/bitbucket/scm/~jane/apps.git", ["name"] = "http" });

        WebhookPayload.Read(ReceiverType.Bitbucket, Payloads.ToBytes(json)).Urls
            .ShouldBe(["https://bitbucket.example.com/bitbucket/scm/~jane/apps.git", "ssh://bitbucket.example.com/~jane/apps.git"]);
    }

    [Fact]
    public void A_gitlab_system_hook_push_names_the_subgroup_projects_urls()
    {
        var push = WebhookPayload.Read(ReceiverType.GitLab, Payloads.Bytes("gitlab-system-hook-push"));

        push.Changes.ShouldBe([new RefChange("refs/heads/main", false)]);
        push.Urls.ShouldContain("ssh://git@gitlab.example.com:2222/platform/payments/apps.git");
        push.Urls.ShouldContain("https://gitlab.example.com/platform/payments/apps");
        push.DefaultBranch.ShouldBe("main");
    }

    [Fact]
    public void A_gitea_push_sent_as_a_form_is_read_like_json()
    {
        var form = "payload=" + Uri.EscapeDataString(Encoding.UTF8.GetString(Payloads.Bytes("gitea-push"))).Replace("%20", "+", StringComparison.Ordinal);

        WebhookPayload.Read(ReceiverType.Gitea, Encoding.UTF8.GetBytes(form)).Changes.ShouldBe([new RefChange("refs/heads/main", false)]);
    }

    [Fact]
    public void A_generic_delivery_without_a_body_names_no_repository()
    {
        var push = WebhookPayload.Read(ReceiverType.Generic, []);

        push.AnyRepository.ShouldBeTrue();
        push.Changes.ShouldBeEmpty();
    }

    [Fact]
    public void A_generic_delivery_may_name_a_url_and_ref()
    {
        var push = WebhookPayload.Read(ReceiverType.Generic, """{"url":"https://github.com/acme/apps","ref":"refs/heads/main"}"""u8);

        push.AnyRepository.ShouldBeFalse();
        push.Urls.ShouldBe(["https://github.com/acme/apps"]);
        push.Changes.ShouldBe([new RefChange("refs/heads/main", false)]);
    }

    [Theory]
    [InlineData("not JSON", "github", "{\"ref\": ")]
    [InlineData("a JSON array", "github", "[]")]
    [InlineData("no ref", "github", "{\"repository\":{\"clone_url\":\"https://github.com/a/b\"}}")]
    [InlineData("no repository", "gitea", "{\"ref\":\"refs/heads/main\"}")]
    [InlineData("no project", "gitlab", "{\"ref\":\"refs/heads/main\",\"after\":\"1\"}")]
    [InlineData("a ref that is a number", "github", "{\"ref\":1,\"repository\":{}}")]
    [InlineData("neither changes nor push", "bitbucket", "{\"repository\":{}}")]
    [InlineData("a change without sides", "bitbucket", "{\"push\":{\"changes\":[{}]},\"repository\":{}}")]
    [InlineData("changes that are no array", "bitbucket", "{\"changes\":{},\"repository\":{}}")]
    public void A_malformed_payload_is_refused_with_a_reason(string because, string type, string body)
    {
        Should.Throw<WebhookPayloadException>(() => WebhookPayload.Read(ReceiverSpec.TypeNames[type], Encoding.UTF8.GetBytes(body)), because)
            .Message.ShouldNotBeNullOrWhiteSpace();
    }
}
