namespace GoRegexpSyntax;

/// <summary>
/// Go's case folding for <c>(?i)</c>: a rune matches every rune of its <c>unicode.SimpleFold</c> orbit (k, K and
/// the Kelvin sign; s, S and long s; σ, ς and Σ), the classes of Unicode's simple case folding (CaseFolding.txt,
/// status C and S) of the Unicode version Go's tables follow (15.0.0, <see cref="UnicodeTables"/>); dotted and
/// dotless i have no simple folding and stay alone, as in Go.
/// </summary>
internal static class CaseFolding
{
    // Go's minFold and maxFold: no rune outside this range folds.
    private const int MinFold = 0x41;
    private const int MaxFold = 0x1E943;

    private static readonly Lazy<Dictionary<int, int[]>> Orbits = new(ComputeOrbits);

    /// <summary>The runes <paramref name="rune"/> matches under <c>(?i)</c>, itself included.</summary>
    public static IReadOnlyList<int> Orbit(int rune) =>
        Orbits.Value.TryGetValue(rune, out var orbit) ? orbit : [rune];

    /// <summary>
    /// Go's <c>unicode.SimpleFold</c>: the next rune of the orbit above <paramref name="rune"/>, wrapping round to
    /// the smallest; the rune itself when it folds to nothing else.
    /// </summary>
    public static int SimpleFold(int rune)
    {
        var orbit = Orbit(rune);
        var next = int.MaxValue;
        var least = rune;
        foreach (var r in orbit)
        {
            if (r > rune && r < next)
            {
                next = r;
            }

            least = Math.Min(least, r);
        }

        return next != int.MaxValue ? next : least;
    }

    /// <summary>Go's <c>minFoldRune</c>: the least rune of the orbit, which a <c>(?i)</c> literal stores.</summary>
    public static int MinFoldRune(int rune) => Orbit(rune).Min();

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
        var orbits = new Dictionary<int, int[]>();
        foreach (var orbit in UnicodeTables.FoldClasses)
        {
            foreach (var c in orbit)
            {
                orbits[c] = orbit;
            }
        }

        return orbits;
    }
}
