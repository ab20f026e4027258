namespace GoRegexpSyntax;

/// <summary>An immutable set of Unicode code points as sorted, disjoint, non-adjacent ranges (Go's cleaned class).</summary>
internal sealed class RuneSet
{
    /// <summary>The largest code point, Go's <c>unicode.MaxRune</c>.</summary>
    public const int MaxRune = 0x10FFFF;

    private RuneSet(IReadOnlyList<(int Lo, int Hi)> ranges) => Ranges = ranges;

    /// <summary>The ranges, sorted and merged.</summary>
    public IReadOnlyList<(int Lo, int Hi)> Ranges { get; }

    /// <summary>The empty set.</summary>
    public static RuneSet Empty { get; } = new([]);

    /// <summary>Every code point.</summary>
    public static RuneSet Any { get; } = new([(0, MaxRune)]);

    /// <summary>The set of the given ranges, in any order, overlapping or not.</summary>
    public static RuneSet Of(IEnumerable<(int Lo, int Hi)> ranges)
    {
        var sorted = ranges.Where(r => r.Lo <= r.Hi).OrderBy(r => r.Lo).ThenByDescending(r => r.Hi).ToList();
        var merged = new List<(int Lo, int Hi)>(sorted.Count);
        foreach (var (lo, hi) in sorted)
        {
            if (merged.Count > 0 && lo <= merged[^1].Hi + 1)
            {
                merged[^1] = (merged[^1].Lo, Math.Max(merged[^1].Hi, hi));
            }
            else
            {
                merged.Add((lo, hi));
            }
        }

        return new RuneSet(merged);
    }

    /// <summary>Every code point not in this set.</summary>
    public RuneSet Negate()
    {
        var result = new List<(int Lo, int Hi)>(Ranges.Count + 1);
        var next = 0;
        foreach (var (lo, hi) in Ranges)
        {
            if (next <= lo - 1)
            {
                result.Add((next, lo - 1));
            }

            next = hi + 1;
        }

        if (next <= MaxRune)
        {
            result.Add((next, MaxRune));
        }

        return new RuneSet(result);
    }

    /// <summary>The union of this set and <paramref name="other"/>.</summary>
    public RuneSet Union(RuneSet other) => Of(Ranges.Concat(other.Ranges));
}
