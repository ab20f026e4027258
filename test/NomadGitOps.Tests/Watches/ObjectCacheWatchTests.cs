using System.Collections.Concurrent;
using Nomad.Emulator.Faults;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Tests.Engine;
using NomadGitOps.Watches;

namespace NomadGitOps.Tests.Watches;

/// <summary>
/// The prefix watcher fills the object cache the controllers read from: their reads cost no Nomad call, their own
/// writes are in the cache with Nomad's index (so the watcher neither reads them back nor queues them), and a person's
/// spec change still wakes the object with the new items in the cache.
/// </summary>
public sealed class ObjectCacheWatchTests : EngineTestBase
{
    private const string VariableRead = "GET /v1/var/:path";
    private static readonly ObjectKey Apps = ObjectKey.GitRepository("apps");
    private static readonly ObjectKey Other = ObjectKey.GitRepository("other");
    private static readonly ObjectKey Web = ObjectKey.NomadJob("default", "web");
    private static readonly ObjectKey Sentinel = ObjectKey.NomadJob("default", "zz-sentinel");

    [Fact]
    public async Task A_status_write_of_a_controller_wakes_nothing_and_is_not_read_back()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        var (repos, host) = WritingReadyOnFirstReconcile();
        host.Start();
        await repos.NextCallOfAsync(Apps);
        await host.IdleAsync(ControllerName.GitRepository);
        Nomad.Calls.Reset();

        // A later change goes through the same list as our write: once it is reconciled, our write was seen.
        await PutAsync(Other, ("url", "file:///other"));
        await repos.NextCallOfAsync(Other);

        repos.CountOf(Apps).ShouldBe(1);
        Nomad.Calls.Count(VariableRead).ShouldBe(2, "the person's read before the write, the watcher's read of the new object");
        host.Cache.Find(Apps).ShouldNotBeNull().Items[ItemKeys.StatusReady].ShouldBe("True");
    }

    [Fact]
    public async Task A_status_write_whose_answer_comes_after_the_watchers_list_is_not_read_back()
    {
        // Nomad wakes the blocking list as soon as the write is applied; its answer is held back for 2 s (the watcher waits up to 3 s).
        await PutAsync(Apps, ("url", "file:///apps"));
        Nomad.Faults.Add(new FaultRule
        {
            Method = "PUT",
            PathPrefix = "/v1/var/" + Apps.ToPath(ObjectKey.DefaultPrefix),
            Kind = FaultKind.DelayAfterApply,
            Latency = TimeSpan.FromSeconds(2),
            Times = 1,
        });
        var answerHeld = clock.NextTimer(TimeSpan.FromSeconds(2));
        var watcherWaits = clock.NextTimer(PrefixWatcher.OwnWriteAnswerWait);
        var (repos, host) = WritingReadyOnFirstReconcile();
        host.Start();
        await answerHeld.WaitAsync(HostUnderTest.Patience, ct);
        await watcherWaits.WaitAsync(HostUnderTest.Patience, ct);
        Nomad.Calls.Reset();
        clock.Advance(TimeSpan.FromSeconds(2));
        await host.IdleAsync(ControllerName.GitRepository);

        await PutAsync(Other, ("url", "file:///other"));
        await repos.NextCallOfAsync(Other);

        repos.CountOf(Apps).ShouldBe(1);
        Nomad.Calls.Count(VariableRead).ShouldBe(2, "the person's read before the write, the watcher's read of the new object");
        host.Cache.Find(Apps).ShouldNotBeNull().Items[ItemKeys.StatusReady].ShouldBe("True");
    }

    [Fact]
    public async Task A_spec_change_by_a_person_wakes_the_object_whose_reconcile_reads_it_from_the_cache()
    {
        await PutAsync(Apps, ("url", "file:///a"));
        var repos = GitRepositories();
        var host = NewHost(HostUnderTest.Settings(leaderElection: false), null, repos);
        var seen = new ConcurrentQueue<string>();
        repos.Behaviour = async (key, c) =>
        {
            seen.Enqueue((await host.Store.ReadAsync(key, c)).ShouldNotBeNull().Items["url"]);
            return new ReconcileOutcome.UpToDate($"{key} is fine");
        };
        host.Start();
        await repos.NextCallOfAsync(Apps);
        await host.IdleAsync(ControllerName.GitRepository);
        Nomad.Calls.Reset();

        await PutAsync(Apps, ("url", "file:///b"));
        await repos.NextCallOfAsync(Apps);
        await host.IdleAsync(ControllerName.GitRepository);

        seen.Last().ShouldBe("file:///b");
        Nomad.Calls.Count(VariableRead).ShouldBe(2, "the person's read before the write, the watcher's read of the change");
    }

    [Fact]
    public async Task An_object_a_controller_creates_is_queued_by_that_controller_only()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        var (index, jobs) = (Indexes(), Jobs());
        var host = NewHost(HostUnderTest.Settings(leaderElection: false), null, index, jobs);
        index.Behaviour = async (key, c) =>
        {
            if (await host.Store.CreateAsync(Web, new Dictionary<string, string> { ["repository"] = "apps", ["file"] = "web.hcl" }, c))
            {
                host.Trigger.Trigger(ControllerName.NomadJob, Web);
            }

            return new ReconcileOutcome.UpToDate($"{key} is indexed");
        };
        host.Start();
        await jobs.NextCallOfAsync(Web);
        await host.IdleAsync(ControllerName.NomadJob);

        await PutAsync(Sentinel, ("repository", "apps"), ("file", "sentinel.hcl"));
        await jobs.NextCallOfAsync(Sentinel);

        jobs.CountOf(Web).ShouldBe(1);
        host.Cache.List(ObjectKind.NomadJob).Select(o => o.Key).ShouldBe([Web, Sentinel]);
    }

    [Fact]
    public async Task A_deleted_object_leaves_the_cache_and_its_last_reconcile_reads_it_as_missing()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        var repos = GitRepositories();
        var host = NewHost(HostUnderTest.Settings(leaderElection: false), null, repos);
        var found = new ConcurrentQueue<bool>();
        repos.Behaviour = async (key, c) =>
        {
            found.Enqueue(await host.Store.ReadAsync(key, c) is not null);
            return new ReconcileOutcome.UpToDate($"{key} is fine");
        };
        host.Start();
        await repos.NextCallOfAsync(Apps);
        await host.IdleAsync(ControllerName.GitRepository);

        await DeleteAsync(Apps);
        await repos.NextCallOfAsync(Apps);
        await host.IdleAsync(ControllerName.GitRepository);

        found.ShouldBe([true, false]);
        host.Cache.Find(Apps).ShouldBeNull();
    }

    private static StatusPatch ReadyPatch() =>
        new(new Dictionary<string, string> { [ItemKeys.StatusReady] = "True" }, new HashSet<string> { ItemKeys.StatusReady }, new HashSet<string>());

    // A replica whose first reconcile of apps writes a ready status, as a GitRepository controller would.
    private (ReconcilerDouble Repos, HostUnderTest Host) WritingReadyOnFirstReconcile()
    {
        var repos = GitRepositories();
        var host = NewHost(HostUnderTest.Settings(leaderElection: false), null, repos);
        repos.Behaviour = async (key, c) =>
        {
            if (key == Apps && repos.CountOf(Apps) == 1)
            {
                var stored = (await host.Store.ReadAsync(key, c)).ShouldNotBeNull();
                (await host.Store.WriteStatusAsync(stored, ReadyPatch(), c)).ShouldBe(StatusWriteResult.Written);
            }

            return new ReconcileOutcome.UpToDate($"{key} is fine");
        };
        return (repos, host);
    }
}
