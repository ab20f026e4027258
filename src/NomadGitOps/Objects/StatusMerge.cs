namespace NomadGitOps.Objects;

/// <summary>
/// Applies one writer's status items onto the items stored in Nomad. Used for the first write and again on
/// the freshly read items after a CAS conflict: whatever the other side wrote (spec edits by a person, status
/// of another controller) is kept; only the writer's own keys are set or removed.
/// </summary>
internal static class StatusMerge
{
    /// <summary>
    /// Every item of <paramref name="stored"/> that <paramref name="patch"/> does not own, plus the patch's items,
    /// with the patch's free text cut to keep the variable within 64 KiB. <see cref="MergeResult.Changed"/> compares
    /// the owned keys before and after, so an unchanged status is never written.
    /// </summary>
    /// <exception cref="VariableTooLargeException">The items cannot fit in 64 KiB.</exception>
    public static MergeResult Apply(IReadOnlyDictionary<string, string> stored, StatusPatch patch)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(patch);
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in stored)
        {
            if (!patch.OwnedKeys.Contains(key))
            {
                merged[key] = value;
            }
        }

        foreach (var (key, value) in patch.Items)
        {
            merged[key] = value;
        }

        ItemBudget.Fit(merged, patch.ShrinkableKeys);
        var changed = patch.OwnedKeys.Any(key =>
            stored.TryGetValue(key, out var before) != merged.TryGetValue(key, out var after)
            || !string.Equals(before, after, StringComparison.Ordinal));
        return new MergeResult(merged, changed);
    }
}
