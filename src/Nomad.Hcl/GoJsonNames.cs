namespace Nomad.Hcl;

/// <summary>
/// How Go's <c>encoding/json</c> (v1, the default implementation of Go 1.26) matches an object key to a struct field:
/// the exact name first, else the first field whose folded name equals the key's folded name (<c>fold.go</c>
/// <c>foldName</c>). Folding upper-cases ASCII letters and maps every other rune to the least rune of its
/// <c>unicode.SimpleFold</c> orbit (<c>foldRune</c>). The only non-ASCII runes whose orbit holds an ASCII letter are
/// the Kelvin sign U+212A (orbit K, k, U+212A) and the long s U+017F (orbit S, s, U+017F); dotted and dotless i
/// (U+0130, U+0131) fold only to themselves in Go's <c>caseOrbit</c>. Every api field name is ASCII, so a key matches
/// a field exactly when it folds to the field's folded name by those rules.
/// </summary>
public static class GoJsonNames
{
    /// <summary>
    /// The folded form of <paramref name="name"/> as far as matching ASCII field names needs: ASCII letters upper-cased,
    /// U+212A to <c>K</c>, U+017F to <c>S</c>; other non-ASCII characters stay non-ASCII (their Go fold is non-ASCII too).
    /// </summary>
    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Create(name.Length, name, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    >= 'a' and <= 'z' and var c => (char)(c - ('a' - 'A')),
                    '\u212A' => 'K',
                    '\u017F' => 'S',
                    var c => c,
                };
            }
        });
    }

    /// <summary>Whether the key <paramref name="key"/> names the field <paramref name="fieldName"/> by folding.</summary>
    public static bool FoldEquals(string key, string fieldName) =>
        string.Equals(Fold(key), Fold(fieldName), StringComparison.Ordinal);

    /// <summary>
    /// The index in <paramref name="fieldNames"/> that Go assigns the key to: an exact match, else the first folded match,
    /// else -1 (the key is dropped).
    /// </summary>
    public static int FieldIndex(IReadOnlyList<string?> fieldNames, string key)
    {
        ArgumentNullException.ThrowIfNull(fieldNames);
        ArgumentNullException.ThrowIfNull(key);
        var folded = -1;
        string? foldedKey = null;
        for (var i = 0; i < fieldNames.Count; i++)
        {
            if (fieldNames[i] is not { } name)
            {
                continue;
            }

            if (string.Equals(name, key, StringComparison.Ordinal))
            {
                return i;
            }

            if (folded < 0 && string.Equals(Fold(name), foldedKey ??= Fold(key), StringComparison.Ordinal))
            {
                folded = i;
            }
        }

        return folded;
    }
}
