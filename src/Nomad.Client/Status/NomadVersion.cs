using System.Globalization;

namespace Nomad.Client;

/// <summary>
/// A Nomad release as <c>/v1/agent/self</c> reports it: <c>config.Version.Version</c> (<c>version.VersionInfo</c>,
/// e.g. <c>1.10.5</c>) with <c>VersionMetadata</c> <c>ent</c> on Enterprise, else the member's <c>build</c> tag
/// (<c>1.10.5+ent</c>).
/// </summary>
public sealed record NomadVersion(int Major, int Minor, int Patch, bool Enterprise)
{
    /// <summary>Parses <c>1.10.5</c>, <c>1.11.0-beta.1</c>, <c>2.0.4+ent</c>; null when it is not a version.</summary>
    public static NomadVersion? Parse(string? text, string? metadata = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var plus = text.IndexOf('+', StringComparison.Ordinal);
        var meta = metadata ?? (plus >= 0 ? text[(plus + 1)..] : "");
        var core = text.TrimStart('v').Split('-', '+')[0].Split('.');
        if (core.Length < 2 || !int.TryParse(core[0], CultureInfo.InvariantCulture, out var major) || !int.TryParse(core[1], CultureInfo.InvariantCulture, out var minor))
        {
            return null;
        }

        var patch = core.Length > 2 && int.TryParse(core[2], CultureInfo.InvariantCulture, out var p) ? p : 0;
        return new NomadVersion(major, minor, patch, meta.Contains("ent", StringComparison.Ordinal));
    }

    /// <summary>True when this release is older than <paramref name="major"/>.<paramref name="minor"/>.<paramref name="patch"/>.</summary>
    public bool IsBefore(int major, int minor, int patch) => (Major, Minor, Patch).CompareTo((major, minor, patch)) < 0;

    /// <inheritdoc />
    public override string ToString() => $"{Major}.{Minor}.{Patch}{(Enterprise ? "+ent" : "")}";
}
