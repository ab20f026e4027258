using System.Collections.Concurrent;
using System.Formats.Tar;
using Microsoft.Extensions.Logging;

namespace NomadGitOps.Sources;

/// <summary>
/// Checkouts of commits beside each bare cache (<c>&lt;cache&gt;.checkouts/&lt;commit&gt;</c>), made only when asked:
/// one <c>git archive</c> of the commit unpacked in-process into a temporary directory, then renamed into place, so a
/// checkout directory is always whole. Reused while the commit is current; making one for a new commit deletes the
/// others of that repository that nobody is using. One lock per repository, so concurrent callers wait for one build.
/// </summary>
internal sealed class CheckoutStore(GitRunner git, ILogger logger)
{
    private const string TemporaryPrefix = ".tmp-";

    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new(StringComparer.Ordinal);
    private readonly Lock leaseGate = new();
    private readonly Dictionary<string, int> leases = new(StringComparer.Ordinal);

    /// <summary>Where the checkouts of the bare cache at <paramref name="cacheDirectory"/> live.</summary>
    public static string RootFor(string cacheDirectory)
    {
        ArgumentNullException.ThrowIfNull(cacheDirectory);
        var trimmed = Path.TrimEndingDirectorySeparator(cacheDirectory);
        return (trimmed.EndsWith(".git", StringComparison.Ordinal) ? trimmed[..^4] : trimmed) + ".checkouts";
    }

    /// <summary>
    /// The checkout of <paramref name="commit"/> of the cache at <paramref name="cacheDirectory"/>, made when missing.
    /// Dispose the result when done with the directory.
    /// </summary>
    public async Task<Checkout> AcquireAsync(string cacheDirectory, GitUrl url, string commit, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrEmpty(commit);
        var root = RootFor(cacheDirectory);
        var target = Path.Combine(root, commit);
        var gate = locks.GetOrAdd(root, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (!Directory.Exists(target))
            {
                await BuildAsync(cacheDirectory, url, commit, target, timeout, ct);
                RemoveOthers(root, target);
            }

            lock (leaseGate)
            {
                leases[target] = leases.GetValueOrDefault(target) + 1;
            }

            return new Checkout(target, commit, Release);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task BuildAsync(string cacheDirectory, GitUrl url, string commit, string target, TimeSpan timeout, CancellationToken ct)
    {
        var archive = await git.RunAsync(
            new GitCommand(["archive", "--format=tar", commit], timeout) { WorkingDirectory = cacheDirectory, Subject = $"the cache of {url}" }, ct);
        if (!archive.Succeeded)
        {
            throw new GitException(GitErrorKind.CorruptCache,
                $"checking out commit {commit[..Math.Min(12, commit.Length)]} from the cache of {url} failed; the cache will be re-created: {GitErrors.LastLines(archive.Error)}");
        }

        var root = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(root);
        var temporary = Path.Combine(root, TemporaryPrefix + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            Directory.CreateDirectory(temporary);
            Unpack(archive.Output, temporary);
            Directory.Move(temporary, target);
        }
        catch (IOException) when (Directory.Exists(target))
        {
            // Another process sharing this cache made the same checkout first: use it.
            TryDelete(temporary);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Checked out {Commit} of {Url} into {Directory} ({Bytes} bytes of archive)", commit, url, target, archive.Output.Length);
        }
    }

    // Writes git archive's tar into directory: directories, regular files (with their mode) and symlinks as git
    // stores them (the HCL library refuses those that lead outside the root); anything else git may write
    // (a submodule is an empty directory) is skipped.
    private static void Unpack(ReadOnlyMemory<byte> tar, string directory)
    {
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar;
        using var stream = new MemoryStream(tar.ToArray(), writable: false);
        using var reader = new TarReader(stream);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes)
            {
                continue;
            }

            var path = Path.GetFullPath(Path.Combine(directory, entry.Name));
            if (!path.StartsWith(prefix, StringComparison.Ordinal) && path + Path.DirectorySeparatorChar != prefix)
            {
                throw new GitException(GitErrorKind.PathEscapesRepository, $"the archive of a commit holds the path '{entry.Name}', which leads outside the checkout.");
            }

            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(path);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    entry.ExtractToFile(path, overwrite: false);
                    break;
                case TarEntryType.SymbolicLink:
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.CreateSymbolicLink(path, entry.LinkName);
                    break;
            }
        }
    }

    // Deletes every other checkout (and leftover temporary directory) of the repository that is not in use.
    private void RemoveOthers(string root, string keep)
    {
        foreach (var directory in Directory.EnumerateDirectories(root))
        {
            bool inUse;
            lock (leaseGate)
            {
                inUse = leases.ContainsKey(directory);
            }

            if (directory != keep && !inUse)
            {
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    logger.LogDebug("Removing the checkout {Directory}", directory);
                }

                TryDelete(directory);
            }
        }
    }

    private void Release(string directory)
    {
        lock (leaseGate)
        {
            var count = leases.GetValueOrDefault(directory) - 1;
            if (count <= 0)
            {
                leases.Remove(directory);
            }
            else
            {
                leases[directory] = count;
            }
        }
    }

    private void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not remove {Directory}: {Message}", directory, e.Message);
        }
    }
}
