using System.Text.RegularExpressions;
using NomadGitOps.Sources;

namespace NomadGitOps.Objects;

/// <summary>The spec of a GitRepository: what to fetch, how often, and how its job files are found (DESIGN §1).</summary>
/// <param name="Url">The repository URL as written (https, http, ssh, scp-like <c>git@host:path</c>, git, file, or an absolute local path).</param>
/// <param name="Reference">The branch, tag, semver range or commit to follow.</param>
/// <param name="Path">The folder to search for job files, relative and normalized (<c>.</c> for the root).</param>
/// <param name="Include">Selects job files by their path below <paramref name="Path"/>.</param>
/// <param name="Exclude">Leaves out files by their path below <paramref name="Path"/>; null for none.</param>
/// <param name="Interval">How often the remote is checked.</param>
/// <param name="Timeout">Time limit of one git operation.</param>
/// <param name="Secret">Path of the variable holding credentials; null for none.</param>
/// <param name="Suspend">True stops reconciling.</param>
/// <param name="Prune">True deregisters jobs whose files vanished.</param>
/// <param name="Namespace">Default namespace for its jobs; null to use each job file's own.</param>
/// <param name="Variables">HCL2 variable values in var-file syntax; null for none.</param>
/// <param name="VarFiles">Var files in the repository, normalized.</param>
internal sealed partial record GitRepositorySpec(
    string Url,
    GitReference Reference,
    string Path,
    Regex Include,
    Regex? Exclude,
    TimeSpan Interval,
    TimeSpan Timeout,
    string? Secret,
    bool Suspend,
    bool Prune,
    string? Namespace,
    string? Variables,
    IReadOnlyList<string> VarFiles)
{
    /// <summary>The default <c>include</c>: Nomad job files.</summary>
    public const string DefaultInclude = @"\.nomad(\.hcl)?$";

    /// <summary>The default <c>interval</c>.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);

    /// <summary>The default <c>timeout</c>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(1);

    /// <summary>The shortest <c>interval</c> accepted, so one object cannot hammer a git server.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    /// <summary>Every spec item a GitRepository may hold.</summary>
    public static IReadOnlySet<string> Keys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ItemKeys.Url, ItemKeys.Branch, ItemKeys.Tag, ItemKeys.Semver, ItemKeys.Commit, ItemKeys.Path,
        ItemKeys.Include, ItemKeys.Exclude, ItemKeys.Interval, ItemKeys.Timeout, ItemKeys.Secret, ItemKeys.Suspend,
        ItemKeys.Prune, ItemKeys.Namespace, ItemKeys.Variables, ItemKeys.VarFiles, ItemKeys.ReconcileRequestedAt,
        ItemKeys.Description,
    };

    /// <summary>Reads and validates the spec items of a GitRepository; status items are ignored.</summary>
    public static SpecParseResult<GitRepositorySpec> Parse(IReadOnlyDictionary<string, string> items)
    {
        var reader = new SpecReader(items, Keys);
        reader.ReportUnknownKeys();
        var url = ParseUrl(reader);
        var reference = ParseReference(reader);
        var path = reader.RepositoryPath(ItemKeys.Path, ".", mayBeRoot: true);
        var include = reader.Pattern(ItemKeys.Include, DefaultInclude);
        var exclude = reader.Pattern(ItemKeys.Exclude, null);
        var interval = reader.Duration(ItemKeys.Interval, DefaultInterval, MinimumInterval);
        var timeout = reader.Duration(ItemKeys.Timeout, DefaultTimeout, TimeSpan.FromSeconds(1));
        var secret = ParseSecret(reader);
        var suspend = reader.Bool(ItemKeys.Suspend, false);
        var prune = reader.Bool(ItemKeys.Prune, false);
        var ns = reader.NamespaceName(ItemKeys.Namespace);
        var variables = reader.RawText(ItemKeys.Variables);
        var varFiles = reader.RepositoryPaths(ItemKeys.VarFiles);

        if (reader.Errors.Count > 0 || include is null)
        {
            return new SpecParseResult<GitRepositorySpec>(null, reader.Errors);
        }

        var spec = new GitRepositorySpec(url, reference, path, include, exclude, interval, timeout, secret, suspend, prune, ns, variables, varFiles);
        return new SpecParseResult<GitRepositorySpec>(spec, []);
    }

    /// <summary>Which files of a commit are this repository's job files (<c>path</c>, <c>include</c>, <c>exclude</c>).</summary>
    public JobFileSelection JobFiles => new(Path, Include, Exclude);

    /// <summary>
    /// The message for an <c>include</c>/<c>exclude</c> that ran out of its match timeout on a path (catastrophic
    /// backtracking, e.g. <c>^(a|aa)+$</c>): a person must simplify it, retrying cannot help.
    /// </summary>
    public static string SlowPatternMessage(RegexMatchTimeoutException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return $"the include/exclude regular expression \"{exception.Pattern}\" took over {exception.MatchTimeout.TotalSeconds:0.#}s on the path \"{exception.Input}\": simplify it (nested repetition such as (a+)+ backtracks without end).";
    }

    private static string ParseUrl(SpecReader reader)
    {
        var url = reader.Required(ItemKeys.Url, "the repository's URL, e.g. https://github.com/org/repo.git or git@github.com:org/repo.git");
        if (url.Length == 0)
        {
            return url;
        }

        if (url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            reader.Error(ItemKeys.Url, "item \"url\" holds a space or control character: write the URL alone");
            return url;
        }

        if (url.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                reader.Error(ItemKeys.Url, $"item \"url\" is \"{SecretRedactor.RedactUrls(url)}\", not a valid URL");
            }
            else if (uri.Scheme is not ("https" or "http" or "ssh" or "git+ssh" or "git" or "file"))
            {
                reader.Error(ItemKeys.Url, $"item \"url\" uses the scheme \"{uri.Scheme}\": use https, http, ssh, git or file");
            }
            else if (uri.Scheme != "file" && uri.Host.Length == 0)
            {
                reader.Error(ItemKeys.Url, $"item \"url\" is \"{SecretRedactor.RedactUrls(url)}\", which names no host");
            }
            else if (uri.UserInfo.Contains(':', StringComparison.Ordinal))
            {
                reader.Error(ItemKeys.Url, $"item \"url\" carries a password (\"{SecretRedactor.RedactUrls(url)}\"): remove it and put the credentials in the variable named by \"secret\"");
            }

            return url;
        }

        if (!ScpLikeUrl().IsMatch(url) && !url.StartsWith('/'))
        {
            reader.Error(ItemKeys.Url, $"item \"url\" is \"{url}\", not a URL git understands: use https://host/repo.git, ssh://git@host/repo.git, git@host:repo.git, git://host/repo.git or file:///path");
        }

        return url;
    }

    private static GitReference ParseReference(SpecReader reader)
    {
        var given = new List<GitReference>();
        foreach (var (key, kind) in new[]
        {
            (ItemKeys.Branch, GitReferenceKind.Branch), (ItemKeys.Tag, GitReferenceKind.Tag),
            (ItemKeys.Semver, GitReferenceKind.Semver), (ItemKeys.Commit, GitReferenceKind.Commit),
        })
        {
            if (reader.Text(key) is { } value)
            {
                given.Add(new GitReference(kind, value));
            }
        }

        if (given.Count > 1)
        {
            var names = string.Join(" and ", given.Select(g => $"\"{g.Kind.ToString().ToLowerInvariant()}\""));
            reader.Error(given[1].Kind.ToString().ToLowerInvariant(), $"items {names} are both set: keep exactly one of branch, tag, semver and commit");
            return given[0];
        }

        if (given.Count == 0)
        {
            return GitReference.DefaultBranch;
        }

        var reference = given[0];
        var itemKey = reference.Kind.ToString().ToLowerInvariant();
        switch (reference.Kind)
        {
            case GitReferenceKind.Commit:
                var sha = reference.Value.ToLowerInvariant();
                if (!CommitSha().IsMatch(sha))
                {
                    reader.Error(itemKey, $"item \"commit\" is \"{reference.Value}\", not a full commit SHA: write all 40 hex digits (64 for SHA-256 repositories)");
                }

                return reference with { Value = sha };
            case GitReferenceKind.Branch or GitReferenceKind.Tag when !IsValidRefName(reference.Value):
                reader.Error(itemKey, $"item \"{itemKey}\" is \"{reference.Value}\", not a valid git ref name (no spaces, '..', '~', '^', ':', '?', '*', '[', '\\' or leading '-')");
                return reference;
            default:
                return reference;
        }
    }

    private static string? ParseSecret(SpecReader reader)
    {
        var secret = reader.Text(ItemKeys.Secret);
        if (secret is not null && !VariablePath().IsMatch(secret))
        {
            reader.Error(ItemKeys.Secret, $"item \"secret\" is \"{secret}\", not a variable path: use up to 128 letters, digits, '-', '_', '~' and '/'");
        }

        return secret;
    }

    // After git's check-ref-format rules, the parts that matter for a name someone types.
    private static bool IsValidRefName(string name) =>
        !name.StartsWith('-') && !name.StartsWith('/') && !name.EndsWith('/') && !name.EndsWith('.')
        && !name.EndsWith(".lock", StringComparison.Ordinal) && !name.Contains("..", StringComparison.Ordinal)
        && !name.Contains("//", StringComparison.Ordinal) && !name.Contains("@{", StringComparison.Ordinal)
        && name != "@" && !name.Any(c => char.IsControl(c) || c is ' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\');

    // user@host:path or host:path, where the colon comes before any slash (git's rule for scp-like syntax).
    [GeneratedRegex(@"^(?:[^@/:]+@)?[^@/:]+:(?!//)[^\s]+$")]
    private static partial Regex ScpLikeUrl();

    [GeneratedRegex("^(?:[0-9a-f]{40}|[0-9a-f]{64})$")]
    private static partial Regex CommitSha();

    // validVariablePath in Nomad's nomad/structs/variables.go.
    [GeneratedRegex("^[a-zA-Z0-9_~/-]{1,128}$")]
    private static partial Regex VariablePath();
}
