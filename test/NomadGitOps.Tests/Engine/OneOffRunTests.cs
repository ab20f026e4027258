using System.Collections.Concurrent;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Tests.Engine;

public sealed class OneOffRunTests : EngineTestBase
{
    private static readonly ObjectKey Apps = ObjectKey.GitRepository("apps");
    private static readonly ObjectKey Infra = ObjectKey.GitRepository("infra");
    private static readonly ObjectKey Web = ObjectKey.NomadJob("default", "web");

    [Fact]
    public async Task One_off_runs_each_object_once_per_controller_in_controller_order()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        await PutAsync(Infra, ("url", "file:///infra"));
        var log = new ConcurrentQueue<(ControllerName, ObjectKey)>();
        var (repos, index, jobs) = (GitRepositories(log), Indexes(log), Jobs(log));
        var host = NewHost(HostUnderTest.Settings(), null, jobs, index, repos);

        // The index makes a NomadJob and triggers it; the NomadJob controller also triggers itself again.
        index.Behaviour = async (key, token) =>
        {
            if (key == Apps)
            {
                await PutAsync(Web, ("repository", "apps"), ("file", "web.nomad.hcl"));
                host.Trigger.Trigger(ControllerName.NomadJob, Web);
            }

            return new ReconcileOutcome.UpToDate("indexed");
        };
        jobs.Behaviour = (key, _) =>
        {
            host.Trigger.Trigger(ControllerName.NomadJob, key);
            host.Trigger.Trigger(ControllerName.GitRepository, Apps);
            return Task.FromResult<ReconcileOutcome>(new ReconcileOutcome.UpToDate("registered"));
        };

        var report = await host.OneOff().RunAsync(ct);

        log.ShouldBe(
        [
            (ControllerName.GitRepository, Apps),
            (ControllerName.GitRepository, Infra),
            (ControllerName.NomadJobIndex, Apps),
            (ControllerName.NomadJobIndex, Infra),
            (ControllerName.NomadJob, Web),
        ]);
        report.Paused.ShouldBeFalse();
        report.Failed.ShouldBeFalse();
        report.Results.Select(r => (r.Controller, r.Key, r.Outcome)).ShouldBe(
        [
            (ControllerName.GitRepository, Apps, "UpToDate"),
            (ControllerName.GitRepository, Infra, "UpToDate"),
            (ControllerName.NomadJobIndex, Apps, "UpToDate"),
            (ControllerName.NomadJobIndex, Infra, "UpToDate"),
            (ControllerName.NomadJob, Web, "UpToDate"),
        ]);
    }

    [Fact]
    public async Task An_object_triggered_during_its_controllers_turn_is_run_in_the_same_pass()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        var repos = GitRepositories();
        var host = NewHost(HostUnderTest.Settings(), null, repos);
        var late = ObjectKey.GitRepository("late");
        repos.Behaviour = (key, _) =>
        {
            host.Trigger.Trigger(ControllerName.GitRepository, late);
            return Task.FromResult<ReconcileOutcome>(new ReconcileOutcome.UpToDate("ok"));
        };

        var report = await host.OneOff().RunAsync(ct);

        report.Results.Select(r => r.Key).ShouldBe([Apps, late]);
        repos.CountOf(late).ShouldBe(1);
    }

    [Fact]
    public async Task One_off_fails_when_an_object_fails_stalls_or_throws_and_still_runs_the_others()
    {
        var stalled = ObjectKey.GitRepository("stalled");
        var throwing = ObjectKey.GitRepository("throwing");
        await PutAsync(Apps, ("url", "file:///apps"));
        await PutAsync(stalled, ("url", "file:///s"));
        await PutAsync(throwing, ("url", "file:///t"));
        var repos = GitRepositories();
        repos.Behaviour = (key, _) =>
            key == stalled ? Task.FromResult<ReconcileOutcome>(new ReconcileOutcome.Stalled(Reasons.InvalidSpec, "url is wrong"))
            : key == throwing ? throw new InvalidOperationException("bug")
            : Task.FromResult<ReconcileOutcome>(new ReconcileOutcome.Waiting(Reasons.Progressing, "deploying", TimeSpan.FromSeconds(5)));
        var host = NewHost(HostUnderTest.Settings(), null, repos);

        var report = await host.OneOff().RunAsync(ct);

        report.Failed.ShouldBeTrue();
        report.Results.Select(r => (r.Key.Name, r.Outcome, r.Failed)).ShouldBe(
        [
            ("apps", "Waiting", false),
            ("stalled", "Stalled", true),
            ("throwing", "Error", true),
        ]);
    }

    [Fact]
    public async Task One_off_reconciles_nothing_while_the_controller_is_paused()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        await SetControllerVariableAsync(("suspend", "true"));
        var repos = GitRepositories();
        var host = NewHost(HostUnderTest.Settings(), null, repos);

        var report = await host.OneOff().RunAsync(ct);

        report.Paused.ShouldBeTrue();
        report.Results.ShouldBeEmpty();
        repos.Total.ShouldBe(0);
    }
}
