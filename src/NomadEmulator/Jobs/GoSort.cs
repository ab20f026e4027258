namespace Nomad.Emulator.Jobs;

/// <summary>
/// Go's <c>sort.Sort</c> for short lists: an insertion sort driven by a <c>Less</c> function. Nomad's
/// <c>ObjectDiff.Less</c> is not a strict order (any smaller field makes it true), so the result depends on
/// the algorithm; Go sorts lists of up to 12 elements exactly this way.
/// </summary>
internal static class GoSort
{
    /// <summary>Sorts <paramref name="items"/> in place as Go's insertion sort does.</summary>
    public static void Sort<T>(List<T> items, Func<T, T, bool> less)
    {
        for (var i = 1; i < items.Count; i++)
        {
            for (var j = i; j > 0 && less(items[j], items[j - 1]); j--)
            {
                (items[j], items[j - 1]) = (items[j - 1], items[j]);
            }
        }
    }
}
