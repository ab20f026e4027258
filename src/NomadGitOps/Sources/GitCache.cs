using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NomadGitOps.Sources;

/// <summary>
/// One bare repository per URL under <see cref="GitCacheOptions.Root"/> (named by a hash of the URL, never the URL
/// itself), kept across restarts. <see cref="SyncAsync(GitSource, string?, SyncHint, CancellationToken)"/> resolves the ref remotely and fetches only when the
/// commit moved; a missing or corrupt cache is re-created.
/// </summary>
internal sealed class GitCache(GitCacheOptions options, GitRunner git, RefResolver resolver, ILogger<GitCache> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new(StringComparer.Ordinal);
    private readonly CheckoutStore checkouts = new(git, logger);
    private readonly GitObjectCache objects = new();

    /// <summary>The cache directory of <paramref name="url"/>.</summary>
    public string DirectoryFor(GitUrl url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Path.Combine(options.Root, url.CacheKey() + ".git");
    }

    /// <summary>
    /// Makes the commit the source's ref points at available in the cache: one ls-remote, then a fetch only when
    /// the cache does not have that commit at that ref. <paramref name="previousCommit"/> (the commit served
    /// before) is used to recognise a force-push.
    /// </summary>
    public Task<SyncResult> SyncAsync(GitSource source, string? previousCommit, CancellationToken ct) =>
        SyncAsync(source, previousCommit, SyncHint.None, ct);

    /// <summary>
    /// As <see cref="SyncAsync(GitSource, string?, CancellationToken)"/>; with <see cref="SyncHint.RefLikelyMoved"/>
    /// (someone asked for this sync, e.g. a webhook after a push) a branch is fetched at once, without the ls-remote
    /// that would only tell that it moved: one round trip to the remote instead of two. Tags, semver ranges and pinned
    /// commits are resolved as always.
    /// </summary>
    public async Task<SyncResult> SyncAsync(GitSource source, string? previousCommit, SyncHint hint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var directory = DirectoryFor(source.Url);
        var gate = locks.GetOrAdd(directory, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            var recreated = await EnsureRepositoryAsync(directory, source, ct);
            try
            {
                return await SyncInAsync(directory, source, previousCommit, hint, recreated, ct);
            }
            catch (GitException exception) when (exception.Kind == GitErrorKind.CorruptCache && !recreated)
            {
                logger.LogWarning("Cache for {Url} is corrupt ({Message}); re-creating it", source.Url, exception.Message);
                await CreateAsync(directory, source, ct);
                return await SyncInAsync(directory, source, previousCommit, hint, recreated: true, ct);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Deletes the cache of <paramref name="url"/>, e.g. after reading an artifact failed with
    /// <see cref="GitErrorKind.CorruptCache"/>; the next sync re-creates it.
    /// </summary>
    public async Task DiscardAsync(GitUrl url, CancellationToken ct)
    {
        var directory = DirectoryFor(url);
        var gate = locks.GetOrAdd(directory, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (Directory.Exists(directory))
            {
                logger.LogWarning("Discarding the cache of {Url}", url);
                Directory.Delete(directory, recursive: true);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The files of <paramref name="commit"/> (which must be in the cache, i.e. after a sync).</summary>
    public Artifact Open(GitSource source, string commit)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Open(source.Url, commit, source.Timeout);
    }

    /// <summary>
    /// The files of <paramref name="commit"/> of the repository at <paramref name="url"/> (which must be in the cache,
    /// i.e. after a sync), each git operation limited to <paramref name="timeout"/>. Reading a commit needs no ref and
    /// no credentials: it never goes to the remote.
    /// </summary>
    public Artifact Open(GitUrl url, string commit, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new Artifact(git, DirectoryFor(url), url, commit, timeout, checkouts, objects);
    }

    private async Task<SyncResult> SyncInAsync(string directory, GitSource source, string? previousCommit, SyncHint hint, bool recreated, CancellationToken ct)
    {
        if (source.Ref.Kind == GitReferenceKind.Commit)
        {
            return await SyncPinnedCommitAsync(directory, source, previousCommit, recreated, ct);
        }
        if (hint == SyncHint.RefLikelyMoved && source.Ref.Kind == GitReferenceKind.Branch)
        {
            var fetched = await FetchBranchAsync(directory, source, previousCommit, recreated, ct);
            if (fetched is not null)
            {
                return fetched;
            }
        }
        RemoteRef remote;
        try
        {
            remote = await resolver.ResolveAsync(source, ct);
        }
        catch (GitException exception) when (exception.Kind == GitErrorKind.RefNotFound && source.Ref.Kind == GitReferenceKind.Branch)
        {
            var last = await LocalCommitAsync(directory, $"refs/heads/{source.Ref.Value}", source, ct);
            if (last is null)
            {
                throw;
            }
            throw new GitException(GitErrorKind.RefNotFound,
                $"branch '{source.Ref.Value}' was deleted from {source.Url}; the last fetched commit {last[..12]} stays cached. " +
                "Restore the branch or point the repository at another ref.", exception);
        }
        var local = await LocalCommitAsync(directory, remote.Name, source, ct);
        previousCommit ??= local;
        var current = local;
        if (local != remote.Commit)
        {
            await FetchAsync(directory, source, [$"+{remote.Name}:{remote.Name}"], ct);
            // The ref may have moved again between ls-remote and fetch: serve what was fetched.
            current = await LocalCommitAsync(directory, remote.Name, source, ct)
                ?? throw new GitException(GitErrorKind.CorruptCache, $"fetch of {remote.Name} from {source.Url} left no such ref in the cache; it will be re-created.");
        }
        // Compared with what the caller served, not with the cache: another object with the same URL may
        // have fetched this commit already.
        var outcome = await OutcomeAsync(directory, previousCommit, current!, source, ct);
        // The GitRepository controller logs the new commit for people; this line is for following the cache.
        if (outcome != SyncOutcome.Unchanged && logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("{Url} {Ref} {Outcome}: {Previous} -> {Commit}", source.Url, remote.Name, outcome, previousCommit ?? "none", current);
        }
        return new SyncResult(outcome, remote with { Commit = current! }, previousCommit, recreated);
    }

    // The branch fetched without asking ls-remote first; null when the remote has no such branch, so that the usual
    // path says why (a deleted branch with its last commit cached, or a wrong name).
    private async Task<SyncResult?> FetchBranchAsync(string directory, GitSource source, string? previousCommit, bool recreated, CancellationToken ct)
    {
        var name = $"refs/heads/{source.Ref.Value}";
        previousCommit ??= await LocalCommitAsync(directory, name, source, ct);
        try
        {
            await FetchAsync(directory, source, [$"+{name}:{name}"], ct);
        }
        catch (GitException exception) when (exception.Kind == GitErrorKind.RefNotFound)
        {
            return null;
        }
        var current = await LocalCommitAsync(directory, name, source, ct)
            ?? throw new GitException(GitErrorKind.CorruptCache, $"fetch of {name} from {source.Url} left no such ref in the cache; it will be re-created.");
        var outcome = await OutcomeAsync(directory, previousCommit, current, source, ct);
        if (outcome != SyncOutcome.Unchanged && logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("{Url} {Ref} {Outcome} (fetched on request): {Previous} -> {Commit}", source.Url, name, outcome, previousCommit ?? "none", current);
        }
        return new SyncResult(outcome, new RemoteRef(name, current), previousCommit, recreated);
    }

    private async Task<SyncOutcome> OutcomeAsync(string directory, string? previous, string current, GitSource source, CancellationToken ct)
    {
        if (previous == current)
        {
            return SyncOutcome.Unchanged;
        }
        return previous is not null && !await IsAncestorAsync(directory, previous, current, source, ct)
            ? SyncOutcome.ForcePushed
            : SyncOutcome.Fetched;
    }

    private async Task<SyncResult> SyncPinnedCommitAsync(string directory, GitSource source, string? previousCommit, bool recreated, CancellationToken ct)
    {
        var sha = source.Ref.Value;
        var pinned = new RemoteRef(sha, sha);
        if (await LocalCommitAsync(directory, sha, source, ct) == sha)
        {
            previousCommit ??= sha;
            var outcome = await OutcomeAsync(directory, previousCommit, sha, source, ct);
            return new SyncResult(outcome, pinned, previousCommit, recreated);
        }
        await FetchAsync(directory, source, ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"], ct);
        if (await LocalCommitAsync(directory, sha, source, ct) != sha)
        {
            throw new GitException(GitErrorKind.RefNotFound,
                $"commit {sha} is not on any branch or tag of {source.Url}: check the sha, or whether it was force-pushed away.");
        }
        return new SyncResult(SyncOutcome.Fetched, pinned, previousCommit, recreated);
    }

    private async Task FetchAsync(string directory, GitSource source, IReadOnlyList<string> refspecs, CancellationToken ct)
    {
        using var auth = GitAuthEnvironment.Create(source.Url, source.Credentials);
        string[] arguments = ["fetch", "--no-tags", "--no-write-fetch-head", "--quiet", "--", source.Url.Value, .. refspecs];
        var result = await git.RunAsync(new GitCommand(arguments, source.Timeout) { WorkingDirectory = directory, Environment = auth.Variables, Subject = source.Url.ToString() }, ct);
        if (!result.Succeeded)
        {
            throw GitErrors.FromRemote("fetch", source.Url, result, source.Credentials);
        }
    }

    private async Task<string?> LocalCommitAsync(string directory, string revision, GitSource source, CancellationToken ct)
    {
        var result = await git.RunAsync(
            new GitCommand(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], source.Timeout) { WorkingDirectory = directory }, ct);
        if (result.Succeeded)
        {
            return result.OutputText.Trim();
        }
        if (result.ExitCode == 1 && result.Error.Length == 0)
        {
            // No such commit. When the ref itself exists, it points at objects that are gone: the cache is damaged.
            var refExists = revision.StartsWith("refs/", StringComparison.Ordinal) && (await git.RunAsync(
                new GitCommand(["rev-parse", "--verify", "--quiet", "--end-of-options", revision], source.Timeout) { WorkingDirectory = directory }, ct)).Succeeded;
            if (!refExists)
            {
                return null;
            }
        }
        throw new GitException(GitErrorKind.CorruptCache,
            $"the cache of {source.Url} could not be read and will be re-created: {GitErrors.LastLines(result.Error)}");
    }

    private async Task<bool> IsAncestorAsync(string directory, string ancestor, string descendant, GitSource source, CancellationToken ct)
    {
        var result = await git.RunAsync(
            new GitCommand(["merge-base", "--is-ancestor", ancestor, descendant], source.Timeout) { WorkingDirectory = directory }, ct);
        // Exit 1: not an ancestor. Other failures mean the old commit is not in the cache (it was re-created):
        // nothing can be told, so no force-push is claimed.
        return result.ExitCode != 1;
    }

    private async Task<bool> EnsureRepositoryAsync(string directory, GitSource source, CancellationToken ct)
    {
        if (Directory.Exists(directory))
        {
            var check = await git.RunAsync(
                new GitCommand(["rev-parse", "--is-bare-repository"], source.Timeout) { WorkingDirectory = directory, Environment = NoDiscovery(directory) }, ct);
            if (check.Succeeded && check.OutputText.Trim() == "true")
            {
                return false;
            }
            logger.LogWarning("Cache for {Url} at {Directory} is not a usable repository; re-creating it", source.Url, directory);
        }
        await CreateAsync(directory, source, ct);
        return true;
    }

    private async Task CreateAsync(string directory, GitSource source, CancellationToken ct)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
        Directory.CreateDirectory(options.Root);
        // Build in a temporary directory and move it in place, so a crash never leaves a half-made cache.
        var temporary = directory + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        var result = await git.RunAsync(new GitCommand(["init", "--quiet", "--bare", temporary], source.Timeout), ct);
        if (!result.Succeeded)
        {
            throw new GitException(GitErrorKind.Other, $"could not create the cache for {source.Url} under {options.Root}: {GitErrors.LastLines(result.Error)}");
        }
        Directory.Move(temporary, directory);
    }

    // Stop git from walking up to a parent repository when the cache directory itself is broken.
    private static Dictionary<string, string> NoDiscovery(string directory) =>
        new(StringComparer.Ordinal) { ["GIT_DIR"] = directory, ["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(directory) ?? "/" };
}
