namespace NomadGitOps.Objects;

/// <summary>The spec of a webhook Receiver (<c>&lt;prefix&gt;/receiver/&lt;name&gt;</c>): which host signs, with which secret, and what it may trigger.</summary>
/// <param name="Type">The Git host whose deliveries it takes.</param>
/// <param name="Secret">Path of the variable whose item <c>token</c> holds the shared secret.</param>
/// <param name="Events">Event names acted on (compared ignoring case); others are answered <c>200</c> and ignored.</param>
/// <param name="Repositories">GitRepository names it may trigger; <c>*</c> for all.</param>
/// <param name="Suspend">True answers every delivery with <c>503</c>.</param>
internal sealed record ReceiverSpec(
    ReceiverType Type,
    string Secret,
    IReadOnlyList<string> Events,
    IReadOnlyList<string> Repositories,
    bool Suspend)
{
    /// <summary>Every spec item a Receiver may hold.</summary>
    public static IReadOnlySet<string> Keys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ItemKeys.Type, ItemKeys.Secret, ItemKeys.Events, ItemKeys.Repositories, ItemKeys.Suspend, ItemKeys.Description,
    };

    /// <summary>The <c>type</c> values, as written in the item.</summary>
    public static IReadOnlyDictionary<string, ReceiverType> TypeNames { get; } = new Dictionary<string, ReceiverType>(StringComparer.Ordinal)
    {
        ["github"] = ReceiverType.GitHub,
        ["gitlab"] = ReceiverType.GitLab,
        ["gitea"] = ReceiverType.Gitea,
        ["bitbucket"] = ReceiverType.Bitbucket,
        ["generic"] = ReceiverType.Generic,
    };

    /// <summary>The events a receiver of <paramref name="type"/> acts on when it names none.</summary>
    public static IReadOnlyList<string> DefaultEvents(ReceiverType type) => type switch
    {
        ReceiverType.GitHub => ["push"],
        ReceiverType.GitLab => ["Push Hook", "Tag Push Hook"],
        ReceiverType.Gitea => ["push"],
        ReceiverType.Bitbucket => ["repo:refs_changed", "repo:push"],
        ReceiverType.Generic => ["push"],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>True when <paramref name="eventName"/> is one this receiver acts on.</summary>
    public bool Accepts(string eventName) => Events.Contains(eventName, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when this receiver may trigger the GitRepository called <paramref name="repository"/>.</summary>
    public bool MayTrigger(string repository) => Repositories.Contains("*", StringComparer.Ordinal) || Repositories.Contains(repository, StringComparer.Ordinal);

    /// <summary>Reads and validates the spec items of a Receiver; status items are ignored.</summary>
    public static SpecParseResult<ReceiverSpec> Parse(IReadOnlyDictionary<string, string> items)
    {
        var reader = new SpecReader(items, Keys);
        reader.ReportUnknownKeys();
        var typeText = reader.Required(ItemKeys.Type, "github, gitlab, gitea, bitbucket or generic");
        var type = ReceiverType.Generic;
        if (typeText.Length > 0 && !TypeNames.TryGetValue(typeText.ToLowerInvariant(), out type))
        {
            reader.Error(ItemKeys.Type, $"item \"type\" is \"{typeText}\": use github, gitlab, gitea, bitbucket or generic");
        }

        var secret = reader.Required(ItemKeys.Secret, "the path of a variable whose item \"token\" holds the webhook secret, e.g. nomad-gitops/secrets/webhook");
        if (secret.Length > 0 && !IsVariablePath(secret))
        {
            reader.Error(ItemKeys.Secret, $"item \"secret\" is \"{secret}\", not a variable path: use up to 128 letters, digits, '-', '_', '~' and '/'");
        }

        var events = List(reader.Text(ItemKeys.Events));
        var repositories = List(reader.Text(ItemKeys.Repositories));
        var suspend = reader.Bool(ItemKeys.Suspend, false);
        if (reader.Errors.Count > 0)
        {
            return new SpecParseResult<ReceiverSpec>(null, reader.Errors);
        }

        var spec = new ReceiverSpec(
            type,
            secret,
            events.Count > 0 ? events : DefaultEvents(type),
            repositories.Count > 0 ? repositories : ["*"],
            suspend);
        return new SpecParseResult<ReceiverSpec>(spec, []);
    }

    private static List<string> List(string? text) =>
        text is null ? [] : [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    // validVariablePath in Nomad's nomad/structs/variables.go.
    private static bool IsVariablePath(string path) =>
        path.Length <= 128 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '~' or '/');
}
