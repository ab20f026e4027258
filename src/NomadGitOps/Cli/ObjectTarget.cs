using System.CommandLine;
using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>
/// The <c>KIND NAME</c> pair of the object verbs: <c>repo NAME</c>, <c>job NAMESPACE/JOB</c> (a job without a slash is in
/// namespace <c>default</c>), <c>receiver NAME</c> or <c>alert NAME</c>, with the plural and long spellings accepted too.
/// </summary>
internal static class ObjectTarget
{
    /// <summary>The spellings of each kind on the command line.</summary>
    public static IReadOnlyDictionary<string, ObjectKind> Kinds { get; } = new Dictionary<string, ObjectKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["repo"] = ObjectKind.GitRepository,
        ["repos"] = ObjectKind.GitRepository,
        ["gitrepository"] = ObjectKind.GitRepository,
        ["gitrepositories"] = ObjectKind.GitRepository,
        ["job"] = ObjectKind.NomadJob,
        ["jobs"] = ObjectKind.NomadJob,
        ["nomadjob"] = ObjectKind.NomadJob,
        ["nomadjobs"] = ObjectKind.NomadJob,
        ["receiver"] = ObjectKind.Receiver,
        ["receivers"] = ObjectKind.Receiver,
        ["alert"] = ObjectKind.Alert,
        ["alerts"] = ObjectKind.Alert,
    };

    /// <summary>A <c>KIND</c> argument limited to <paramref name="allowed"/>, with its completions.</summary>
    public static Argument<string> KindArgument(params ObjectKind[] allowed)
    {
        var names = Kinds.Where(k => allowed.Contains(k.Value)).Select(k => k.Key).ToArray();
        var words = string.Join("|", allowed.Select(Word));
        var argument = new Argument<string>("KIND") { HelpName = words, Description = $"The kind of object: {words} (plural and long names accepted)" };
        argument.AcceptOnlyFromAmong(names);
        return argument;
    }

    /// <summary>The kind a <c>KIND</c> argument names (already checked by the parser).</summary>
    public static ObjectKind Kind(string text) => Kinds[text];

    /// <summary>The key of the object called <paramref name="name"/> of <paramref name="kind"/>; null (and why) when the name is unusable.</summary>
    public static ObjectKey? Key(ObjectKind kind, string name, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            error = "The object name is empty.";
            return null;
        }

        switch (kind)
        {
            case ObjectKind.NomadJob:
                var slash = name.IndexOf('/', StringComparison.Ordinal);
                if (slash == 0 || slash == name.Length - 1)
                {
                    error = $"\"{name}\" is not NAMESPACE/JOB: write e.g. default/web, or just web for namespace default.";
                    return null;
                }

                return slash < 0 ? ObjectKey.NomadJob(NomadJobSpec.DefaultNamespace, name) : ObjectKey.NomadJob(name[..slash], name[(slash + 1)..]);
            case ObjectKind.Receiver:
                return ObjectKey.Receiver(name);
            case ObjectKind.Alert:
                return ObjectKey.Alert(name);
            default:
                return ObjectKey.GitRepository(name);
        }
    }

    /// <summary>How a key is named on the command line and in tables: the name, or <c>NAMESPACE/JOB</c> for a job.</summary>
    public static string DisplayName(ObjectKey key) =>
        key.Kind == ObjectKind.NomadJob ? $"{key.Namespace}/{key.Name}" : key.Name;

    /// <summary>The kind's word on the command line: repo, job, receiver or alert.</summary>
    public static string Word(ObjectKind kind) => kind switch
    {
        ObjectKind.NomadJob => "job",
        ObjectKind.Receiver => "receiver",
        ObjectKind.Alert => "alert",
        _ => "repo",
    };
}
