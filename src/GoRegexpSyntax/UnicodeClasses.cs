namespace GoRegexpSyntax;

/// <summary>
/// The names <c>\p{...}</c> accepts, as Go 1.26's regexp/syntax resolves them (parse.go <c>unicodeTable</c> and
/// <c>canonicalName</c>, Go 1.25+): the name is made canonical (first letter upper case, the rest lower case, every
/// <c>_</c>, <c>-</c> and space dropped, as Unicode TR18 asks), then looked up as <c>Any</c>, <c>Assigned</c> (every
/// code point not in <c>Cn</c>), <c>ASCII</c>, <c>LC</c>, a general category of <c>unicode.Categories</c> (Go 1.25
/// added <c>Cn</c> and <c>LC</c>, and <c>C</c> now holds <c>Cn</c>), a script of <c>unicode.Scripts</c>, or a
/// category alias of <c>unicode.CategoryAliases</c> (<c>Letter</c>, <c>Uppercase_Letter</c>, <c>digit</c>…).
/// Scripts are found by their canonical name too (<c>\p{Canadian_Aboriginal}</c>, <c>\p{old italic}</c>), as
/// Go's own parse_test.go requires. The tables are Unicode 15.0.0's (<see cref="UnicodeTables"/>).
/// </summary>
internal static class UnicodeClasses
{
    private static readonly Lazy<Dictionary<string, RuneSet>> Categories = new(ComputeCategories);
    private static readonly Lazy<Dictionary<string, string>> Scripts = new(() =>
        UnicodeTables.ScriptNames.ToDictionary(Canonical, n => n, StringComparer.Ordinal));

    private static readonly Lazy<Dictionary<string, string>> Aliases = new(() =>
        UnicodeTables.CategoryAliases.ToDictionary(p => Canonical(p.Key), p => p.Value, StringComparer.Ordinal));

    /// <summary>
    /// The code points <paramref name="name"/> names and whether Go inverts them (<c>Assigned</c>); null for a name
    /// Go does not know.
    /// </summary>
    public static (RuneSet Set, bool Inverted)? Lookup(string name)
    {
        var canonical = Canonical(name);
        switch (canonical)
        {
            case "Any":
                return (RuneSet.Any, false);
            case "Assigned":
                return (Categories.Value["Cn"], true);
            case "Ascii":
                return (RuneSet.Of([(0, 0x7F)]), false);
            case "Lc":
                return (Categories.Value["LC"], false);
        }

        if (Categories.Value.TryGetValue(canonical, out var category))
        {
            return (category, false);
        }

        if (Scripts.Value.TryGetValue(canonical, out var script))
        {
            return (UnicodeTables.Script(script)!, false);
        }

        return Aliases.Value.TryGetValue(canonical, out var actual) ? (Categories.Value[actual], false) : null;
    }

    /// <summary>
    /// Go's canonicalName: the first letter upper case, every later ASCII letter lower case, <c>_</c>, <c>-</c> and
    /// space left out; other characters kept.
    /// </summary>
    public static string Canonical(string name)
    {
        var chars = new List<char>(name.Length);
        var first = true;
        foreach (var c in name)
        {
            if (c is '_' or '-' or ' ')
            {
                continue;
            }

            chars.Add(first ? (char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c) : (char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : c));
            first = false;
        }

        return new string([.. chars]);
    }

    // unicode.Categories: the two-letter categories, LC, and each letter's union (C holds Cn since Go 1.25).
    private static Dictionary<string, RuneSet> ComputeCategories()
    {
        var categories = UnicodeTables.CategoryNames.ToDictionary(n => n, n => UnicodeTables.Category(n)!, StringComparer.Ordinal);
        foreach (var major in categories.Keys.Select(k => k[..1]).Distinct().ToList())
        {
            categories[major] = categories.Where(p => p.Key.Length == 2 && p.Key[0] == major[0])
                .Aggregate(RuneSet.Empty, (all, p) => all.Union(p.Value));
        }

        categories["LC"] = categories["Lu"].Union(categories["Ll"]).Union(categories["Lt"]);
        return categories;
    }
}
