using System.Globalization;
using Nomad.Client;
using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>
/// One object as <c>get</c> shows it: the columns of the table (name, ready, reason, revision, message, age) and, for
/// <c>-o json</c>, its spec and status items apart.
/// </summary>
/// <param name="Key">The object.</param>
/// <param name="Items">All its items.</param>
/// <param name="CreatedAt">When its variable was created.</param>
internal sealed record ObjectView(ObjectKey Key, IReadOnlyDictionary<string, string> Items, DateTimeOffset CreatedAt)
{
    /// <summary>The table's header.</summary>
    public static IReadOnlyList<string> Header { get; } = ["NAME", "READY", "REASON", "REVISION", "MESSAGE", "AGE"];

    /// <summary>Reads the object; null when it does not exist.</summary>
    public static async Task<ObjectView?> ReadAsync(ObjectConnection connection, ObjectKey key, CancellationToken ct)
    {
        var path = key.ToPath(connection.Options.Prefix);
        var read = await connection.Nomad.Variables.ReadAsync(path, new QueryOptions { Namespace = connection.Options.Namespace }, ct).ConfigureAwait(false);
        return read.Value is { } variable
            ? new ObjectView(key, variable.Items ?? new Dictionary<string, string>(), DateTimeOffset.FromUnixTimeMilliseconds(variable.CreateTime / 1_000_000))
            : null;
    }

    /// <summary>Every object of <paramref name="kind"/>, by name, and the list's index for a blocking follow-up.</summary>
    public static async Task<(IReadOnlyList<ObjectView> Views, ulong Index)> ListAsync(
        ObjectConnection connection, ObjectKind kind, ulong? waitIndex, CancellationToken ct)
    {
        var (keys, index) = await connection.Store.ListAsync(kind, waitIndex, waitIndex is null ? null : TimeSpan.FromMinutes(5), ct).ConfigureAwait(false);
        var views = new List<ObjectView>(keys.Count);
        foreach (var (key, _) in keys)
        {
            if (await ReadAsync(connection, key, ct).ConfigureAwait(false) is { } view)
            {
                views.Add(view);
            }
        }

        return ([.. views.OrderBy(v => ObjectTarget.DisplayName(v.Key), StringComparer.Ordinal)], index);
    }

    /// <summary><c>True</c>, <c>False</c>, <c>Unknown</c>, or <c>-</c> before the controller wrote any status.</summary>
    public string Ready => Item(ItemKeys.StatusReady) ?? "-";

    /// <summary>The status reason, or <c>Suspended</c> when the spec says so and the controller has not caught up.</summary>
    public string Reason => Item(ItemKeys.StatusReason) ?? (Suspended ? "Suspended" : "-");

    /// <summary>True when <c>suspend=true</c>.</summary>
    public bool Suspended => string.Equals(Item(ItemKeys.Suspend)?.Trim(), "true", StringComparison.Ordinal);

    /// <summary>The commit a repository holds or a job last applied; a receiver's hook path; when an alert last sent.</summary>
    public string? Revision => Key.Kind switch
    {
        ObjectKind.GitRepository => Item(ItemKeys.StatusCurrentCommit),
        ObjectKind.NomadJob => Item(ItemKeys.StatusLastAppliedCommit),
        ObjectKind.Alert => Item(ItemKeys.StatusLastSentAt),
        _ => Item(ItemKeys.StatusUrl),
    };

    /// <summary>The status message.</summary>
    public string Message => Item(ItemKeys.StatusMessage) ?? "";

    /// <summary>One table row; long commits shortened to 12 characters, messages to their first line.</summary>
    public IReadOnlyList<string> Row(DateTimeOffset now) =>
    [
        ObjectTarget.DisplayName(Key),
        Ready,
        Reason,
        Revision is { Length: 40 } sha ? sha[..12] : Revision ?? "-",
        FirstLine(Message),
        Age(now - CreatedAt),
    ];

    /// <summary>The object for <c>-o json</c>.</summary>
    public object ToJson(DateTimeOffset now) => new
    {
        kind = ObjectTarget.Word(Key.Kind),
        name = Key.Name,
        @namespace = Key.Kind == ObjectKind.NomadJob ? Key.Namespace : null,
        ready = Item(ItemKeys.StatusReady),
        reason = Item(ItemKeys.StatusReason),
        revision = Revision,
        message = Item(ItemKeys.StatusMessage),
        suspended = Suspended,
        createdAt = CreatedAt.UtcDateTime.ToString(ItemCodec.TimeFormat, CultureInfo.InvariantCulture),
        ageSeconds = (long)Math.Max(0, (now - CreatedAt).TotalSeconds),
        spec = new SortedDictionary<string, string>(Items.Where(i => !ItemKeys.IsStatus(i.Key)).ToDictionary(), StringComparer.Ordinal),
        status = new SortedDictionary<string, string>(Items.Where(i => ItemKeys.IsStatus(i.Key)).ToDictionary(), StringComparer.Ordinal),
    };

    /// <summary>An age as <c>kubectl</c> prints it: 45s, 12m, 5h, 3d.</summary>
    public static string Age(TimeSpan age) => age switch
    {
        { TotalSeconds: < 0 } => "0s",
        { TotalMinutes: < 2 } => $"{(int)age.TotalSeconds}s",
        { TotalHours: < 2 } => $"{(int)age.TotalMinutes}m",
        { TotalDays: < 2 } => $"{(int)age.TotalHours}h",
        _ => $"{(int)age.TotalDays}d",
    };

    private string? Item(string key) => Items.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline] + " …";
    }
}
