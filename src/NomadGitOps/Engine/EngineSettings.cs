using System.Globalization;
using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Engine;

/// <summary>
/// The engine's settings, read from <c>NOMAD_GITOPS_*</c> variables (<see cref="FromEnvironment"/>) and then
/// overridden by the <c>run</c> verb's flags. How to reach Nomad is <see cref="NomadClientOptions"/>'s business.
/// </summary>
internal sealed record EngineSettings
{
    /// <summary>The default name of this controller, written into the meta of the jobs it owns.</summary>
    public const string DefaultControllerName = "nomad-gitops";

    /// <summary>Variable path prefix of the objects (<c>NOMAD_GITOPS_PREFIX</c>).</summary>
    public string Prefix { get; init; } = ObjectKey.DefaultPrefix;

    /// <summary>Nomad namespace of the object variables (<c>NOMAD_GITOPS_NAMESPACE</c>).</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>This controller's name (<c>NOMAD_GITOPS_CONTROLLER_NAME</c>): owner meta of the jobs, holder of the leader lock.</summary>
    public string ControllerName { get; init; } = DefaultControllerName;

    /// <summary>Where git caches live across restarts (<c>NOMAD_GITOPS_CACHE_DIR</c>).</summary>
    public string CacheDir { get; init; } = DefaultCacheDir();

