using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>Credentials from the <c>secret</c> variable against real http (basic auth) and ssh servers on loopback.</summary>
public sealed class GitRepositoryCredentialScenarios : IAsyncLifetime
{
    private const string WrongPassword = "wrong-horse-staple-42";

    private readonly CancellationToken ct = TestContext.Current.CancellationToken;
    private ControllerHarness harness = null!;

    public async ValueTask InitializeAsync() => harness = await ControllerHarness.StartAsync(ct);

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Https_credentials_from_the_secret_variable_are_used()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Http, ct);
        using var repo = await RepoBuilder.CreateAsync(server, "apps", ct);
        var commit = await repo.WithFile("web.nomad", "v1").CommitAsync("first", ct);
        await harness.PutVariableAsync("secrets/apps", ct, ("username", GitServer.HttpUser), ("password", GitServer.HttpPassword));
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url), ("secret", "secrets/apps"));

        var outcome = await harness.Controller.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        (await harness.StatusAsync(key, ct)).CurrentCommit.ShouldBe(commit);
        harness.Nomad.Calls.Reset();
        (await harness.Controller.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        harness.Nomad.Calls.CountMethod("PUT").ShouldBe(0);
        harness.Nomad.Calls.Count("GET /v1/var/:path").ShouldBe(2); // the object and its secret, nothing else
    }

    [Fact]
    public async Task Wrong_https_credentials_give_a_clear_reason_and_no_secret_anywhere()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Http, ct);
        using var repo = await RepoBuilder.CreateAsync(server, "apps", ct);
        await repo.WithFile("web.nomad", "v1").CommitAsync("first", ct);
        await harness.PutVariableAsync("secrets/apps", ct, ("username", GitServer.HttpUser), ("password", WrongPassword));
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url), ("secret", "secrets/apps"));

        var outcome = await harness.Controller.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Failed>().Reason.ShouldBe(Reasons.AuthenticationFailed);
        var items = (await harness.ItemsAsync(key, ct))!;
        items[ItemKeys.StatusReason].ShouldBe(Reasons.AuthenticationFailed);
        items[ItemKeys.StatusMessage].ShouldContain("refused the credentials");
        items[ItemKeys.StatusMessage].ShouldContain("apps");
        items.Values.ShouldNotContain(v => v.Contains(WrongPassword, StringComparison.Ordinal));
        harness.Logs.Events.ShouldNotContain(e => e.Message.Contains(WrongPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_ssh_host_key_gives_a_clear_reason_and_no_key_in_status()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Ssh, ct);
        using var repo = await RepoBuilder.CreateAsync(server, "apps", ct);
        await repo.WithFile("web.nomad", "v1").CommitAsync("first", ct);
        var privateKey = server.Credentials.SshPrivateKey!;
        // The server's real key, but filed under another host: ssh knows no key for the host it talks to.
        var otherHost = server.Credentials.SshKnownHosts!.Replace("[127.0.0.1]", "[127.0.0.2]", StringComparison.Ordinal);
        await harness.PutVariableAsync("secrets/apps", ct, ("ssh_private_key", privateKey), ("ssh_known_hosts", otherHost));
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url), ("secret", "secrets/apps"));

        var outcome = await harness.Controller.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Failed>().Reason.ShouldBe(Reasons.AuthenticationFailed);
        var items = (await harness.ItemsAsync(key, ct))!;
        items[ItemKeys.StatusMessage].ShouldContain("ssh_known_hosts");
        var keyLines = privateKey.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.Length >= 16).ToList();
        keyLines.ShouldNotBeEmpty();
        items.Values.ShouldNotContain(v => keyLines.Any(l => v.Contains(l, StringComparison.Ordinal)));
        harness.Logs.Events.ShouldNotContain(e => keyLines.Any(l => e.Message.Contains(l, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_ssh_key_with_the_right_known_hosts_line_is_used()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Ssh, ct);
        using var repo = await RepoBuilder.CreateAsync(server, "apps", ct);
        var commit = await repo.WithFile("web.nomad", "v1").CommitAsync("first", ct);
        await harness.PutVariableAsync("secrets/apps", ct,
            ("ssh_private_key", server.Credentials.SshPrivateKey!), ("ssh_known_hosts", server.Credentials.SshKnownHosts!));
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url), ("secret", "secrets/apps"));

        (await harness.Controller.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();

        (await harness.StatusAsync(key, ct)).CurrentCommit.ShouldBe(commit);
    }

    [Fact]
    public async Task A_missing_secret_variable_is_an_authentication_failure_naming_it_and_runs_no_git()
    {
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", "https://git.example.test/apps.git"), ("secret", "secrets/nowhere"));

        var outcome = await harness.Controller.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Failed>().Reason.ShouldBe(Reasons.AuthenticationFailed);
        var status = await harness.StatusAsync(key, ct);
        status.Message.ShouldNotBeNull().ShouldContain("\"secrets/nowhere\"");
        status.Message.ShouldContain("does not exist");
        status.ConsecutiveFailures.ShouldBe(1);
        harness.Git.CountOf("ls-remote").ShouldBe(0);
    }

    [Fact]
    public async Task A_secret_without_any_credential_says_what_to_add()
    {
        await harness.PutVariableAsync("secrets/apps", ct, ("username", "someone"));
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", "https://git.example.test/apps.git"), ("secret", "secrets/apps"));

        var outcome = await harness.Controller.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Failed>().Message.ShouldContain("holds none of password, token or ssh_private_key");
        harness.Git.CountOf("ls-remote").ShouldBe(0);
    }
}
