namespace NomadGitOps.Tests.Support;

/// <summary>
/// Builds a repository on a <see cref="GitServer"/>: stage files with <see cref="WithFile"/>, then
/// <see cref="CommitAsync"/> commits and pushes and returns the sha. Pushes go straight to the bare repository
/// on disk, so the transport under test only ever reads.
/// </summary>
internal sealed class RepoBuilder : IDisposable
{
    private readonly string work;

    private RepoBuilder(GitServer server, string name, string work)
    {
        Name = name;
        Url = server.UrlFor(name);
        BarePath = server.PathFor(name);
        this.work = work;
    }

    /// <summary>The repository name on the server.</summary>
    public string Name { get; }

    /// <summary>The URL over the server's transport.</summary>
    public string Url { get; }

    /// <summary>The bare repository on disk.</summary>
    public string BarePath { get; }

    /// <summary>The branch commits go to (default <c>main</c>).</summary>
    public string Branch { get; private set; } = "main";

    /// <summary>Creates an empty repository <paramref name="name"/> on <paramref name="server"/>.</summary>
    public static async Task<RepoBuilder> CreateAsync(GitServer server, string name, CancellationToken ct)
    {
        var work = Path.Combine(Path.GetTempPath(), "repobuilder-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(work);
        await TestGit.RunAsync(server.Root, ct, "init", "--quiet", "--bare", "--initial-branch=main", server.PathFor(name));
        await TestGit.RunAsync(work, ct, "init", "--quiet", "--initial-branch=main");
        await TestGit.RunAsync(work, ct, "remote", "add", "origin", server.PathFor(name));
        return new RepoBuilder(server, name, work);
    }

    /// <summary>Writes (or overwrites) a file in the next commit.</summary>
    public RepoBuilder WithFile(string path, string content)
    {
        var full = Path.Combine(work, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    /// <summary>Writes (or overwrites) a file of raw bytes in the next commit.</summary>
    public RepoBuilder WithBytes(string path, byte[] content)
    {
        var full = Path.Combine(work, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return this;
    }

    /// <summary>Adds a symbolic link to <paramref name="target"/> (relative to the link's folder) in the next commit.</summary>
    public RepoBuilder WithSymlink(string path, string target)
    {
        var full = Path.Combine(work, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
        return this;
    }

    /// <summary>Removes a file in the next commit.</summary>
    public RepoBuilder WithoutFile(string path)
    {
        File.Delete(Path.Combine(work, path));
        return this;
    }

    /// <summary>Commits everything staged on <see cref="Branch"/>, pushes it, and returns the new commit's sha.</summary>
    public async Task<string> CommitAsync(string message, CancellationToken ct)
    {
        await TestGit.RunAsync(work, ct, "add", "--all");
        await TestGit.RunAsync(work, ct, "commit", "--quiet", "--allow-empty", "-m", message);
        await TestGit.RunAsync(work, ct, "push", "--quiet", "origin", Branch);
        return await TestGit.RunAsync(work, ct, "rev-parse", "HEAD");
    }

    /// <summary>Starts a new branch from the current commit; later commits go there.</summary>
    public async Task BranchAsync(string branch, CancellationToken ct)
    {
        await TestGit.RunAsync(work, ct, "checkout", "--quiet", "-b", branch);
        Branch = branch;
        await TestGit.RunAsync(work, ct, "push", "--quiet", "origin", branch);
    }

    /// <summary>Replaces the last commit of <see cref="Branch"/> by a different one and force-pushes; returns its sha.</summary>
    public async Task<string> ForcePushAsync(string message, CancellationToken ct)
    {
        await TestGit.RunAsync(work, ct, "reset", "--quiet", "--hard", "HEAD~1");
        WithFile("rewritten.txt", message);
        await TestGit.RunAsync(work, ct, "add", "--all");
        await TestGit.RunAsync(work, ct, "commit", "--quiet", "-m", message);
        await TestGit.RunAsync(work, ct, "push", "--quiet", "--force", "origin", Branch);
        return await TestGit.RunAsync(work, ct, "rev-parse", "HEAD");
    }

    /// <summary>
    /// Deletes the repository on the server, leaves it missing for <paramref name="gone"/>, creates it empty again and
    /// pushes <see cref="Branch"/> to it (same history, same head).
    /// </summary>
    public async Task RecreateOnServerAsync(TimeSpan gone, CancellationToken ct)
    {
        Directory.Delete(BarePath, recursive: true);
        await Task.Delay(gone, ct);
        await TestGit.RunAsync(Path.GetDirectoryName(BarePath)!, ct, "init", "--quiet", "--bare", "--initial-branch=main", BarePath);
        await TestGit.RunAsync(work, ct, "push", "--quiet", "origin", Branch);
    }

    /// <summary>Deletes <paramref name="branch"/> on the server.</summary>
    public Task DeleteBranchAsync(string branch, CancellationToken ct) =>
        TestGit.RunAsync(work, ct, "push", "--quiet", "origin", "--delete", branch);

    /// <summary>Tags the current commit (annotated when <paramref name="annotated"/>) and pushes the tag.</summary>
    public async Task TagAsync(string tag, bool annotated, CancellationToken ct)
    {
        if (annotated)
        {
            await TestGit.RunAsync(work, ct, "tag", "-a", "-m", $"release {tag}", tag);
        }
        else
        {
            await TestGit.RunAsync(work, ct, "tag", tag);
        }
        await TestGit.RunAsync(work, ct, "push", "--quiet", "origin", $"refs/tags/{tag}");
    }

    /// <summary>Deletes the working copy (the server's repository goes with the server).</summary>
    public void Dispose() => Directory.Delete(work, recursive: true);
}
