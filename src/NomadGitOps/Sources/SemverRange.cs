using System.Globalization;
using System.Text.RegularExpressions;

namespace NomadGitOps.Sources;

/// <summary>
/// A semver range over tags: comparators joined by spaces (and) or <c>||</c> (or), e.g. <c>&gt;=1.2.0 &lt;2.0.0</c>,
/// <c>^1.2</c>, <c>~1.2.3</c>, <c>1.x</c>, <c>*</c>. Pre-releases match only when the range names one.
/// </summary>
internal sealed partial class SemverRange
{
    private readonly IReadOnlyList<IReadOnlyList<(string Op, SemverVersion Version)>> alternatives;
    private readonly bool allowsPreRelease;

    private SemverRange(string text, IReadOnlyList<IReadOnlyList<(string, SemverVersion)>> alternatives, bool allowsPreRelease)
    {
        Text = text;
        this.alternatives = alternatives;
        this.allowsPreRelease = allowsPreRelease;
    }

    /// <summary>The range as written.</summary>
    public string Text { get; }

    /// <summary>Parses a range; throws <see cref="GitException"/> (<see cref="GitErrorKind.InvalidSpec"/>) with a readable message.</summary>
    public static SemverRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var alternatives = new List<IReadOnlyList<(string, SemverVersion)>>();
        var allowsPreRelease = false;
        foreach (var part in text.Split("||"))
        {
            var comparators = new List<(string, SemverVersion)>();
            // Allow ">= 1.2.0" by gluing an operator to the token that follows it.
            var tokens = Spaces().Split(OperatorSpace().Replace(part.Trim(), "$1")).Where(t => t.Length > 0).ToList();
            if (tokens.Count == 0)
            {
                tokens.Add("*");
            }
            foreach (var token in tokens)
            {
                var match = Comparator().Match(token);
                if (!match.Success)
                {
                    throw new GitException(GitErrorKind.InvalidSpec,
                        $"semver range '{text}' is not valid at '{token}': use forms like '>=1.2.0 <2.0.0', '^1.2', '~1.2.3', '1.x' or '*'.");
                }
                allowsPreRelease |= match.Groups["pre"].Success;
                comparators.AddRange(Expand(match));
            }
            alternatives.Add(comparators);
        }
        return new SemverRange(text, alternatives, allowsPreRelease);
    }

    /// <summary>True when <paramref name="version"/> is in the range.</summary>
    public bool Contains(SemverVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.IsPreRelease && !allowsPreRelease)
        {
            return false;
        }
        return alternatives.Any(all => all.All(c => Satisfies(version, c.Op, c.Version)));
    }

    /// <summary>The highest version in the range among <paramref name="candidates"/>, or null.</summary>
    public T? Highest<T>(IEnumerable<T> candidates, Func<T, SemverVersion?> version)
        where T : class =>
        candidates
            .Select(c => (Candidate: c, Version: version(c)))
            .Where(c => c.Version is not null && Contains(c.Version))
            .OrderByDescending(c => c.Version)
            .Select(c => c.Candidate)
            .FirstOrDefault();

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static bool Satisfies(SemverVersion version, string op, SemverVersion bound)
    {
        var compared = version.CompareTo(bound);
        return op switch
        {
            ">" => compared > 0,
            ">=" => compared >= 0,
            "<" => compared < 0,
            "<=" => compared <= 0,
            _ => compared == 0,
        };
    }

    private static IEnumerable<(string, SemverVersion)> Expand(Match match)
    {
        var op = match.Groups["op"].Value;
        var pre = match.Groups["pre"].Success ? match.Groups["pre"].Value : "";
        int? Part(string name) =>
            match.Groups[name].Success && match.Groups[name].Value is not ("x" or "X" or "*")
                ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture)
                : null;
        var (major, minor, patch) = (Part("major"), Part("minor"), Part("patch"));
        if (major is null)
        {
            return [(">=", new SemverVersion(0, 0, 0))];
        }
        var low = new SemverVersion(major.Value, minor ?? 0, patch ?? 0, pre);
        var nextMajor = new SemverVersion(major.Value + 1, 0, 0);
        var nextMinor = new SemverVersion(major.Value, (minor ?? 0) + 1, 0);
        var nextPatch = new SemverVersion(major.Value, minor ?? 0, (patch ?? 0) + 1);
        // The exclusive upper bound of a partial version: 1 → <2.0.0, 1.2 → <1.3.0.
        var partialEnd = minor is null ? nextMajor : nextMinor;
        return op switch
        {
            "^" when major > 0 || minor is null => [(">=", low), ("<", nextMajor)],
            "^" when minor > 0 || patch is null => [(">=", low), ("<", nextMinor)],
            "^" => [(">=", low), ("<", nextPatch)],
            "~" when minor is null => [(">=", low), ("<", nextMajor)],
            "~" => [(">=", low), ("<", nextMinor)],
            ">" when patch is null => [(">=", partialEnd)],
            "<=" when patch is null => [("<", partialEnd)],
            ">" or ">=" or "<" or "<=" => [(op, low)],
            _ when patch is null => [(">=", low), ("<", partialEnd)],
            _ => [("=", low)],
        };
    }

    [GeneratedRegex(@"^(?<op>\^|~|>=|<=|>|<|=)?[vV]?(?<major>\d+|[xX*])(?:\.(?<minor>\d+|[xX*]))?(?:\.(?<patch>\d+|[xX*]))?(?:-(?<pre>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$")]
    private static partial Regex Comparator();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(\^|~|>=|<=|>|<|=)\s+")]
    private static partial Regex OperatorSpace();
}
