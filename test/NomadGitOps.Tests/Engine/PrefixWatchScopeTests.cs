using NomadGitOps.Controllers;
using NomadGitOps.Engine;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Engine;

/// <summary>
/// The prefix is followed by two lists: one of the NomadJob objects and one of everything else, so a trigger written on
/// a GitRepository travels in a list of repositories, not of every job. Each list reports and forgets only its own
/// objects, and the cache is primed only once both listed.
/// </summary>
public sealed class PrefixWatchScopeTests : EngineTestBase
{
    private static readonly ObjectKey Apps = ObjectKey.GitRepository("apps");
    private static readonly ObjectKey Web = ObjectKey.NomadJob("default", "web");
    private static readonly ObjectKey Api = ObjectKey.NomadJob("default", "api");

    [Fact]
    public async Task The_list_of_everything_but_NomadJobs_leaves_out_every_NomadJob_and_keeps_the_rest()
    {
        var longId = new string('j', 140);
        await PutAsync(Apps, ("url", "file:///apps"));
        await PutAsync(Web, ("repository", "apps"), ("file", "web.hcl"));
        await PutAsync(ObjectKey.NomadJob("default", longId), ("repository", "apps"), ("file", "long.hcl"), (ItemKeys.JobId, longId));
        await SetControllerVariableAsync(("suspend", "false"));
        var (rest, jobs) = Scopes();

        var restPaths = (await Client.Variables.ListAllAsync(rest.Query("default", 0, TimeSpan.FromMinutes(1)), ct)).Value.Select(v => v.Path).ToList();
        var jobPaths = (await Client.Variables.ListAllAsync(jobs.Query("default", 0, TimeSpan.FromMinutes(1)), ct)).Value.Select(v => v.Path).ToList();

        restPaths.ShouldBe([ObjectKey.ControllerPath(ObjectKey.DefaultPrefix), Apps.ToPath(ObjectKey.DefaultPrefix)]);
        jobPaths.Count.ShouldBe(2);
        jobPaths.ShouldContain(Web.ToPath(ObjectKey.DefaultPrefix));
        jobPaths.ShouldAllBe(p => rest.Holds(p) == false && jobs.Holds(p));
        restPaths.ShouldAllBe(p => rest.Holds(p) && jobs.Holds(p) == false);
    }

    [Fact]
    public async Task A_deleted_NomadJob_is_reported_by_its_list_and_the_repositories_stay_known()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        await PutAsync(Web, ("repository", "apps"), ("file", "web.hcl"));
        await PutAsync(Api, ("repository", "apps"), ("file", "api.hcl"));
        var (repos, jobs) = (GitRepositories(), Jobs());
        var host = NewHost(HostUnderTest.Settings(leaderElection: false), null, repos, jobs);
        host.Start();
        await repos.NextCallOfAsync(Apps);
        await jobs.NextCallOfAsync(Api); // listed in path order
        await jobs.NextCallOfAsync(Web);
        await host.IdleAsync(ControllerName.NomadJob);

        await DeleteAsync(Web);
        await jobs.NextCallOfAsync(Web);
        await host.IdleAsync(ControllerName.NomadJob);

        host.Cache.Find(Web).ShouldBeNull();
        host.Cache.Find(Api).ShouldNotBeNull();
        host.Cache.Find(Apps).ShouldNotBeNull();
        host.Cache.IsPrimed.ShouldBeTrue();
        repos.CountOf(Apps).ShouldBe(1, "a NomadJob deleted is no change of the repository");
    }

    [Fact]
    public async Task A_change_written_on_a_GitRepository_wakes_it_while_its_NomadJobs_stay_asleep()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        for (var i = 0; i < 50; i++)
        {
            await PutAsync(ObjectKey.NomadJob("default", $"job-{i:00}"), ("repository", "apps"), ("file", $"job-{i:00}.hcl"));
        }

        var (repos, jobs) = (GitRepositories(), Jobs());
        var host = NewHost(HostUnderTest.Settings(leaderElection: false), null, repos, jobs);
        host.Start();
        await repos.NextCallOfAsync(Apps);
        await jobs.NextCallOfAsync(ObjectKey.NomadJob("default", "job-49")); // the last in path order
        await host.IdleAsync(ControllerName.NomadJob);
        await host.IdleAsync(ControllerName.GitRepository);
        var jobRuns = jobs.Total;

        await PutAsync(Apps, (ItemKeys.ReconcileRequestedAt, "2026-12-05T02:00:00Z"));
        await repos.NextCallOfAsync(Apps);
        await host.IdleAsync(ControllerName.GitRepository);

        repos.CountOf(Apps).ShouldBe(2);
        jobs.Total.ShouldBe(jobRuns);
        jobRuns.ShouldBe(50);
        host.Cache.Find(Apps).ShouldNotBeNull().Items[ItemKeys.ReconcileRequestedAt].ShouldBe("2026-12-05T02:00:00Z");
    }

    private static (PrefixWatchScope Others, PrefixWatchScope Jobs) Scopes()
    {
        var scopes = PrefixWatchScope.Of(ObjectKey.DefaultPrefix);
        return (scopes.Single(s => !s.HoldsJobs), scopes.Single(s => s.HoldsJobs));
    }
}
