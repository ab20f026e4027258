using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace NomadGitOps.Objects;

/// <summary>
/// Names one object: its kind, the job's namespace (NomadJob; empty for a GitRepository, a Receiver or an Alert) and its name
/// (the repository or receiver name, or the job ID), and maps it to and from its Nomad variable path.
/// </summary>
/// <remarks>
/// Paths are <c>&lt;prefix&gt;/gitrepository/&lt;name&gt;</c>, <c>&lt;prefix&gt;/receiver/&lt;name&gt;</c>, <c>&lt;prefix&gt;/alert/&lt;name&gt;</c> and <c>&lt;prefix&gt;/nomadjob/&lt;namespace&gt;/&lt;job-id&gt;</c>,
/// each segment escaped by <see cref="PathEscaping"/>. Nomad allows at most 128 characters
/// (<c>validVariablePath</c> in <c>nomad/structs/variables.go</c>); a NomadJob path that would be longer keeps
/// as much of its escaped tail as fits and ends with <c>~h</c> and 16 hex digits of a SHA-256 of the key.
/// Such a shortened path cannot be read back alone: the variable's <c>job_id</c> and <c>namespace</c> items
/// hold the true key (<see cref="FromVariable"/>).
/// </remarks>
internal sealed partial record ObjectKey
{
    /// <summary>The longest variable path Nomad accepts.</summary>
    public const int MaxPathLength = 128;

    /// <summary>The longest prefix we accept, so that every kind still has room for a name.</summary>
    public const int MaxPrefixLength = 64;

    /// <summary>The default prefix under which objects live.</summary>
    public const string DefaultPrefix = "nomad-gitops/v1";

    /// <summary>Path segment of GitRepository objects.</summary>
    public const string GitRepositorySegment = "gitrepository";

    /// <summary>Path segment of NomadJob objects.</summary>
    public const string NomadJobSegment = "nomadjob";

    /// <summary>Path segment of Receiver objects.</summary>
    public const string ReceiverSegment = "receiver";

    /// <summary>Path segment of Alert objects.</summary>
    public const string AlertSegment = "alert";

    /// <summary>Path segment of the leader lock variable (<c>&lt;prefix&gt;/leader</c>).</summary>
    public const string LeaderSegment = "leader";

    /// <summary>Path segment of the controller-wide settings variable (<c>&lt;prefix&gt;/controller</c>, e.g. <c>suspend=true</c>).</summary>
    public const string ControllerSegment = "controller";

    /// <summary>What a shortened path ends with before its hash (never produced by <see cref="PathEscaping.Escape"/>, as <c>h</c> is no hex digit).</summary>
    public const string HashMarker = "~h";

    private const int HashHexLength = 16;

    private ObjectKey(ObjectKind kind, string @namespace, string name)
    {
        Kind = kind;
        Namespace = @namespace;
        Name = name;
    }

    /// <summary>The kind of object.</summary>
    public ObjectKind Kind { get; }

    /// <summary>The Nomad namespace of the job (NomadJob); empty for a GitRepository.</summary>
    public string Namespace { get; }

    /// <summary>The repository name or the job ID, unescaped.</summary>
    public string Name { get; }

    /// <summary>The key of the GitRepository called <paramref name="name"/>.</summary>
    public static ObjectKey GitRepository(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new ObjectKey(ObjectKind.GitRepository, "", name);
    }

    /// <summary>The key of the webhook Receiver called <paramref name="name"/>.</summary>
    public static ObjectKey Receiver(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new ObjectKey(ObjectKind.Receiver, "", name);
    }

    /// <summary>The key of the Alert (notification target) called <paramref name="name"/>.</summary>
    public static ObjectKey Alert(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new ObjectKey(ObjectKind.Alert, "", name);
    }

