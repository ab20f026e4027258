using System.Net;
using System.Net.Sockets;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>Tags, semver ranges and the spec's timeout, against real git on loopback and the emulator.</summary>
public sealed class GitRepositoryRefScenarios : IAsyncLifetime
{
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;
    private ControllerHarness harness = null!;

    public async ValueTask InitializeAsync() => harness = await ControllerHarness.StartAsync(ct);

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task A_semver_range_serves_its_highest_matching_tag_and_names_it_in_status()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, ct);
        using var repo = await RepoBuilder.CreateAsync(server, "apps", ct);
        await repo.WithFile("web.nomad", "v1.0").CommitAsync("1.0", ct);
        await repo.TagAsync("v1.0.0", annotated: false, ct);
        var wanted = await repo.WithFile("web.nomad", "v1.4").CommitAsync("1.4", ct);
        await repo.TagAsync("v1.4.2", annotated: true, ct);
        await repo.WithFile("web.nomad", "v2").CommitAsync("2.0", ct);
        await repo.TagAsync("v2.0.0", annotated: false, ct);
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url), ("semver", ">=1.0.0 <2.0.0"));

        (await harness.Controller.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();

        var status = await harness.StatusAsync(key, ct);
        status.CurrentCommit.ShouldBe(wanted);
        status.CurrentRef.ShouldBe("refs/tags/v1.4.2");
        status.Message.ShouldNotBeNull().ShouldContain("of semver >=1.0.0 <2.0.0 (refs/tags/v1.4.2)");
    }

    [Fact]
    public async Task A_tag_that_does_not_exist_is_ref_not_found_naming_the_tag()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.File, ct);
        using var repo = await RepoBuilder.CreateAsync(server, "apps", ct);
        await repo.WithFile("web.nomad", "v1").CommitAsync("first", ct);
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url), ("tag", "v9.9.9"));

        var outcome = await harness.Controller.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Failed>().Reason.ShouldBe(Reasons.RefNotFound);
        (await harness.StatusAsync(key, ct)).Message.ShouldNotBeNull().ShouldContain("tag 'v9.9.9' does not exist");
    }

    [Fact]
    public async Task A_git_operation_longer_than_the_specs_timeout_is_stopped_and_reported()
    {
        // A server that accepts the connection and never answers: git waits until the controller's clock says stop.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", $"git://127.0.0.1:{port}/apps.git"), ("timeout", "7s"));

        var reconcile = harness.Controller.ReconcileAsync(key, ct);
        using var connection = await silent.AcceptTcpClientAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), ct);
        harness.Time.Advance(TimeSpan.FromSeconds(7));
        var outcome = await reconcile.WaitAsync(TimeSpan.FromSeconds(30), ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Failed>().Reason.ShouldBe(Reasons.GitOperationFailed);
        var status = await harness.StatusAsync(key, ct);
        status.Message.ShouldNotBeNull().ShouldContain("did not finish within 7s");
        status.ConsecutiveFailures.ShouldBe(1);
    }
}
