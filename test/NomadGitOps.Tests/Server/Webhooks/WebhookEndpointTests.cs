using System.Net;
using System.Text.Json;
using NomadGitOps.Objects;
using NomadGitOps.Server;
using NomadGitOps.Server.Webhooks;

namespace NomadGitOps.Tests.Server.Webhooks;

public sealed class WebhookEndpointTests : IAsyncLifetime
{
    private const string Token = "s3cr3t-token";
    private const string AppsPath = "nomad-gitops/v1/gitrepository/apps";
    private ServerHarness _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await ServerHarness.StartAsync(new HttpServerOptions { WebhookMaxBytes = 64 * 1024 }, ct: TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    public static TheoryData<string, string, string, string, string, string, string> Hosts() => new()
    {
        // because, type, payload, event header, event, repository url, reference item
        { "GitHub push", "github", "github-push", "X-GitHub-Event", "push", "git@github.com:acme/apps.git", "branch=main" },
        { "GitLab push", "gitlab", "gitlab-push", "X-Gitlab-Event", "Push Hook", "https://gitlab.example.com/platform/apps", "branch=main" },
        { "GitLab tag push", "gitlab", "gitlab-tag-push", "X-Gitlab-Event", "Tag Push Hook", "git@gitlab.example.com:platform/apps.git", "semver=^1.2" },
        { "Gitea push", "gitea", "gitea-push", "X-Gitea-Event", "push", "ssh://git@git.example.com/platform/apps", "" },
        { "Forgejo push", "gitea", "gitea-push", "X-Forgejo-Event", "push", "https://git.example.com/platform/apps.git", "branch=main" },
        { "Bitbucket Server push", "bitbucket", "bitbucket-server-refs-changed", "X-Event-Key", "repo:refs_changed", "https://bitbucket.example.com/scm/PLAT/apps.git", "branch=main" },
        { "Bitbucket Cloud push", "bitbucket", "bitbucket-cloud-push", "X-Event-Key", "repo:push", "git@bitbucket.org:acme/apps.git", "branch=main" },
        { "Bitbucket Cloud annotated tag", "bitbucket", "bitbucket-cloud-tag-push", "X-Event-Key", "repo:push", "https://jane@bitbucket.org/acme/apps.git", "semver=^1.4" },
        { "Bitbucket Server push over ssh", "bitbucket", "bitbucket-server-refs-changed", "X-Event-Key", "repo:refs_changed", "ssh://git@bitbucket.example.com:7999/plat/apps.git", "" },
        { "GitLab push of a subgroup", "gitlab", "gitlab-system-hook-push", "X-Gitlab-Event", "Push Hook", "https://gitlab.example.com/Platform/Payments/apps.git", "" },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task A_push_signed_as_its_host_signs_triggers_the_matching_repository_at_once(
        string because, string type, string payload, string eventHeader, string eventName, string url, string reference)
    {
        await PutRepositoryAsync("apps", url, reference);
        await PutRepositoryAsync("other", "https://example.com/other/repo.git", "");
        var hook = await _server.CreateReceiverAsync("hooks", type, Token + "\n");
        var body = Payloads.Bytes(payload);

        using var response = await _server.DeliverAsync(hook, body, [(eventHeader, eventName), .. Signature(type, eventHeader, body, Token)]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, because);
        (await JsonAsync(response)).GetProperty("triggered").EnumerateArray().Select(e => e.GetString()).ShouldBe(["apps"], because);
        await _server.IdleAsync();
        var requested = _server.Items(AppsPath)[ItemKeys.ReconcileRequestedAt];
        DateTimeOffset.Parse(requested, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(DateTimeOffset.UnixEpoch);
        requested.ShouldEndWith("Z");
        _server.Items("nomad-gitops/v1/gitrepository/other").ShouldNotContainKey(ItemKeys.ReconcileRequestedAt);
        var receiver = _server.Items("nomad-gitops/v1/receiver/hooks");
        receiver[ItemKeys.StatusLastDelivery].ShouldStartWith(eventName + " refs/");
        receiver[ItemKeys.StatusLastDelivery].ShouldEndWith("triggered apps");
        receiver.ShouldContainKey(ItemKeys.StatusLastDeliveryAt);
    }

    [Fact]
    public async Task A_generic_delivery_with_a_bearer_token_triggers_the_repositories_it_lists()
    {
        await PutRepositoryAsync("apps", "file:///srv/git/apps", "");
        await PutRepositoryAsync("infra", "file:///srv/git/infra", "");
        var hook = await _server.CreateReceiverAsync("ci", "generic", Token, ("repositories", "apps"));

        using var response = await _server.DeliverAsync(hook, [], ("Authorization", "Bearer " + Token));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(response)).GetProperty("triggered").EnumerateArray().Select(e => e.GetString()).ShouldBe(["apps"]);
        await _server.IdleAsync();
        _server.Items(AppsPath).ShouldContainKey(ItemKeys.ReconcileRequestedAt);
    }

    [Theory]
    [InlineData("no signature", null)]
    [InlineData("a signature made with another secret", "sha256=2f1b3c1d8d0e1f5e4b7a0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f")]
    [InlineData("a signature of another body", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    public async Task A_delivery_without_a_valid_signature_is_refused_and_writes_nothing(string because, string? signature)
    {
        await PutRepositoryAsync("apps", "https://github.com/acme/apps", "");
        var hook = await _server.CreateReceiverAsync("hooks", "github", Token);
        (string, string)[] headers = signature is null ? [("X-GitHub-Event", "push")] : [("X-GitHub-Event", "push"), ("X-Hub-Signature-256", signature)];

        using var response = await _server.DeliverAsync(hook, Payloads.Bytes("github-push"), headers);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, because);
        await _server.IdleAsync();
        _server.Items(AppsPath).ShouldNotContainKey(ItemKeys.ReconcileRequestedAt);
        _server.Items("nomad-gitops/v1/receiver/hooks").ShouldNotContainKey(ItemKeys.StatusLastDelivery);
    }

    [Fact]
    public async Task An_unknown_hook_path_is_not_found()
    {
        await _server.CreateReceiverAsync("hooks", "github", Token);

        using var response = await _server.DeliverAsync("/hook/" + new string('0', 64), Payloads.Bytes("github-push"), ("X-GitHub-Event", "push"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_get_is_not_allowed()
    {
        var hook = await _server.CreateReceiverAsync("hooks", "github", Token);

        using var response = await _server.Http.GetAsync(new Uri(hook, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.ShouldBe(["POST"]);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_before_it_is_read()
    {
        var hook = await _server.CreateReceiverAsync("hooks", "github", Token);
        var body = new byte[(64 * 1024) + 1];

        using var response = await _server.DeliverAsync(hook, body, ("X-GitHub-Event", "push"), ("X-Hub-Signature-256", "sha256=" + WebhookSignature.Sign(body, Token)));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_while_it_is_read()
    {
        var hook = await _server.CreateReceiverAsync("hooks", "github", Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, hook) { Content = new StreamContent(new MemoryStream(new byte[(64 * 1024) + 1])) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation("X-GitHub-Event", "push");

        using var response = await _server.Http.SendAsync(request, TestContext.Current.CancellationToken);

        request.Content.Headers.ContentLength.ShouldBeNull();
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_suspended_receiver_answers_service_unavailable_and_triggers_nothing()
    {
        await PutRepositoryAsync("apps", "https://github.com/acme/apps", "");
        var hook = await _server.CreateReceiverAsync("hooks", "github", Token, ("suspend", "true"));
        var body = Payloads.Bytes("github-push");

        using var response = await _server.DeliverAsync(hook, body, [("X-GitHub-Event", "push"), .. Signature("github", "", body, Token)]);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        await _server.IdleAsync();
        _server.Items(AppsPath).ShouldNotContainKey(ItemKeys.ReconcileRequestedAt);
    }

    [Fact]
    public async Task A_signed_but_malformed_payload_is_a_bad_request()
    {
        var hook = await _server.CreateReceiverAsync("hooks", "github", Token);
        var body = """{"ref": "refs/heads/main"}"""u8.ToArray();

        using var response = await _server.DeliverAsync(hook, body, [("X-GitHub-Event", "push"), .. Signature("github", "", body, Token)]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(response)).GetProperty("error").GetString().ShouldNotBeNull().ShouldContain("repository");
    }

    [Theory]
    [InlineData("github", "X-GitHub-Event", "ping", "github-ping")]
    [InlineData("bitbucket", "X-Event-Key", "diagnostics:ping", "bitbucket-server-refs-changed")]
    public async Task A_ping_is_answered_and_triggers_nothing(string type, string header, string eventName, string payload)
    {
        await PutRepositoryAsync("apps", "https://github.com/acme/apps", "");
        var hook = await _server.CreateReceiverAsync("hooks", type, Token);
        var body = Payloads.Bytes(payload);

        using var response = await _server.DeliverAsync(hook, body, [(header, eventName), .. Signature(type, header, body, Token)]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(response)).GetProperty("ping").GetString().ShouldBe("ok");
        await _server.IdleAsync();
        _server.Items(AppsPath).ShouldNotContainKey(ItemKeys.ReconcileRequestedAt);
        _server.Items("nomad-gitops/v1/receiver/hooks")[ItemKeys.StatusLastDelivery].ShouldStartWith(eventName + ": hook verified");
    }

    [Fact]
    public async Task An_event_the_receiver_does_not_take_is_ignored_with_ok()
    {
        await PutRepositoryAsync("apps", "https://github.com/acme/apps", "");
        var hook = await _server.CreateReceiverAsync("hooks", "github", Token);
        var body = Payloads.Bytes("github-push");

        using var response = await _server.DeliverAsync(hook, body, [("X-GitHub-Event", "issues"), .. Signature("github", "", body, Token)]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(response)).GetProperty("ignored").GetString().ShouldNotBeNull().ShouldContain("\"issues\"");
        await _server.IdleAsync();
        _server.Items(AppsPath).ShouldNotContainKey(ItemKeys.ReconcileRequestedAt);
    }

    [Fact]
    public async Task A_push_deleting_the_branch_triggers_nothing()
    {
        await PutRepositoryAsync("apps", "https://github.com/acme/apps", "");
        var hook = await _server.CreateReceiverAsync("hooks", "github", Token);
        var json = Payloads.Json("github-push");
        json["deleted"] = true;
        json["after"] = "0000000000000000000000000000000000000000";
        var body = Payloads.ToBytes(json);

        using var response = await _server.DeliverAsync(hook, body, [("X-GitHub-Event", "push"), .. Signature("github", "", body, Token)]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(response)).GetProperty("triggered").GetArrayLength().ShouldBe(0);
        await _server.IdleAsync();
        _server.Items(AppsPath).ShouldNotContainKey(ItemKeys.ReconcileRequestedAt);
    }

    [Fact]
    public async Task A_burst_of_ten_pushes_coalesces_into_one_or_two_writes_per_repository()
    {
        await PutRepositoryAsync("apps", "https://github.com/acme/apps", "");
        var hook = await _server.CreateReceiverAsync("hooks", "github", Token);
        var body = Payloads.Bytes("github-push");
        var putsBefore = _server.Nomad.Calls.CountMethod("PUT");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await _server.DeliverAsync(hook, body, [("X-GitHub-Event", "push"), .. Signature("github", "", body, Token)]);
            return response.StatusCode;
        }));

        answers.ShouldAllBe(s => s == HttpStatusCode.OK);
        await _server.IdleAsync();
        _server.Requests.Writes.ShouldBeInRange(1, 2);
        _server.Items(AppsPath).ShouldContainKey(ItemKeys.ReconcileRequestedAt);
        // At most two reconcile requests and two delivery records reached Nomad.
        (_server.Nomad.Calls.CountMethod("PUT") - putsBefore).ShouldBeInRange(2, 4);
    }

    [Fact]
    public async Task Two_repositories_of_one_url_are_both_triggered_by_a_push()
    {
        await PutRepositoryAsync("apps", "https://github.com/acme/apps", "");
        await PutRepositoryAsync("apps-ssh", "git@github.com:Acme/Apps.git", "branch=main");
        await PutRepositoryAsync("apps-staging", "https://github.com/acme/apps", "branch=staging");
        var hook = await _server.CreateReceiverAsync("hooks", "github", Token);
        var body = Payloads.Bytes("github-push");

        using var response = await _server.DeliverAsync(hook, body, [("X-GitHub-Event", "push"), .. Signature("github", "", body, Token)]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(response)).GetProperty("triggered").EnumerateArray().Select(e => e.GetString()).ShouldBe(["apps", "apps-ssh"]);
        await _server.IdleAsync();
        _server.Items(AppsPath).ShouldContainKey(ItemKeys.ReconcileRequestedAt);
        _server.Items("nomad-gitops/v1/gitrepository/apps-ssh").ShouldContainKey(ItemKeys.ReconcileRequestedAt);
        _server.Items("nomad-gitops/v1/gitrepository/apps-staging").ShouldNotContainKey(ItemKeys.ReconcileRequestedAt);
    }

    [Fact]
    public async Task A_github_tag_push_triggers_the_semver_repository_and_not_the_branch_one()
    {
        await PutRepositoryAsync("apps", "https://github.com/acme/apps", "");
        await PutRepositoryAsync("releases", "https://github.com/acme/apps", "semver=~1.4");
        var hook = await _server.CreateReceiverAsync("hooks", "github", Token);
        var json = Payloads.Json("github-push");
        json["ref"] = "refs/tags/v1.4.2";
        json["base_ref"] = "refs/heads/main";
        json["created"] = true;
        json["before"] = "0000000000000000000000000000000000000000";
        var body = Payloads.ToBytes(json);

        using var response = await _server.DeliverAsync(hook, body, [("X-GitHub-Event", "push"), .. Signature("github", "", body, Token)]);

        (await JsonAsync(response)).GetProperty("triggered").EnumerateArray().Select(e => e.GetString()).ShouldBe(["releases"]);
    }

    [Fact]
    public async Task A_gitlab_system_hook_push_triggers_like_a_project_hook_push()
    {
        await PutRepositoryAsync("payments", "git@gitlab.example.com:platform/payments/apps.git", "");
        var hook = await _server.CreateReceiverAsync("gitlab", "gitlab", Token);
        var body = Payloads.Bytes("gitlab-system-hook-push");

        using var response = await _server.DeliverAsync(hook, body, ("X-Gitlab-Event", "System Hook"), ("X-Gitlab-Token", Token), ("X-Gitlab-Instance", "https://gitlab.example.com"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(response)).GetProperty("triggered").EnumerateArray().Select(e => e.GetString()).ShouldBe(["payments"]);
        await _server.IdleAsync();
        _server.Items("nomad-gitops/v1/receiver/gitlab")[ItemKeys.StatusLastDelivery].ShouldStartWith("Push Hook refs/heads/main of https://gitlab.example.com/platform/payments/apps");
    }

    [Fact]
    public async Task A_gitea_hook_set_to_form_is_verified_on_the_json_it_carries_and_triggers()
    {
        await PutRepositoryAsync("apps", "ssh://git@git.example.com:2222/platform/apps.git", "");
        var hook = await _server.CreateReceiverAsync("gitea", "gitea", Token);
        var json = Payloads.Bytes("gitea-push");
        var form = System.Text.Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(System.Text.Encoding.UTF8.GetString(json)));

        using var request = new HttpRequestMessage(HttpMethod.Post, hook) { Content = new ByteArrayContent(form) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        foreach (var (header, value) in new[]
        {
            ("X-Gitea-Event", "push"), ("X-Gitea-Event-Type", "push"), ("X-Gitea-Signature", WebhookSignature.Sign(json, Token)),
            ("X-Gogs-Event", "push"), ("X-GitHub-Event", "push"), ("X-Hub-Signature-256", "sha256=" + WebhookSignature.Sign(json, Token)),
        })
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        using var response = await _server.Http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(response)).GetProperty("triggered").EnumerateArray().Select(e => e.GetString()).ShouldBe(["apps"]);
    }

    [Fact]
    public async Task An_unsigned_bitbucket_server_test_connection_is_answered_and_writes_nothing()
    {
        var hook = await _server.CreateReceiverAsync("bitbucket", "bitbucket", Token);

        using var response = await _server.DeliverAsync(hook, Payloads.Bytes("bitbucket-server-ping"), ("X-Event-Key", "diagnostics:ping"), ("X-Request-Id", "b8f4f33f-7d4b-4a8b-9c3a-36d7c1a0b1d2"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(response)).GetProperty("ping").GetString().ShouldBe("ok");
        await _server.IdleAsync();
        _server.Items("nomad-gitops/v1/receiver/bitbucket").ShouldNotContainKey(ItemKeys.StatusLastDelivery);
    }

    [Fact]
    public async Task A_bitbucket_ping_with_a_wrong_signature_is_refused()
    {
        var hook = await _server.CreateReceiverAsync("bitbucket", "bitbucket", Token);
        var body = Payloads.Bytes("bitbucket-server-ping");

        using var response = await _server.DeliverAsync(hook, body, ("X-Event-Key", "diagnostics:ping"), ("X-Hub-Signature", "sha256=" + WebhookSignature.Sign(body, "another")));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_signed_delivery_without_its_event_header_is_a_bad_request_naming_the_header()
    {
        await PutRepositoryAsync("apps", "https://github.com/acme/apps", "");
        var hook = await _server.CreateReceiverAsync("hooks", "github", Token);
        var body = Payloads.Bytes("github-push");

        using var response = await _server.DeliverAsync(hook, body, Signature("github", "", body, Token));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(response)).GetProperty("error").GetString().ShouldNotBeNull().ShouldContain("X-GitHub-Event: push");
        await _server.IdleAsync();
        _server.Items(AppsPath).ShouldNotContainKey(ItemKeys.ReconcileRequestedAt);
    }

    [Fact]
    public async Task A_new_secret_retires_the_old_hook_path_and_the_controller_publishes_a_new_one()
    {
        var old = await _server.CreateReceiverAsync("hooks", "gitlab", Token);
        await _server.PutAsync("nomad-gitops/secrets/hooks", ("token", "rotated"));

        using (var response = await _server.DeliverAsync(old, Payloads.Bytes("gitlab-push"), ("X-Gitlab-Event", "Push Hook"), ("X-Gitlab-Token", "rotated")))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        await _server.PublishAsync("hooks");
        var renewed = _server.Items("nomad-gitops/v1/receiver/hooks")[ItemKeys.StatusUrl];
        renewed.ShouldNotBe(old);
        renewed.ShouldBe(HookPath.For("rotated", "hooks", "default"));
        using var accepted = await _server.DeliverAsync(renewed, Payloads.Bytes("gitlab-push"), ("X-Gitlab-Event", "Push Hook"), ("X-Gitlab-Token", "rotated"));
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task PutRepositoryAsync(string name, string url, string reference)
    {
        var items = new List<(string, string)> { ("url", url) };
        if (reference.Length > 0)
        {
            var eq = reference.IndexOf('=', StringComparison.Ordinal);
            items.Add((reference[..eq], reference[(eq + 1)..]));
        }

        return _server.PutAsync($"nomad-gitops/v1/gitrepository/{name}", [.. items]);
    }

    // The signature header as each host sends it.
    private static (string, string)[] Signature(string type, string eventHeader, byte[] body, string token) => type switch
    {
        "github" => [("X-Hub-Signature-256", "sha256=" + WebhookSignature.Sign(body, token))],
        "gitea" => [(eventHeader == "X-Forgejo-Event" ? "X-Forgejo-Signature" : "X-Gitea-Signature", WebhookSignature.Sign(body, token))],
        "gitlab" => [("X-Gitlab-Token", token)],
        "bitbucket" => [("X-Hub-Signature", "sha256=" + WebhookSignature.Sign(body, token))],
        _ => [("X-Signature", "sha256=" + WebhookSignature.Sign(body, token))],
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