    /// <summary>The key of the NomadJob for job <paramref name="jobId"/> in <paramref name="namespace"/>.</summary>
    public static ObjectKey NomadJob(string @namespace, string jobId)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        return new ObjectKey(ObjectKind.NomadJob, @namespace, jobId);
    }

    /// <summary>Null when <paramref name="prefix"/> can hold objects, else why not (a sentence for the user).</summary>
    public static string? ValidatePrefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return "The object prefix is empty: set it to a variable path such as \"nomad-gitops/v1\".";
        }

        if (prefix.Length > MaxPrefixLength)
        {
            return $"The object prefix \"{prefix}\" is {prefix.Length} characters long; at most {MaxPrefixLength} leave room for object names in Nomad's 128-character paths.";
        }

        if (!PrefixPattern().IsMatch(prefix))
        {
            return $"The object prefix \"{prefix}\" is not a variable path: use letters, digits, '-', '_', '~' and '/' between non-empty segments.";
        }

        if (prefix == "nomad" || prefix.StartsWith("nomad/", StringComparison.Ordinal))
        {
            return $"The object prefix \"{prefix}\" lies under \"nomad/\", which Nomad reserves for its own variables: choose another, such as \"nomad-gitops/v1\".";
        }

        return null;
    }

    /// <summary>The path of the leader lock variable under <paramref name="prefix"/>.</summary>
    public static string LeaderPath(string prefix) => $"{prefix}/{LeaderSegment}";

    /// <summary>The path of the controller-wide settings variable under <paramref name="prefix"/>.</summary>
    public static string ControllerPath(string prefix) => $"{prefix}/{ControllerSegment}";

    /// <summary>The variable path prefix under which all objects of <paramref name="kind"/> live, with a trailing slash.</summary>
    public static string KindPrefix(string prefix, ObjectKind kind) => $"{prefix}/{Segment(kind)}/";

    /// <summary>The variable path of this object under <paramref name="prefix"/>, at most 128 characters.</summary>
    /// <exception cref="ArgumentException">The prefix is invalid, or a GitRepository name too long for a path.</exception>
    public string ToPath(string prefix)
    {
        if (ValidatePrefix(prefix) is { } error)
        {
            throw new ArgumentException(error, nameof(prefix));
        }

        var head = KindPrefix(prefix, Kind);
        var tail = Kind == ObjectKind.NomadJob
            ? PathEscaping.Escape(Namespace) + "/" + PathEscaping.Escape(Name)
            : PathEscaping.Escape(Name);
        if (head.Length + tail.Length <= MaxPathLength)
        {
            return head + tail;
        }

        if (Kind != ObjectKind.NomadJob)
        {
            throw new ArgumentException(
                $"The {Segment(Kind)} name \"{Name}\" is too long: its variable path would pass Nomad's limit of {MaxPathLength} characters.",
                nameof(prefix));
        }

        var room = MaxPathLength - head.Length - HashMarker.Length - HashHexLength;
        return head + CutAtEscapeBoundary(tail, room) + HashMarker + Hash();
    }

    /// <summary>
    /// Reads the key back from a path made by <see cref="ToPath"/>; false for paths of other kinds, paths outside
    /// <paramref name="prefix"/>, paths that no key escapes to, and shortened paths (use <see cref="FromVariable"/>).
    /// </summary>
    public static bool TryParsePath(string prefix, string path, [NotNullWhen(true)] out ObjectKey? key)
    {
        key = null;
        if (!TrySplit(prefix, path, out var kind, out var tail) || tail.Contains(HashMarker, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = tail.Split('/');
        var candidate = (kind, parts.Length) switch
        {
            (ObjectKind.GitRepository, 1) when PathEscaping.TryUnescape(parts[0], out var name) && name.Length > 0
                => GitRepository(name),
            (ObjectKind.Receiver, 1) when PathEscaping.TryUnescape(parts[0], out var name) && name.Length > 0
                => Receiver(name),
            (ObjectKind.Alert, 1) when PathEscaping.TryUnescape(parts[0], out var name) && name.Length > 0
                => Alert(name),
            (ObjectKind.NomadJob, 2) when PathEscaping.TryUnescape(parts[0], out var ns) && ns.Length > 0
                && PathEscaping.TryUnescape(parts[1], out var id) && id.Length > 0
                => NomadJob(ns, id),
            _ => null,
        };

        // A path that parses but would be written differently (e.g. a long one that should have been shortened) is not ours.
        if (candidate is null || !string.Equals(candidate.ToPathOrNull(prefix), path, StringComparison.Ordinal))
        {
            return false;
        }

        key = candidate;
        return true;
    }

    /// <summary>True when <paramref name="path"/> is a shortened NomadJob path under <paramref name="prefix"/>, whose key only its items hold.</summary>
    public static bool IsShortenedPath(string prefix, string path) =>
        TrySplit(prefix, path, out var kind, out var tail)
        && kind == ObjectKind.NomadJob
        && tail.Length > HashMarker.Length + HashHexLength
        && tail.AsSpan(tail.Length - HashHexLength - HashMarker.Length, HashMarker.Length).SequenceEqual(HashMarker)
        && tail[^HashHexLength..].All(char.IsAsciiHexDigitLower);

    /// <summary>
    /// The key of the object stored at <paramref name="path"/>: from the path itself, or, for a shortened
    /// NomadJob path, from its <c>job_id</c> and <c>namespace</c> items (<c>default</c> when absent), checked to lead to this very path.
    /// Null when the path holds no object of ours.
    /// </summary>
    public static ObjectKey? FromVariable(string prefix, string path, IReadOnlyDictionary<string, string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (TryParsePath(prefix, path, out var key))
        {
            return key;
        }

        if (!IsShortenedPath(prefix, path) || !items.TryGetValue(ItemKeys.JobId, out var jobId) || jobId.Length == 0)
        {
            return null;
        }

        var ns = items.TryGetValue(ItemKeys.Namespace, out var given) && given.Length > 0 ? given : NomadJobSpec.DefaultNamespace;
        var candidate = NomadJob(ns, jobId);
        return string.Equals(candidate.ToPathOrNull(prefix), path, StringComparison.Ordinal) ? candidate : null;
    }

    /// <summary>A short name for messages and logs: <c>gitrepository/web</c>, <c>nomadjob/default/web.api</c>, <c>receiver/github</c>.</summary>
    public override string ToString() =>
        Kind == ObjectKind.NomadJob ? $"{NomadJobSegment}/{Namespace}/{Name}" : $"{Segment(Kind)}/{Name}";

    private string? ToPathOrNull(string prefix)
    {
        try
        {
            return ToPath(prefix);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Segment(ObjectKind kind) => kind switch
    {
        ObjectKind.GitRepository => GitRepositorySegment,
        ObjectKind.NomadJob => NomadJobSegment,
        ObjectKind.Receiver => ReceiverSegment,
        ObjectKind.Alert => AlertSegment,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static bool TrySplit(string prefix, string path, out ObjectKind kind, out string tail)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(path);
        foreach (var k in new[] { ObjectKind.GitRepository, ObjectKind.NomadJob, ObjectKind.Receiver, ObjectKind.Alert })
        {
            var head = KindPrefix(prefix, k);
            if (path.Length > head.Length && path.StartsWith(head, StringComparison.Ordinal))
            {
                kind = k;
                tail = path[head.Length..];
                return true;
            }
        }

        kind = default;
        tail = "";
        return false;
    }

    private static string CutAtEscapeBoundary(string escaped, int length)
    {
        if (length <= 0)
        {
            return "";
        }

        if (escaped.Length <= length)
        {
            return escaped;
        }

        var cut = escaped[..length];
        var lastEscape = cut.LastIndexOf(PathEscaping.EscapeChar);
        return lastEscape >= 0 && lastEscape > cut.Length - 3 ? cut[..lastEscape] : cut;
    }

    private string Hash()
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{Segment(Kind)}\0{Namespace}\0{Name}"));
        return Convert.ToHexStringLower(bytes)[..HashHexLength];
    }

    [GeneratedRegex("^[a-zA-Z0-9_~-]+(/[a-zA-Z0-9_~-]+)*$")]
    private static partial Regex PrefixPattern();
}
