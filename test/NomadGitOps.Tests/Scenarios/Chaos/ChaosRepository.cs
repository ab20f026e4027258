using NomadGitOps.Tests.Scenarios.BadInput;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios.Chaos;

/// <summary>
/// One repository of the chaos suite on its own git server (git daemon or http-backend) and the jobs it holds, with
/// what the driver expects of them: each job's count, its allowed number of versions, and the commit its file last
/// changed at; <see cref="History"/> lists every head the driver made, in order.
/// </summary>
internal sealed class ChaosRepository : IAsyncDisposable
{
    private ChaosRepository(GitServer server, RepoBuilder builder, IReadOnlyList<string> jobs)
    {
        Server = server;
        Builder = builder;
        Jobs = jobs;
        Counts = jobs.ToDictionary(j => j, _ => 1, StringComparer.Ordinal);
        AllowedVersions = jobs.ToDictionary(j => j, _ => 1, StringComparer.Ordinal);
    }

    /// <summary>The git server the repository is served by.</summary>
    public GitServer Server { get; }

    /// <summary>The repository's working copy, which commits and pushes.</summary>
    public RepoBuilder Builder { get; }

    /// <summary>The IDs of the jobs in the repository (one <c>ID.nomad.hcl</c> file each).</summary>
    public IReadOnlyList<string> Jobs { get; }

    /// <summary>Each job's count at the head.</summary>
    public Dictionary<string, int> Counts { get; }

    /// <summary>Each job's allowed number of versions: real spec changes + drift corrections + 1.</summary>
    public Dictionary<string, int> AllowedVersions { get; }

    /// <summary>The commit each job's file last changed at.</summary>
    public Dictionary<string, string> ChangedAt { get; } = new(StringComparer.Ordinal);

    /// <summary>Every head the driver pushed, oldest first.</summary>
    public List<string> History { get; } = [];

    /// <summary>Starts a server of <paramref name="kind"/> and pushes a first commit with every job at count 1.</summary>
    public static async Task<ChaosRepository> CreateAsync(GitServerKind kind, string name, IReadOnlyList<string> jobs, CancellationToken ct)
    {
        var server = await GitServer.StartAsync(kind, ct);
        var builder = await RepoBuilder.CreateAsync(server, name, ct);
        var repository = new ChaosRepository(server, builder, jobs);
        foreach (var job in jobs)
        {
            builder.WithFile($"{job}.nomad.hcl", BadInputCorpus.Hcl(job));
        }

        repository.Pushed(await builder.CommitAsync("first", ct), jobs);
        return repository;
    }

    /// <summary>Commits a count change of <paramref name="job"/> (a real spec change).</summary>
    public async Task CommitCountAsync(string job, CancellationToken ct)
    {
        Counts[job]++;
        AllowedVersions[job]++;
        var head = await Builder.WithFile($"{job}.nomad.hcl", BadInputCorpus.Hcl(job, Counts[job])).CommitAsync($"{job} count {Counts[job]}", ct);
        Pushed(head, [job]);
    }

    /// <summary>Replaces the last commit (a count change of <paramref name="job"/>) by one without it: a real spec change again.</summary>
    public async Task ForcePushAsync(string job, string message, CancellationToken ct)
    {
        Counts[job]--;
        AllowedVersions[job]++;
        Pushed(await Builder.ForcePushAsync(message, ct), [job]);
    }

    /// <summary>
    /// Whether <paramref name="applied"/> (a job's status_last_applied_commit) is the commit the job's file last
    /// changed at or a later one (later when a replica died between register and status write: the next finds the
    /// job as Git has it at the head of then, and records that commit).
    /// </summary>
    public bool AppliedAtLeastLast(string job, string? applied) =>
        applied is not null && History.IndexOf(applied) >= History.IndexOf(ChangedAt[job]);

    public async ValueTask DisposeAsync()
    {
        Builder.Dispose();
        await Server.DisposeAsync();
    }

    private void Pushed(string head, IEnumerable<string> changed)
    {
        History.Add(head);
        foreach (var job in changed)
        {
            ChangedAt[job] = head;
        }
    }
}
