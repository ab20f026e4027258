using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Controllers;
using NomadGitOps.Controllers.NomadJob;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Sources;
using NomadGitOps.Tests.Support;
using NomadGitOps.Watches;

namespace NomadGitOps.Tests.Controllers.NomadJob;

/// <summary>
/// A view over <see cref="ControllerHarness"/> (the real DI graph, emulator on the same fake clock) for the NomadJob
/// controller's tests, with a real git repository on loopback (file:// by default). Plays the GitRepository
/// controller's part itself: <see cref="PublishAsync"/> syncs the cache and writes <c>status_current_commit</c>.
/// </summary>
internal sealed class NomadJobHarness : IAsyncDisposable
{
    /// <summary>The repository name every test uses.</summary>
    public const string RepositoryName = "apps";

    private NomadJobHarness(ControllerHarness graph, GitServer server, RepoBuilder repo)
    {
        Graph = graph;
        Server = server;
        Repo = repo;
    }

    /// <summary>The whole graph this view is over.</summary>
    public ControllerHarness Graph { get; }

    /// <summary>The emulator.</summary>
    public NomadEmulator Nomad => Graph.Nomad;

    /// <summary>The git server (file:// unless asked otherwise).</summary>
    public GitServer Server { get; }

    /// <summary>The repository the jobs come from.</summary>
    public RepoBuilder Repo { get; }

    /// <summary>The clock of the emulator and the controller.</summary>
    public FakeTimeProvider Time => Graph.Time;

    /// <summary>The controller under test.</summary>
    public NomadJobController Controller => Graph.Jobs;

    /// <summary>The object store.</summary>
    public ObjectStore Store => Graph.Store;

    /// <summary>The owned-job cache the controller reads; not current until <see cref="ListOwnedJobsAsync"/>.</summary>
    public OwnedJobCache OwnedJobs => Graph.OwnedJobs;

    /// <summary>Lists the owned jobs once into <see cref="OwnedJobs"/>, as the owned-job watcher does; returns the jobs that moved.</summary>
    public Task<IReadOnlyList<OwnedJob>> ListOwnedJobsAsync(CancellationToken ct) => Graph.ListOwnedJobsAsync(ct);

    /// <summary>The deployment cache the controller reads; not current until <see cref="ListDeploymentsAsync"/>.</summary>
    public DeploymentCache Deployments => Graph.Deployments;

    /// <summary>Lists every deployment once into <see cref="Deployments"/>, as the deployment watcher does; returns those whose status a NomadJob must see.</summary>
    public Task<IReadOnlyList<Deployment>> ListDeploymentsAsync(CancellationToken ct) => Graph.ListDeploymentsAsync(ct);

    /// <summary>A client of the emulator of its own (for acting as a person changing jobs by hand).</summary>
    public NomadClient Client => Graph.Person;

    /// <summary>
    /// Starts everything; <paramref name="options"/> default to the controller's defaults; <paramref name="handler"/>, when
    /// given, carries the controller's requests to Nomad (and is disposed with the harness).
    /// </summary>
    public static async Task<NomadJobHarness> StartAsync(
        CancellationToken ct, NomadJobControllerOptions? options = null, HttpMessageHandler? handler = null, GitServerKind gitServer = GitServerKind.File,
        JobFileParserOptions? parser = null)
    {
        var graph = await ControllerHarness.StartAsync(
            ct, new ControllerHarnessOptions { NomadJob = options ?? new NomadJobControllerOptions(), Transport = handler, Parser = parser ?? new JobFileParserOptions() });
        var server = await GitServer.StartAsync(gitServer, ct);
        var repo = await RepoBuilder.CreateAsync(server, RepositoryName, ct);
        return new NomadJobHarness(graph, server, repo);
    }

