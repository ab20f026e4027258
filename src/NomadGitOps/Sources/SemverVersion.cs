using System.Globalization;
using System.Text.RegularExpressions;

namespace NomadGitOps.Sources;

/// <summary>A semantic version (major.minor.patch, optional pre-release; build metadata ignored).</summary>
internal sealed partial record SemverVersion(int Major, int Minor, int Patch, string PreRelease = "") : IComparable<SemverVersion>
{
    /// <summary>True for a pre-release such as <c>1.2.0-rc.1</c>.</summary>
    public bool IsPreRelease => PreRelease.Length > 0;

    /// <summary>Parses a tag name like <c>v1.2.3</c>, <c>1.2.3-rc.1+build</c>; null when it is not a version.</summary>
    public static SemverVersion? TryParse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return null;
        }
        return new SemverVersion(
            int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["patch"].Value, CultureInfo.InvariantCulture),
            match.Groups["pre"].Value);
    }

    /// <summary>Orders by precedence (semver.org §11): pre-releases before their release.</summary>
    public int CompareTo(SemverVersion? other)
    {
        if (other is null) { return 1; }
        var byNumbers = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (byNumbers != 0) { return byNumbers; }
        if (PreRelease == other.PreRelease) { return 0; }
        if (!IsPreRelease) { return 1; }
        if (!other.IsPreRelease) { return -1; }
        var left = PreRelease.Split('.');
        var right = other.PreRelease.Split('.');
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var leftNumeric = int.TryParse(left[i], NumberStyles.None, CultureInfo.InvariantCulture, out var l);
            var rightNumeric = int.TryParse(right[i], NumberStyles.None, CultureInfo.InvariantCulture, out var r);
            var compared = (leftNumeric, rightNumeric) switch
            {
                (true, true) => l.CompareTo(r),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(left[i], right[i]),
            };
            if (compared != 0) { return compared; }
        }
        return left.Length.CompareTo(right.Length);
    }

    /// <summary>The version as text, without a <c>v</c>.</summary>
    public override string ToString() => IsPreRelease ? $"{Major}.{Minor}.{Patch}-{PreRelease}" : $"{Major}.{Minor}.{Patch}";

    [GeneratedRegex(@"^[vV]?(?<major>0|[1-9]\d{0,8})\.(?<minor>0|[1-9]\d{0,8})\.(?<patch>0|[1-9]\d{0,8})(?:-(?<pre>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex Pattern();
}
