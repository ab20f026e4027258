namespace NomadGitOps.Sources;

/// <summary>Checks and normalizes a path inside a repository; a path that escapes the root is rejected.</summary>
internal static class RepoPath
{
    /// <summary>
    /// Returns the path relative to the repository root with <c>/</c> separators and no <c>.</c> segments
    /// (<c>""</c> for the root). Throws <see cref="GitException"/> (<see cref="GitErrorKind.PathEscapesRepository"/>)
    /// for an absolute path or one whose <c>..</c> segments climb above the root.
    /// </summary>
    public static string Normalize(string? path)
    {
        var text = (path ?? "").Replace('\\', '/').Trim();
        if (text.StartsWith('/') || (text.Length >= 2 && text[1] == ':'))
        {
            throw Escape(path!, "is absolute");
        }
        var segments = new List<string>();
        foreach (var segment in text.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".")
            {
                continue;
            }
            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    throw Escape(path!, "climbs above the repository root");
                }
                segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(segment);
        }
        return string.Join('/', segments);
    }

    private static GitException Escape(string path, string why) =>
        new(GitErrorKind.PathEscapesRepository,
            $"path '{path}' {why}: give a folder relative to the repository root, such as 'jobs' or '.'.");
}
