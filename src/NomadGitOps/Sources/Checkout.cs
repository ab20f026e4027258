namespace NomadGitOps.Sources;

/// <summary>
/// A commit's files written out as a real directory (for job files that read other files of the repository), held
/// while in use: disposing it lets a later checkout of a newer commit delete the directory.
/// </summary>
internal sealed class Checkout : IDisposable
{
    private readonly Action<string> release;
    private int disposed;

    /// <summary>Creates a lease on <paramref name="directory"/>; <paramref name="release"/> runs once on dispose.</summary>
    public Checkout(string directory, string commit, Action<string> release)
    {
        Directory = directory;
        Commit = commit;
        this.release = release;
    }

    /// <summary>The directory holding the commit's tree (the repository's root).</summary>
    public string Directory { get; }

    /// <summary>The commit checked out.</summary>
    public string Commit { get; }

    /// <summary>Ends this use of the directory.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            release(Directory);
        }
    }
}
