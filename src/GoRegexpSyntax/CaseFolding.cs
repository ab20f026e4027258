using System.Text;

namespace GoRegexpSyntax;

/// <summary>
/// Go's case folding for <c>(?i)</c>: a rune matches every rune of its <c>unicode.SimpleFold</c> orbit (k, K and
/// the Kelvin sign; s, S and long s; σ, ς and Σ). The orbits are rebuilt from .NET's simple case mappings: runes
/// whose lower-then-upper case is the same share an orbit; long s joins S (.NET leaves that mapping out), dotted and
/// dotless i stay alone, as in Go.
/// </summary>
internal static class CaseFolding
{
    // Go's minFold and maxFold: no rune outside this range folds.
    private const int MinFold = 0x41;
    private const int MaxFold = 0x1E943;

    private const int LongS = 0x17F;

    private static readonly Lazy<Dictionary<int, int[]>> Orbits = new(ComputeOrbits);

    /// <summary>The runes <paramref name="rune"/> matches under <c>(?i)</c>, itself included.</summary>
    public static IReadOnlyList<int> Orbit(int rune) =>
        Orbits.Value.TryGetValue(rune, out var orbit) ? orbit : [rune];

    /// <summary><paramref name="set"/> with every member's orbit added (Go's appendFoldedRange).</summary>
    public static RuneSet Fold(RuneSet set)
    {
        var ranges = new List<(int Lo, int Hi)>(set.Ranges);
        foreach (var (lo, hi) in set.Ranges)
        {
            for (var c = Math.Max(lo, MinFold); c <= Math.Min(hi, MaxFold); c++)
            {
                if (Orbits.Value.TryGetValue(c, out var orbit))
                {
                    ranges.AddRange(orbit.Select(o => (o, o)));
                }
            }
        }

        return RuneSet.Of(ranges);
    }

    private static Dictionary<int, int[]> ComputeOrbits()
    {
        var groups = new Dictionary<int, List<int>>();
        for (var c = MinFold; c <= MaxFold; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF or 0x130 or 0x131)
            {
                continue;
            }

            // .NET keeps long s out of S's mapping (no non-ASCII letter upper-cases to ASCII there); Go folds it.
            var key = c == LongS ? 'S' : Rune.ToUpperInvariant(Rune.ToLowerInvariant(new Rune(c))).Value;
            if (key is 0x130 or 0x131)
            {
                continue;
            }

            if (!groups.TryGetValue(key, out var members))
            {
                groups[key] = members = [];
            }

            members.Add(c);
        }

        var orbits = new Dictionary<int, int[]>();
        foreach (var members in groups.Values.Where(m => m.Count > 1))
        {
            var orbit = members.ToArray();
            foreach (var c in orbit)
            {
                orbits[c] = orbit;
            }
        }

        return orbits;
    }
}
