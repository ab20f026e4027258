using System.Text;

namespace NomadGitOps.Objects;

/// <summary>
/// Nomad's size limit on a variable: the UTF-8 byte lengths of every item key and value together may not
/// pass 65,536 (<c>maxVariableSize</c> and <c>VariableItems.Size</c> in <c>nomad/structs/variables.go</c>).
/// Texts are cut on character boundaries and end with <see cref="Marker"/>.
/// </summary>
internal static class ItemBudget
{
    /// <summary>The most bytes the items of one variable may hold.</summary>
    public const int MaxVariableBytes = 65_536;

    /// <summary>What ends a text that was cut.</summary>
    public const string Marker = "…[truncated]";

    /// <summary>The size of <see cref="Marker"/> in UTF-8 bytes.</summary>
    public static readonly int MarkerBytes = Encoding.UTF8.GetByteCount(Marker);

    /// <summary>The size Nomad counts for <paramref name="items"/>.</summary>
    public static long Size(IEnumerable<KeyValuePair<string, string>> items) =>
        items.Sum(kv => (long)Encoding.UTF8.GetByteCount(kv.Key) + Encoding.UTF8.GetByteCount(kv.Value));

    /// <summary>
    /// <paramref name="text"/> unchanged when it fits in <paramref name="maxBytes"/> UTF-8 bytes, else as much of
    /// its start as fits followed by <see cref="Marker"/> (never splitting a character).
    /// </summary>
    public static string Truncate(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, MarkerBytes);
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var room = maxBytes - MarkerBytes;
        var kept = 0;
        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (kept + rune.Utf8SequenceLength > room)
            {
                break;
            }

            kept += rune.Utf8SequenceLength;
            length += rune.Utf16SequenceLength;
        }

        return string.Concat(text.AsSpan(0, length), Marker);
    }

    /// <summary>
    /// Cuts the values of <paramref name="shrinkableKeys"/> in <paramref name="items"/>, largest first, until the
    /// whole fits in <paramref name="limit"/> bytes.
    /// </summary>
    /// <exception cref="VariableTooLargeException">The items do not fit even with every shrinkable value cut to the marker.</exception>
    public static void Fit(IDictionary<string, string> items, IReadOnlyCollection<string> shrinkableKeys, int limit = MaxVariableBytes)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(shrinkableKeys);
        var size = Size(items);
        while (size > limit)
        {
            var largest = shrinkableKeys
                .Where(items.ContainsKey)
                .Select(k => (Key: k, Bytes: Encoding.UTF8.GetByteCount(items[k])))
                .Where(x => x.Bytes > MarkerBytes)
                .OrderByDescending(x => x.Bytes)
                .ThenBy(x => x.Key, StringComparer.Ordinal)
                .FirstOrDefault();
            if (largest.Key is null)
            {
                throw new VariableTooLargeException(size, limit);
            }

            var target = (int)Math.Max(MarkerBytes, largest.Bytes - (size - limit));
            var cut = Truncate(items[largest.Key], target);
            size += Encoding.UTF8.GetByteCount(cut) - largest.Bytes;
            items[largest.Key] = cut;
        }
    }
}
