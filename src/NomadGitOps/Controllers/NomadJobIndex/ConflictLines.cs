namespace NomadGitOps.Controllers.NomadJobIndex;

/// <summary>
/// The <c>status_index_conflict</c> text of a NomadJob: one line per competing file, each beginning
/// <c>gitrepository/&lt;name&gt;: </c>, so each repository's index replaces only its own lines.
/// </summary>
internal static class ConflictLines
{
    /// <summary>What every line of <paramref name="repository"/> begins with.</summary>
    public static string PrefixOf(string repository) => $"gitrepository/{repository}: ";

    /// <summary>
    /// <paramref name="current"/> with the lines of <paramref name="repository"/> replaced by <paramref name="lines"/>
    /// (each without the prefix); null when no line is left.
    /// </summary>
    public static string? Replace(string? current, string repository, IEnumerable<string> lines)
    {
        var prefix = PrefixOf(repository);
        var kept = (current ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith(prefix, StringComparison.Ordinal));
        var all = kept.Concat(lines.Select(line => prefix + line)).Order(StringComparer.Ordinal).ToList();
        return all.Count == 0 ? null : string.Join('\n', all);
    }
}
