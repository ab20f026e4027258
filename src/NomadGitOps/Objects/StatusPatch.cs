namespace NomadGitOps.Objects;

/// <summary>
/// The status items one writer wants on a variable: the values it sets (<see cref="Items"/>), every key it owns
/// (owned keys missing from <see cref="Items"/> are removed), and which of its values may be cut to fit 64 KiB.
/// </summary>
internal sealed record StatusPatch
{
    /// <summary>A patch setting <paramref name="items"/>, all of which must be among <paramref name="ownedKeys"/>.</summary>
    public StatusPatch(IReadOnlyDictionary<string, string> items, IReadOnlySet<string> ownedKeys, IReadOnlySet<string> shrinkableKeys)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(ownedKeys);
        ArgumentNullException.ThrowIfNull(shrinkableKeys);
        if (items.Keys.FirstOrDefault(k => !ownedKeys.Contains(k)) is { } stray)
        {
            throw new ArgumentException($"The patch sets \"{stray}\", which it does not own.", nameof(items));
        }

        Items = items;
        OwnedKeys = ownedKeys;
        ShrinkableKeys = shrinkableKeys;
    }

    /// <summary>The values to set.</summary>
    public IReadOnlyDictionary<string, string> Items { get; }

    /// <summary>Every key this writer owns.</summary>
    public IReadOnlySet<string> OwnedKeys { get; }

    /// <summary>Free-text keys that may be truncated (with a marker) to keep the variable within 64 KiB.</summary>
    public IReadOnlySet<string> ShrinkableKeys { get; }
}
