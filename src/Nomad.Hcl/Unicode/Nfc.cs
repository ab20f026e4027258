using System.Collections.Frozen;
using System.Text;

namespace Nomad.Hcl.Unicode;

/// <summary>
/// Unicode Normalization Form C (UAX #15: canonical decomposition, canonical ordering, canonical composition), as cty
/// applies it to every string value. Written here because .NET's <see cref="string.Normalize()"/> does nothing under
/// InvariantGlobalization, which the project runs with. Data: <see cref="NfcTables"/>.
/// </summary>
internal static class Nfc
{
    private const int HangulBase = 0xAC00;
    private const int LeadBase = 0x1100;
    private const int VowelBase = 0x1161;
    private const int TrailBase = 0x11A7;
    private const int VowelCount = 21;
    private const int TrailCount = 28;
    private const int SyllableCount = 11172;

    private static readonly FrozenDictionary<int, byte> Classes = Pairs(NfcTables.CombiningClasses);
    private static readonly FrozenDictionary<int, int[]> Decomposed = DecompositionsOf(NfcTables.Decompositions);
    private static readonly FrozenDictionary<long, int> Composed = CompositesOf(NfcTables.Composites);

    /// <summary>
    /// <paramref name="text"/> in NFC. Text whose characters are all below U+0300 (every one of them NFC-stable) is
    /// returned as it is; a lone surrogate is kept as it is.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAnyInRange('\u0300', '\uffff') < 0)
        {
            return text;
        }

        var points = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var cp = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                ? char.ConvertToUtf32(c, text[++i])
                : c;
            Decompose(cp, points);
        }

        Reorder(points);
        Compose(points);
        var builder = new StringBuilder(text.Length);
        foreach (var cp in points)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                builder.Append((char)cp);
            }
            else
            {
                builder.Append(char.ConvertFromUtf32(cp));
            }
        }

        var result = builder.ToString();
        return result == text ? text : result;
    }

    private static int ClassOf(int cp) => Classes.TryGetValue(cp, out var c) ? c : 0;

    private static void Decompose(int cp, List<int> into)
    {
        var s = cp - HangulBase;
        if (s is >= 0 and < SyllableCount)
        {
            into.Add(LeadBase + (s / (VowelCount * TrailCount)));
            into.Add(VowelBase + (s % (VowelCount * TrailCount) / TrailCount));
            if (s % TrailCount != 0)
            {
                into.Add(TrailBase + (s % TrailCount));
            }

            return;
        }

        if (Decomposed.TryGetValue(cp, out var parts))
        {
            into.AddRange(parts);
        }
        else
        {
            into.Add(cp);
        }
    }

    // Canonical ordering: each run of non-starters is stably sorted by combining class.
    private static void Reorder(List<int> points)
    {
        for (var i = 1; i < points.Count; i++)
        {
            var c = ClassOf(points[i]);
            if (c == 0)
            {
                continue;
            }

            var j = i;
            while (j > 0 && ClassOf(points[j - 1]) > c)
            {
                (points[j - 1], points[j]) = (points[j], points[j - 1]);
                j--;
            }
        }
    }

    // Canonical composition: each character joins the last starter when it is not blocked from it.
    private static void Compose(List<int> points)
    {
        if (points.Count == 0)
        {
            return;
        }

        var starter = ClassOf(points[0]) == 0 ? 0 : -1;
        var lastClass = starter == 0 ? 0 : 256;
        var write = 1;
        for (var read = 1; read < points.Count; read++)
        {
            var cp = points[read];
            var c = ClassOf(cp);
            if (starter >= 0 && (lastClass < c || (lastClass == 0 && write == starter + 1)) && TryCompose(points[starter], cp, out var composite))
            {
                points[starter] = composite;
                continue;
            }

            if (c == 0)
            {
                starter = write;
            }

            lastClass = c;
            points[write++] = cp;
        }

        points.RemoveRange(write, points.Count - write);
    }

    private static bool TryCompose(int first, int second, out int composite)
    {
        var l = first - LeadBase;
        if (l is >= 0 and < 19)
        {
            var v = second - VowelBase;
            if (v is >= 0 and < VowelCount)
            {
                composite = HangulBase + (((l * VowelCount) + v) * TrailCount);
                return true;
            }
        }

        var s = first - HangulBase;
        if (s is >= 0 and < SyllableCount && s % TrailCount == 0)
        {
            var t = second - TrailBase;
            if (t is > 0 and < TrailCount)
            {
                composite = first + t;
                return true;
            }
        }

        return Composed.TryGetValue(((long)first << 21) | (uint)second, out composite);
    }

    private static FrozenDictionary<int, byte> Pairs(int[] table)
    {
        var map = new Dictionary<int, byte>(table.Length / 2);
        for (var i = 0; i < table.Length; i += 2)
        {
            map[table[i]] = (byte)table[i + 1];
        }

        return map.ToFrozenDictionary();
    }

    private static FrozenDictionary<int, int[]> DecompositionsOf(int[] table)
    {
        var map = new Dictionary<int, int[]>();
        for (var i = 0; i < table.Length;)
        {
            var length = table[i + 1];
            map[table[i]] = table[(i + 2)..(i + 2 + length)];
            i += 2 + length;
        }

        return map.ToFrozenDictionary();
    }

    private static FrozenDictionary<long, int> CompositesOf(int[] table)
    {
        var map = new Dictionary<long, int>(table.Length / 3);
        for (var i = 0; i < table.Length; i += 3)
        {
            map[((long)table[i] << 21) | (uint)table[i + 1]] = table[i + 2];
        }

        return map.ToFrozenDictionary();
    }
}
