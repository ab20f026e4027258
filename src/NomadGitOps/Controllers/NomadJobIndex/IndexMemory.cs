using System.Collections.Concurrent;
using NomadGitOps.Objects;

namespace NomadGitOps.Controllers.NomadJobIndex;

/// <summary>
/// What this process remembers of each repository's index, in memory (after a start every repository is indexed once
/// more, which writes nothing when nothing changed): the commit and spec hash it was last indexed at, so an unchanged
/// repository costs nothing, and the last run's <see cref="IndexSnapshot"/>, so a new commit costs what it changed.
/// </summary>
internal sealed class IndexMemory
{
    // "<commit> <spec hash>" of each repository's last index that went through.
    private readonly ConcurrentDictionary<ObjectKey, string> _indexed = new();
    private readonly ConcurrentDictionary<ObjectKey, IndexSnapshot> _snapshots = new();

    /// <summary>What an index of <paramref name="items"/> at <paramref name="commit"/> is remembered by.</summary>
    public static string Fingerprint(string commit, IReadOnlyDictionary<string, string> items) => $"{commit} {SpecHash.Of(items)}";

    /// <summary>True when the repository was indexed at <paramref name="fingerprint"/> and its status says so without errors.</summary>
    public bool IsIndexed(ObjectKey key, RepositoryIndexStatus previous, string commit, string fingerprint) =>
        previous.IndexedCommit == commit && previous.Errors is null && _indexed.TryGetValue(key, out var last) && last == fingerprint;

    /// <summary>The last run of the repository, if any.</summary>
    public IndexSnapshot? Last(ObjectKey key) => _snapshots.GetValueOrDefault(key);

    /// <summary>Remembers a run that went through (its status not written yet).</summary>
    public void Ran(NomadJobIndexRun run, ReconcileOutcome outcome) => _snapshots[run.Key] = IndexSnapshot.Of(run, outcome);

    /// <summary>Remembers that the status of a run at <paramref name="fingerprint"/> is written.</summary>
    public void Indexed(ObjectKey key, string fingerprint) => _indexed[key] = fingerprint;

    /// <summary>Forgets a deleted repository.</summary>
    public void Forget(ObjectKey key)
    {
        _indexed.TryRemove(key, out _);
        _snapshots.TryRemove(key, out _);
    }
}
