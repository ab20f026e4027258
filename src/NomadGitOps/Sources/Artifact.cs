using System.Globalization;
using System.Text;

namespace NomadGitOps.Sources;

/// <summary>
/// The tree of one commit in a repository's cache, read without a working-copy checkout: one <c>git ls-tree -r</c> per
/// commit lists every file (with blob ids) and is shared by every reader of that commit through
/// <see cref="GitObjectCache"/>, as are the blobs read (one <c>git cat-file --batch</c> for those not kept), so
/// reading one file of a commit the index already read runs no git process. <see cref="CheckoutAsync"/> writes the
/// tree out as a directory for the rare reader that needs real files (job files calling <c>file()</c>).
/// </summary>
internal sealed class Artifact(GitRunner git, string cacheDirectory, GitUrl url, string commit, TimeSpan timeout, CheckoutStore checkouts, GitObjectCache objects)
{
    /// <summary>The commit this artifact shows.</summary>
    public string Commit => commit;

    /// <summary>
    /// Every regular file under <paramref name="path"/> (relative to the root, <c>.</c> or empty for all), recursively,
    /// sorted by path. Symlinks and submodules are skipped. A path escaping the root is rejected.
    /// </summary>
    public async Task<IReadOnlyList<ArtifactFile>> ListFilesAsync(string? path, CancellationToken ct)
    {
        var folder = RepoPath.Normalize(path);
        var tree = await TreeAsync(ct);
        return folder.Length == 0
            ? tree.RegularFiles
            : [.. tree.RegularFiles.Where(f => f.Path.StartsWith(folder + "/", StringComparison.Ordinal))];
    }

    /// <summary>Reads the contents of <paramref name="files"/> in the order given: kept blobs at once, the others with one git process.</summary>
    public async Task<IReadOnlyList<ArtifactBlob>> ReadAsync(IReadOnlyList<ArtifactFile> files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        var contents = new byte[]?[files.Count];
        var missing = new List<int>();
        for (var i = 0; i < files.Count; i++)
        {
            contents[i] = objects.FindBlob(files[i].BlobId);
            if (contents[i] is null)
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            await ReadMissingAsync(files, missing, contents, ct);
        }

        var blobs = new List<ArtifactBlob>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            blobs.Add(new ArtifactBlob(files[i], contents[i]!));
        }

        return blobs;
    }

    /// <summary>Reads one file by path; throws <see cref="GitException"/> (<see cref="GitErrorKind.RefNotFound"/>) when it is not there.</summary>
    public async Task<ArtifactBlob> ReadFileAsync(string path, CancellationToken ct)
    {
        var normalized = RepoPath.Normalize(path);
        var tree = await TreeAsync(ct);
        if (!tree.Blobs.TryGetValue(normalized, out var file))
        {
            throw new GitException(GitErrorKind.RefNotFound, $"file '{normalized}' does not exist at commit {commit[..12]} of {url}.");
        }

        return (await ReadAsync([file], ct))[0];
    }

    private async Task ReadMissingAsync(IReadOnlyList<ArtifactFile> files, List<int> missing, byte[]?[] contents, CancellationToken ct)
    {
        var input = Encoding.ASCII.GetBytes(string.Concat(missing.Select(i => files[i].BlobId + "\n")));
        var result = await RunAsync(["cat-file", "--batch"], input, ct);
        var output = result.Output;
        var position = 0;
        foreach (var i in missing)
        {
            var file = files[i];
            // "<id> blob <size>\n<content>\n", or "<id> missing\n".
            var span = output.Span[position..];
            var newline = span.IndexOf((byte)'\n');
            var header = Encoding.ASCII.GetString(span[..newline]).Split(' ');
            if (header.Length != 3 || header[1] != "blob")
            {
                throw new GitException(GitErrorKind.CorruptCache,
                    $"blob {file.BlobId} of {file.Path} at {commit[..12]} is missing from the cache of {url}; the cache will be re-created.");
            }
            var size = int.Parse(header[2], CultureInfo.InvariantCulture);
            var start = position + newline + 1;
            // A copy of its own, so keeping one blob does not keep the whole output alive.
            var content = output.Slice(start, size).ToArray();
            objects.KeepBlob(file.BlobId, content);
            contents[i] = content;
            position = start + size + 1;
        }
    }

    /// <summary>
    /// The blob id of the file at <paramref name="path"/> in this commit, or null when there is none: a look-up in the
    /// commit's tree, which is listed once per commit and kept (<see cref="GitObjectCache"/>), so many callers asking about
    /// one new commit cost one <c>git ls-tree</c> in all.
    /// </summary>
    public async Task<string?> BlobIdAsync(string path, CancellationToken ct)
    {
        var tree = await TreeAsync(ct);
        return tree.Blobs.TryGetValue(RepoPath.Normalize(path), out var file) ? file.BlobId : null;
    }

    /// <summary>The first line of the commit's message (<c>git show -s --format=%s</c>), for people reading the status.</summary>
    public async Task<string> SubjectAsync(CancellationToken ct)
    {
        var result = await RunAsync(["show", "-s", "--format=%s", commit], null, ct);
        return result.OutputText.TrimEnd('\n', '\r');
    }

    private Task<CommitTree> TreeAsync(CancellationToken ct) => objects.TreeAsync(cacheDirectory, commit, () => LoadTreeAsync(ct));

    private async Task<CommitTree> LoadTreeAsync(CancellationToken ct)
    {
        var result = await RunAsync(["ls-tree", "-r", "-z", "--long", "--full-tree", commit], null, ct);
        var blobs = new Dictionary<string, ArtifactFile>(StringComparer.Ordinal);
        var regular = new List<ArtifactFile>();
        foreach (var entry in result.OutputText.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> <type> <id> <size>\t<path>"
            var tab = entry.IndexOf('\t', StringComparison.Ordinal);
            var fields = entry[..tab].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields[1] != "blob")
            {
                continue;
            }

            var file = new ArtifactFile(entry[(tab + 1)..], fields[2], long.Parse(fields[3], CultureInfo.InvariantCulture));
            blobs[file.Path] = file;
            if (fields[0] is "100644" or "100755")
            {
                regular.Add(file);
            }
        }

        regular.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new CommitTree(blobs, regular);
    }

    /// <summary>
    /// The commit's files as a real directory beside the cache, made on first use and shared by every caller of the
    /// same commit (symlinks kept as git stores them). Dispose the result when done reading; a checkout of a newer
    /// commit then removes it.
    /// </summary>
    public Task<Checkout> CheckoutAsync(CancellationToken ct) => checkouts.AcquireAsync(cacheDirectory, url, commit, timeout, ct);

    private async Task<GitResult> RunAsync(IReadOnlyList<string> arguments, byte[]? input, CancellationToken ct)
    {
        var result = await git.RunAsync(new GitCommand(arguments, timeout) { WorkingDirectory = cacheDirectory, StandardInput = input }, ct);
        if (!result.Succeeded)
        {
            throw new GitException(GitErrorKind.CorruptCache,
                $"reading commit {commit[..Math.Min(12, commit.Length)]} from the cache of {url} failed; the cache will be re-created: {GitErrors.LastLines(result.Error)}");
        }
        return result;
    }
}
