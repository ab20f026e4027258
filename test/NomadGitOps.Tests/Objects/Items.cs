namespace NomadGitOps.Tests.Objects;

/// <summary>Builds item dictionaries from <c>key=value</c> lines, for readable theory rows.</summary>
internal static class Items
{
    public static Dictionary<string, string> Of(string lines)
    {
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            items[line[..eq]] = line[(eq + 1)..];
        }

        return items;
    }
}
