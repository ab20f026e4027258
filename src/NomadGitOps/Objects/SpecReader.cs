using System.Text.RegularExpressions;
using Nomad.Client;

namespace NomadGitOps.Objects;

/// <summary>
/// Reads typed values out of spec items and collects every problem as a <see cref="SpecError"/> instead of
/// stopping at the first, so one status message can list them all.
/// </summary>
internal sealed partial class SpecReader
{
    /// <summary>How long one include/exclude match may run before it is abandoned.</summary>
    public static readonly TimeSpan RegexMatchTimeout = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyDictionary<string, string> items;
    private readonly IReadOnlyCollection<string> knownKeys;
    private readonly List<SpecError> errors = [];

    /// <summary>A reader over <paramref name="items"/>, whose spec keys should all be in <paramref name="knownKeys"/>.</summary>
    public SpecReader(IReadOnlyDictionary<string, string> items, IReadOnlyCollection<string> knownKeys)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(knownKeys);
        this.items = items;
        this.knownKeys = knownKeys;
    }

    /// <summary>The problems found so far.</summary>
    public IReadOnlyList<SpecError> Errors => errors;

    /// <summary>Records a problem with <paramref name="key"/>.</summary>
    public void Error(string key, string message) => errors.Add(new SpecError(key, message));

    /// <summary>Reports every spec item whose key is not known, with the nearest known key as a hint.</summary>
    public void ReportUnknownKeys()
    {
        foreach (var key in items.Keys.Where(k => !ItemKeys.IsStatus(k) && !knownKeys.Contains(k)).Order(StringComparer.Ordinal))
        {
            var hint = NearestKnownKey(key) is { } near ? $": did you mean \"{near}\"?" : $"; known items are {string.Join(", ", knownKeys.Order(StringComparer.Ordinal))}";
            Error(key, $"item \"{key}\" is not a known item{hint}");
        }
    }

    /// <summary>The trimmed value of <paramref name="key"/>, or null when it is absent or blank.</summary>
    public string? Text(string key) =>
        items.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The value of <paramref name="key"/> exactly as written (not trimmed), or null when absent or blank.</summary>
    public string? RawText(string key) =>
        items.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The value of <paramref name="key"/>, or a problem saying it is missing and what it should hold.</summary>
    public string Required(string key, string whatToWrite)
    {
        if (Text(key) is { } value)
        {
            return value;
        }

        Error(key, $"item \"{key}\" is missing: set it to {whatToWrite}");
        return "";
    }

    /// <summary><c>true</c> or <c>false</c> exactly; anything else is a problem.</summary>
    public bool Bool(string key, bool defaultValue)
    {
        switch (Text(key))
        {
            case null:
                return defaultValue;
            case "true":
                return true;
            case "false":
                return false;
            case var other:
                Error(key, $"item \"{key}\" is \"{other}\", not a boolean: write true or false");
                return defaultValue;
        }
    }

    /// <summary>A Go duration (<c>30s</c>, <c>5m</c>, <c>1h30m</c>) of at least <paramref name="minimum"/>.</summary>
    public TimeSpan Duration(string key, TimeSpan defaultValue, TimeSpan minimum)
    {
        if (Text(key) is not { } text)
        {
            return defaultValue;
        }

        if (!GoDuration.TryParse(text, out var value))
        {
            Error(key, $"item \"{key}\" is \"{text}\", not a duration: use Go's syntax, e.g. \"30s\", \"5m\" or \"1h30m\"");
            return defaultValue;
        }

        if (value < minimum)
        {
            Error(key, $"item \"{key}\" is \"{text}\", below the minimum of {GoDuration.Format(minimum)}");
            return defaultValue;
        }

        return value;
    }

    /// <summary>A regular expression (.NET syntax, which agrees with Go's RE2 on ordinary patterns).</summary>
    public Regex? Pattern(string key, string? defaultPattern)
    {
        var text = RawText(key) ?? defaultPattern;
        if (text is null)
        {
            return null;
        }

        try
        {
            return new Regex(text, RegexOptions.CultureInvariant, RegexMatchTimeout);
        }
        catch (ArgumentException e)
        {
            Error(key, $"item \"{key}\" is \"{text}\", not a valid regular expression: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// A path inside the repository, normalized (<c>./jobs/</c> → <c>jobs</c>, nothing → <paramref name="defaultValue"/>);
    /// absolute paths, <c>..</c>, backslashes and control characters are problems.
    /// </summary>
    public string RepositoryPath(string key, string defaultValue, bool mayBeRoot)
    {
        if (Text(key) is not { } text)
        {
            return defaultValue;
        }

        if (TryNormalizeRepositoryPath(text, out var normalized, out var problem) && (mayBeRoot || normalized != "."))
        {
            return normalized;
        }

        Error(key, $"item \"{key}\" is \"{text}\": {problem ?? "it must name a file, not the repository's root"}");
        return defaultValue;
    }

    /// <summary>A list of paths inside the repository, separated by commas or new lines.</summary>
    public IReadOnlyList<string> RepositoryPaths(string key)
    {
        if (Text(key) is not { } text)
        {
            return [];
        }

        var result = new List<string>();
        foreach (var entry in text.Split([',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryNormalizeRepositoryPath(entry, out var normalized, out var problem) && normalized != ".")
            {
                result.Add(normalized);
            }
            else
            {
                Error(key, $"item \"{key}\" lists \"{entry}\": {problem ?? "it must name a file, not the repository's root"}");
            }
        }

        return result;
    }

    /// <summary>A Nomad namespace name (<c>^[a-zA-Z0-9-]{1,128}$</c>, <c>validNamespaceName</c> in Nomad's structs.go).</summary>
    public string? NamespaceName(string key)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (NamespacePattern().IsMatch(text))
        {
            return text;
        }

        Error(key, $"item \"{key}\" is \"{text}\", not a Nomad namespace name: use up to 128 letters, digits and '-'");
        return null;
    }

    /// <summary>
    /// Normalizes a repository-relative path; false with a sentence when it is absolute, climbs out with
    /// <c>..</c>, uses backslashes, or holds control characters.
    /// </summary>
    public static bool TryNormalizeRepositoryPath(string text, out string normalized, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        normalized = ".";
        problem = null;
        if (text.Any(char.IsControl))
        {
            problem = "it holds a control character";
        }
        else if (text.Contains('\\', StringComparison.Ordinal))
        {
            problem = "use '/' to separate folders, not '\\'";
        }
        else if (text.StartsWith('/') || DriveLetter().IsMatch(text))
        {
            problem = "it is absolute; write a path relative to the repository's root";
        }
        else
        {
            var segments = text.Split('/').Where(s => s is not ("" or ".")).ToList();
            if (segments.Contains(".."))
            {
                problem = "'..' may lead out of the repository; write a path below the repository's root";
            }
            else
            {
                normalized = segments.Count == 0 ? "." : string.Join('/', segments);
            }
        }

        return problem is null;
    }

    private string? NearestKnownKey(string key)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var known in knownKeys)
        {
            var distance = EditDistance(key.ToLowerInvariant(), known);
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(known, best) < 0))
            {
                best = known;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, key.Length / 3) ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex("^[a-zA-Z0-9-]{1,128}$")]
    private static partial Regex NamespacePattern();

    [GeneratedRegex("^[A-Za-z]:")]
    private static partial Regex DriveLetter();
}
