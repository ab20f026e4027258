using System.Text;

namespace NomadGitOps.Tests.Objects;

/// <summary>Random texts for property-style tests: ASCII, path punctuation, the escape char, and multi-byte characters.</summary>
internal static class RandomText
{
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", "9", "-", "_", ".", "/", "~", "~2e", "~h", " ", ":", "@", "%", "+", "é", "ß", "日本", "😀", "\u00a0", "\t", "~7e",
    ];

    public static string Next(Random random, int maxLength)
    {
        var length = random.Next(1, maxLength + 1);
        var sb = new StringBuilder();
        while (sb.Length < length)
        {
            sb.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return sb.ToString();
    }
}
