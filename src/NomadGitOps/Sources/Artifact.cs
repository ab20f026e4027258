using System.Globalization;
using System.Text;

namespace NomadGitOps.Sources;

/// <summary>
/// The tree of one commit in a repository's cache, read without a working-copy checkout: <c>git ls-tree</c> to list
/// files (with blob ids), one <c>git cat-file --batch</c> to read many blobs. <see cref="CheckoutAsync"/> writes the
/// tree out as a directory for the rare reader that needs real files (job files calling <c>file()</c>).
/// </summary>
internal sealed class Artifact(GitRunner git, string cacheDirectory, GitUrl url, string commit, TimeSpan timeout, CheckoutStore checkouts)
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
        List<string> arguments = ["ls-tree", "-r", "-z", "--long", "--full-tree", commit];
        if (folder.Length > 0)
        {
            arguments.AddRange(["--", folder]);
        }
        var result = await RunAsync(arguments, null, ct);
        var files = new List<ArtifactFile>();
        foreach (var entry in result.OutputText.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> <type> <id> <size>\t<path>"
            var tab = entry.IndexOf('\t', StringComparison.Ordinal);
            var fields = entry[..tab].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var filePath = entry[(tab + 1)..];
            var isRegularFile = fields[1] == "blob" && fields[0] is "100644" or "100755";
            var isUnder = folder.Length == 0 || filePath.StartsWith(folder + "/", StringComparison.Ordinal);
            if (isRegularFile && isUnder)
            {
                files.Add(new ArtifactFile(filePath, fields[2], long.Parse(fields[3], CultureInfo.InvariantCulture)));
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>Reads the contents of <paramref name="files"/> with one git process, in the order given.</summary>
    public async Task<IReadOnlyList<ArtifactBlob>> ReadAsync(IReadOnlyList<ArtifactFile> files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return [];
        }
        var input = Encoding.ASCII.GetBytes(string.Concat(files.Select(f => f.BlobId + "\n")));
        var result = await RunAsync(["cat-file", "--batch"], input, ct);
        var output = result.Output;
        var blobs = new List<ArtifactBlob>(files.Count);
        var position = 0;
        foreach (var file in files)
        {
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
            blobs.Add(new ArtifactBlob(file, output.Slice(start, size)));
            position = start + size + 1;
        }
        return blobs;
    }

    /// <summary>Reads one file by path; throws <see cref="GitException"/> (<see cref="GitErrorKind.RefNotFound"/>) when it is not there.</summary>
    public async Task<ArtifactBlob> ReadFileAsync(string path, CancellationToken ct)
    {
        var normalized = RepoPath.Normalize(path);
        var result = await RunAsync(["ls-tree", "-z", "--long", "--full-tree", commit, "--", normalized], null, ct);
        var entry = result.OutputText.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => (Fields: e[..e.IndexOf('\t', StringComparison.Ordinal)].Split(' ', StringSplitOptions.RemoveEmptyEntries), Path: e[(e.IndexOf('\t', StringComparison.Ordinal) + 1)..]))
            .FirstOrDefault(e => e.Path == normalized && e.Fields[1] == "blob");
        if (entry.Fields is null)
        {
            throw new GitException(GitErrorKind.RefNotFound, $"file '{normalized}' does not exist at commit {commit[..12]} of {url}.");
        }
        var file = new ArtifactFile(entry.Path, entry.Fields[2], long.Parse(entry.Fields[3], CultureInfo.InvariantCulture));
        return (await ReadAsync([file], ct))[0];
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