    /// <summary>
    /// Commits the staged files and publishes the commit as the GitRepository controller would: creates the
    /// repository object on first use, syncs the cache, sets <c>status_current_commit</c>; returns the commit.
    /// </summary>
    public async Task<string> PublishAsync(string message, CancellationToken ct, IReadOnlyDictionary<string, string>? repositoryItems = null)
    {
        var commit = await Repo.CommitAsync(message, ct);
        await Graph.GitCache.SyncAsync(
            new GitSource(GitUrl.Parse(Repo.Url), GitReference.DefaultBranch, GitCredentials.None, TimeSpan.FromSeconds(60)), null, ct);
        var key = ObjectKey.GitRepository(RepositoryName);
        var stored = await Store.ReadAsync(key, ct);
        if (stored is null)
        {
            var items = new Dictionary<string, string>(repositoryItems ?? new Dictionary<string, string>(), StringComparer.Ordinal) { [ItemKeys.Url] = Repo.Url };
            (await Store.CreateAsync(key, items, ct)).ShouldBeTrue();
            stored = (await Store.ReadAsync(key, ct))!;
        }

        var status = ItemCodec.DecodeGitRepositoryStatus(stored.Items) with { Ready = ReadyState.True, Reason = Reasons.Succeeded, CurrentCommit = commit };
        await Store.WriteStatusAsync(stored, ItemCodec.Encode(status), ct);
        return commit;
    }

    /// <summary>Marks the object orphaned as the index does when its file vanished with prune off (<c>status_orphaned_at</c>).</summary>
    public async Task MarkOrphanedAsync(ObjectKey key, CancellationToken ct)
    {
        var stored = (await Store.ReadAsync(key, ct))!;
        await Store.WriteStatusAsync(stored, ItemCodec.Encode(new NomadJobIndexStatus(Time.GetUtcNow(), Time.GetUtcNow())), ct);
    }

    /// <summary>Deletes the object, as the index does when its file vanished with prune on.</summary>
    public async Task DeleteObjectAsync(ObjectKey key, CancellationToken ct)
    {
        var stored = (await Store.ReadAsync(key, ct))!;
        (await Store.DeleteAsync(key, stored.ModifyIndex, ct)).ShouldBeTrue();
    }

    /// <summary>Creates the NomadJob object for <paramref name="jobId"/> in <c>default</c> from <paramref name="file"/>, with extra spec items.</summary>
    public async Task<ObjectKey> CreateJobObjectAsync(string jobId, string file, CancellationToken ct, params (string Key, string Value)[] extra)
    {
        var key = ObjectKey.NomadJob(NomadJobSpec.DefaultNamespace, jobId);
        var items = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ItemKeys.Repository] = RepositoryName,
            [ItemKeys.File] = file,
            [ItemKeys.JobId] = jobId,
        };
        foreach (var (k, v) in extra)
        {
            items[k] = v;
        }

        (await Store.CreateAsync(key, items, ct)).ShouldBeTrue();
        return key;
    }

    /// <summary>Runs one reconcile of <paramref name="key"/>.</summary>
    public async Task<ReconcileOutcome> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        if (ListsBeforeEachReconcile)
        {
            await ListOwnedJobsAsync(ct);
            await ListDeploymentsAsync(ct);
        }

        return await Controller.ReconcileAsync(key, ct).WaitAsync(TimeSpan.FromSeconds(60), ct);
    }

    /// <summary>
    /// When true, each <see cref="ReconcileAsync"/> first lists the owned jobs and the deployments into their caches, as
    /// the engine's watches keep them current (the controller then answers from them).
    /// </summary>
    public bool ListsBeforeEachReconcile { get; set; }

    /// <summary>The stored status of <paramref name="key"/>.</summary>
    public async Task<NomadJobStatus> StatusAsync(ObjectKey key, CancellationToken ct) =>
        ItemCodec.DecodeNomadJobStatus((await Store.ReadAsync(key, ct))!.Items);

    /// <summary>The live job, or null.</summary>
    public async Task<JsonObject?> LiveJobAsync(string jobId, CancellationToken ct) => (await Client.Jobs.ReadAsync(jobId, ct: ct)).Value;

    /// <summary>How many versions Nomad keeps of <paramref name="jobId"/> (0 when it does not exist).</summary>
    public async Task<int> VersionCountAsync(string jobId, CancellationToken ct) =>
        (await Client.Jobs.VersionsAsync(jobId, ct: ct)).Value?.Versions.Count ?? 0;

    /// <summary>Requests to one emulator endpoint, e.g. <c>"POST /v1/jobs"</c>.</summary>
    public long Calls(string endpoint) => Nomad.Calls.Count(endpoint);

    /// <summary>Stops everything and deletes the temporary directories.</summary>
    public async ValueTask DisposeAsync()
    {
        Repo.Dispose();
        await Server.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
