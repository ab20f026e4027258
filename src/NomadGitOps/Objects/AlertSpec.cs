namespace NomadGitOps.Objects;

/// <summary>
/// The spec of an Alert (<c>&lt;prefix&gt;/alert/&lt;name&gt;</c>): where notifications go, in which shape, for which events and
/// objects.
/// </summary>
/// <param name="Type">The shape of the body (Slack, Discord, Teams, generic JSON).</param>
/// <param name="Address">The URL from the <c>address</c> item; null when the <c>secret</c> variable holds it.</param>
/// <param name="Secret">Path of a variable whose item <c>address</c> holds the URL and, for <c>generic</c>, whose item <c>token</c> signs the body.</param>
/// <param name="Events">The events reported.</param>
/// <param name="Repositories">GitRepository names reported (also filters NomadJobs by their <c>repository</c>); <c>*</c> for all.</param>
/// <param name="Jobs">NomadJobs reported, as <c>namespace/job-id</c> or <c>job-id</c>; <c>*</c> for all.</param>
/// <param name="Suspend">True sends nothing.</param>
internal sealed record AlertSpec(
    AlertType Type,
    Uri? Address,
    string? Secret,
    IReadOnlyList<AlertEventKind> Events,
    IReadOnlyList<string> Repositories,
    IReadOnlyList<string> Jobs,
    bool Suspend)
{
    /// <summary>Every spec item an Alert may hold.</summary>
    public static IReadOnlySet<string> Keys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ItemKeys.Type, ItemKeys.Address, ItemKeys.Secret, ItemKeys.Events, ItemKeys.Repositories, ItemKeys.Jobs,
        ItemKeys.Suspend, ItemKeys.Description,
    };

    /// <summary>The <c>type</c> values, as written in the item.</summary>
    public static IReadOnlyDictionary<string, AlertType> TypeNames { get; } = new Dictionary<string, AlertType>(StringComparer.Ordinal)
    {
        ["slack"] = AlertType.Slack,
        ["discord"] = AlertType.Discord,
        ["teams"] = AlertType.Teams,
        ["generic"] = AlertType.Generic,
    };

    /// <summary>The name of <see cref="Type"/> as written in the item.</summary>
    public string TypeName => TypeNames.First(t => t.Value == Type).Key;

    /// <summary>True when this alert reports events of <paramref name="kind"/>.</summary>
    public bool Reports(AlertEventKind kind) => Events.Contains(kind);

    /// <summary>True when an event of the GitRepository called <paramref name="name"/> passes the filters.</summary>
    public bool CoversRepository(string name) => Matches(Repositories, name);

    /// <summary>True when an event of NomadJob <paramref name="jobId"/> in <paramref name="namespace"/>, made from <paramref name="repository"/>, passes the filters.</summary>
    public bool CoversJob(string @namespace, string jobId, string? repository) =>
        (Matches(Jobs, jobId) || Matches(Jobs, $"{@namespace}/{jobId}"))
        && (Repositories.Contains("*", StringComparer.Ordinal) || (repository is not null && Matches(Repositories, repository)));

    /// <summary>Reads and validates the spec items of an Alert; status items are ignored.</summary>
    public static SpecParseResult<AlertSpec> Parse(IReadOnlyDictionary<string, string> items)
    {
        var reader = new SpecReader(items, Keys);
        reader.ReportUnknownKeys();
        var typeText = reader.Required(ItemKeys.Type, "slack, discord, teams or generic");
        var type = AlertType.Generic;
        if (typeText.Length > 0 && !TypeNames.TryGetValue(typeText.ToLowerInvariant(), out type))
        {
            reader.Error(ItemKeys.Type, $"item \"type\" is \"{typeText}\": use slack, discord, teams or generic");
        }

        Uri? address = null;
        if (reader.Text(ItemKeys.Address) is { } addressText)
        {
            // The text is a credential for Slack and Teams: the message never repeats it.
            if (TryParseAddress(addressText, out var parsed))
            {
                address = parsed;
            }
            else
            {
                reader.Error(ItemKeys.Address, "item \"address\" is not an absolute http or https URL: write the webhook's URL, e.g. https://hooks.example.com/…");
            }
        }

        var secret = reader.Text(ItemKeys.Secret);
        if (secret is not null && !IsVariablePath(secret))
        {
            reader.Error(ItemKeys.Secret, $"item \"secret\" is \"{secret}\", not a variable path: use up to 128 letters, digits, '-', '_', '~' and '/'");
        }

        if (reader.Text(ItemKeys.Address) is null && secret is null)
        {
            reader.Error(ItemKeys.Address, "neither \"address\" nor \"secret\" is set: set \"secret\" to the path of a variable whose item \"address\" holds the webhook URL (or \"address\" to the URL itself)");
        }

        var events = new List<AlertEventKind>();
        foreach (var name in List(reader.Text(ItemKeys.Events)))
        {
            if (AlertEventNames.ByName.TryGetValue(name.ToLowerInvariant(), out var kind))
            {
                if (!events.Contains(kind))
                {
                    events.Add(kind);
                }
            }
            else
            {
                reader.Error(ItemKeys.Events, $"item \"events\" lists \"{name}\": use any of {string.Join(", ", AlertEventNames.ByName.Keys)}");
            }
        }

        var repositories = List(reader.Text(ItemKeys.Repositories));
        var jobs = List(reader.Text(ItemKeys.Jobs));
        var suspend = reader.Bool(ItemKeys.Suspend, false);
        if (reader.Errors.Count > 0)
        {
            return new SpecParseResult<AlertSpec>(null, reader.Errors);
        }

        var spec = new AlertSpec(
            type,
            address,
            secret,
            events.Count > 0 ? events : AlertEventNames.Default,
            repositories.Count > 0 ? repositories : ["*"],
            jobs.Count > 0 ? jobs : ["*"],
            suspend);
        return new SpecParseResult<AlertSpec>(spec, []);
    }

    /// <summary>True for an absolute http or https URL with a host.</summary>
    public static bool TryParseAddress(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? address)
    {
        address = Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed)
            && parsed.Scheme is "http" or "https"
            && parsed.Host.Length > 0
            ? parsed
            : null;
        return address is not null;
    }

    private static bool Matches(IReadOnlyList<string> patterns, string name) =>
        patterns.Contains("*", StringComparer.Ordinal) || patterns.Contains(name, StringComparer.Ordinal);

    private static List<string> List(string? text) =>
        text is null ? [] : [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    // validVariablePath in Nomad's nomad/structs/variables.go.
    private static bool IsVariablePath(string path) =>
        path.Length <= 128 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '~' or '/');
}
