using NomadGitOps.Objects;
using NomadGitOps.Sources;

namespace NomadGitOps.Controllers.GitRepository;

/// <summary>
/// The facts one reconcile of a GitRepository has found so far: what was loaded, then what each step learned
/// (credentials, the synced commit, what was published). Steps fill it in; the status summary reads it.
/// </summary>
internal sealed class GitRepositoryRun
{
    /// <summary>A run of the object <paramref name="stored"/>, whose status before this reconcile is <paramref name="previous"/>.</summary>
    public GitRepositoryRun(StoredObject stored, GitRepositoryStatus previous, string specHash)
    {
        Stored = stored;
        Previous = previous;
        SpecHash = specHash;
    }

    /// <summary>The object as loaded (items and CAS index).</summary>
    public StoredObject Stored { get; }

    /// <summary>The object's key.</summary>
    public ObjectKey Key => Stored.Key;

    /// <summary>The status before this reconcile.</summary>
    public GitRepositoryStatus Previous { get; }

    /// <summary>The <see cref="Objects.SpecHash"/> of the spec items as loaded.</summary>
    public string SpecHash { get; }

    /// <summary>The valid spec (set after the guards).</summary>
    public GitRepositorySpec? Spec { get; set; }

    /// <summary>The parsed URL (set after the guards).</summary>
    public GitUrl? Url { get; set; }

    /// <summary>The ref selector (set after the guards).</summary>
    public GitReference? Ref { get; set; }

    /// <summary>Everything git needs, credentials included (set by ResolveCredentials). Never logged or copied.</summary>
    public GitSource? Source { get; set; }

    /// <summary>Removes the secret values of this run's credentials (and URL credentials) from a message.</summary>
    public SecretRedactor Redactor { get; set; } = SecretRedactor.UrlsOnly;

    /// <summary>What the cache sync found (set by Sync).</summary>
    public SyncResult? Sync { get; set; }

    /// <summary>The first line of the served commit's message, when Publish read the commit (set by Publish).</summary>
    public string? CommitSubject { get; set; }

    /// <summary>True when the commit served differs from <see cref="GitRepositoryStatus.CurrentCommit"/> before.</summary>
    public bool CommitChanged => Sync is { } sync && !string.Equals(sync.Ref.Commit, Previous.CurrentCommit, StringComparison.Ordinal);

    /// <summary>True when the spec differs from the one last observed.</summary>
    public bool SpecChanged => !string.Equals(SpecHash, Previous.ObservedSpec, StringComparison.Ordinal);

    /// <summary>
    /// The success message for the commit, set by Publish when it looked at the commit's tree; null when nothing
    /// changed since the last success (the previous message stands).
    /// </summary>
    public string? PublishedMessage { get; set; }
}
