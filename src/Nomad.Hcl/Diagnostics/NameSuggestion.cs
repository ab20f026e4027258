namespace Nomad.Hcl.Diagnostics;

/// <summary>
/// HCL's "Did you mean" (hclsyntax's nameSuggestion, gohcl's and jobspec2's alike): the first candidate, in the order
/// given, within edit distance 2 of the name.
/// </summary>
internal static class NameSuggestion
{
    /// <summary>The first of <paramref name="candidates"/> within Levenshtein distance 2 of <paramref name="given"/>, or null.</summary>
    public static string? Nearest(string given, IEnumerable<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (Distance(given, candidate) < 3)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The Levenshtein distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