    /// <summary>Reconciles at once per controller (<c>NOMAD_GITOPS_CONCURRENCY</c>).</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>How often an up-to-date object is looked at when it names no interval of its own (<c>NOMAD_GITOPS_INTERVAL</c>).</summary>
    public TimeSpan DefaultInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>TTL of the leader lock (<c>NOMAD_GITOPS_LEADER_TTL</c>, 10s to 24h); renewed every TTL/2.</summary>
    public TimeSpan LeaderTtl { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Lock delay of the leader lock: after an expiry, how long nobody may take it (<c>NOMAD_GITOPS_LEADER_LOCK_DELAY</c>).</summary>
    public TimeSpan LeaderLockDelay { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>False runs without the leader lock (one replica only; <c>NOMAD_GITOPS_LEADER_ELECTION</c>).</summary>
    public bool LeaderElection { get; init; } = true;

    /// <summary>Run each controller once and exit (<c>NOMAD_GITOPS_ONE_OFF</c>).</summary>
    public bool OneOff { get; init; }

    /// <summary>How long a blocking query on the object prefix may wait (<c>NOMAD_GITOPS_WATCH_WAIT</c>).</summary>
    public TimeSpan WatchWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The least time between the starts of two blocking lists of one watch (<c>NOMAD_GITOPS_WATCH_SPACING</c>): while
    /// writes come in a stream (a cold start), each list would return at once for every write; spaced, one list takes
    /// in all the writes of its spacing. A list that waited longer (a quiet cluster) is followed at once, so a lone
    /// change is seen without delay. Zero (no spacing) for settings made in code; <see cref="DefaultWatchSpacing"/> from
    /// the environment (<c>run</c>, <c>dev</c>).
    /// </summary>
    public TimeSpan WatchSpacing { get; init; }

    /// <summary>The watch spacing <see cref="FromEnvironment"/> takes when none is set.</summary>
    public static readonly TimeSpan DefaultWatchSpacing = TimeSpan.FromMilliseconds(200);

    /// <summary>How long reconciles in hand may finish on shutdown before they are cancelled (<c>NOMAD_GITOPS_SHUTDOWN_TIMEOUT</c>).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Where HCL2 job files are parsed (<c>NOMAD_GITOPS_PARSE_ON</c>, <c>local</c> or <c>server</c>): in this process with
    /// Nomad.Hcl, falling back to Nomad's parse endpoint for what it refuses (the default), or always at the endpoint.
    /// </summary>
    public ParseOn ParseOn { get; init; } = ParseOn.Local;

    /// <summary>Backoff of failed reconciles and of the watcher after Nomad errors.</summary>
    public BackoffOptions Backoff { get; init; } = BackoffOptions.Default;

    /// <summary>
    /// Settings from the <c>NOMAD_GITOPS_*</c> variables of <paramref name="env"/> (the process environment when null);
    /// empty values count as unset. <paramref name="errors"/> holds one sentence per bad value.
    /// </summary>
    public static EngineSettings FromEnvironment(IReadOnlyDictionary<string, string?>? env, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        string? Get(string name)
        {
            var value = env is null ? Environment.GetEnvironmentVariable(name) : env.GetValueOrDefault(name);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        var defaults = new EngineSettings();
        var settings = defaults with
        {
            Prefix = Get("NOMAD_GITOPS_PREFIX") ?? defaults.Prefix,
            Namespace = Get("NOMAD_GITOPS_NAMESPACE") ?? defaults.Namespace,
            ControllerName = Get("NOMAD_GITOPS_CONTROLLER_NAME") ?? defaults.ControllerName,
            CacheDir = Get("NOMAD_GITOPS_CACHE_DIR") ?? defaults.CacheDir,
            Concurrency = Int("NOMAD_GITOPS_CONCURRENCY", Get("NOMAD_GITOPS_CONCURRENCY"), defaults.Concurrency, problems),
            DefaultInterval = Duration("NOMAD_GITOPS_INTERVAL", Get("NOMAD_GITOPS_INTERVAL"), defaults.DefaultInterval, problems),
            LeaderTtl = Duration("NOMAD_GITOPS_LEADER_TTL", Get("NOMAD_GITOPS_LEADER_TTL"), defaults.LeaderTtl, problems),
            LeaderLockDelay = Duration("NOMAD_GITOPS_LEADER_LOCK_DELAY", Get("NOMAD_GITOPS_LEADER_LOCK_DELAY"), defaults.LeaderLockDelay, problems),
            LeaderElection = Bool("NOMAD_GITOPS_LEADER_ELECTION", Get("NOMAD_GITOPS_LEADER_ELECTION"), defaults.LeaderElection, problems),
            OneOff = Bool("NOMAD_GITOPS_ONE_OFF", Get("NOMAD_GITOPS_ONE_OFF"), defaults.OneOff, problems),
            WatchWait = Duration("NOMAD_GITOPS_WATCH_WAIT", Get("NOMAD_GITOPS_WATCH_WAIT"), defaults.WatchWait, problems),
            WatchSpacing = Duration("NOMAD_GITOPS_WATCH_SPACING", Get("NOMAD_GITOPS_WATCH_SPACING"), DefaultWatchSpacing, problems),
            ShutdownTimeout = Duration("NOMAD_GITOPS_SHUTDOWN_TIMEOUT", Get("NOMAD_GITOPS_SHUTDOWN_TIMEOUT"), defaults.ShutdownTimeout, problems),
            ParseOn = Where("NOMAD_GITOPS_PARSE_ON", Get("NOMAD_GITOPS_PARSE_ON"), defaults.ParseOn, problems),
        };
        errors = problems;
        return settings;
    }

    /// <summary>One sentence per setting that cannot work (checked after flags were applied); empty when all are fine.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ObjectKey.ValidatePrefix(Prefix) is { } prefixError)
        {
            errors.Add(prefixError);
        }

        if (string.IsNullOrWhiteSpace(Namespace))
        {
            errors.Add("The object namespace is empty: set NOMAD_GITOPS_NAMESPACE or --namespace, e.g. \"default\".");
        }

        if (string.IsNullOrWhiteSpace(ControllerName))
        {
            errors.Add("The controller name is empty: set NOMAD_GITOPS_CONTROLLER_NAME or --controller-name, e.g. \"nomad-gitops\".");
        }

        if (Concurrency < 1)
        {
            errors.Add($"Concurrency is {Concurrency}: it must be at least 1.");
        }

        if (DefaultInterval <= TimeSpan.Zero)
        {
            errors.Add($"The default interval is {GoDuration.Format(DefaultInterval)}: it must be positive, e.g. \"1m\".");
        }

        // Nomad refuses lock TTLs outside 10s..24h (VariableLock.Validate in nomad/structs/variables.go).
        if (LeaderTtl < TimeSpan.FromSeconds(10) || LeaderTtl > TimeSpan.FromHours(24))
        {
            errors.Add($"The leader lock TTL is {GoDuration.Format(LeaderTtl)}: Nomad accepts 10s to 24h.");
        }

        if (LeaderLockDelay < TimeSpan.Zero)
        {
            errors.Add($"The leader lock delay is {GoDuration.Format(LeaderLockDelay)}: it must not be negative.");
        }

        if (WatchWait <= TimeSpan.Zero || WatchWait > TimeSpan.FromMinutes(10))
        {
            errors.Add($"The watch wait is {GoDuration.Format(WatchWait)}: Nomad holds blocking queries for at most 10m.");
        }

        if (ShutdownTimeout < TimeSpan.Zero)
        {
            errors.Add($"The shutdown timeout is {GoDuration.Format(ShutdownTimeout)}: it must not be negative.");
        }

        return errors;
    }

    private static string DefaultCacheDir()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(root, "nomad-gitops");
    }

    private static int Int(string name, string? text, int fallback, List<string> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add($"{name}=\"{text}\" is not a whole number.");
        return fallback;
    }

    private static TimeSpan Duration(string name, string? text, TimeSpan fallback, List<string> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (GoDuration.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add($"{name}=\"{text}\" is not a duration: write it as Nomad does, e.g. \"30s\", \"5m\", \"1h\".");
        return fallback;
    }

    private static ParseOn Where(string name, string? text, ParseOn fallback, List<string> errors)
    {
        switch (text?.ToLowerInvariant())
        {
            case null:
                return fallback;
            case "local":
                return ParseOn.Local;
            case "server":
                return ParseOn.Server;
            default:
                errors.Add($"{name}=\"{text}\" is neither local (parse job files in this process, the default) nor server (always Nomad's parse endpoint).");
                return fallback;
        }
    }

    private static bool Bool(string name, string? text, bool fallback, List<string> errors)
    {
        switch (text?.ToLowerInvariant())
        {
            case null:
                return fallback;
            case "1" or "t" or "true" or "yes":
                return true;
            case "0" or "f" or "false" or "no":
                return false;
            default:
                errors.Add($"{name}=\"{text}\" is not true or false.");
                return fallback;
        }
    }
}
