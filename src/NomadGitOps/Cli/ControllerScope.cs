using System.CommandLine;
using System.Text.RegularExpressions;
using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>
/// What the controller touches, as <c>policy</c> and <c>check</c> take it: the namespace of its object variables,
/// their prefix, and the namespaces whose jobs it manages (globs allowed, as in a policy).
/// </summary>
internal sealed partial record ControllerScope(string ControllerNamespace, string Prefix, IReadOnlyList<string> ManagedNamespaces)
{
    /// <summary>The three options, to add to a verb.</summary>
    public sealed record Options(Option<string?> Namespaces, Option<string?> Prefix, Option<string?> ControllerNamespace)
    {
        /// <summary>Creates the options with their descriptions.</summary>
        public static Options Create() => new(
            new Option<string?>("--namespaces") { Description = "Comma-separated namespaces whose jobs the controller manages, globs allowed (default: the controller's namespace)" },
            new Option<string?>("--prefix") { Description = $"Variable path prefix of the objects (NOMAD_GITOPS_PREFIX, default {ObjectKey.DefaultPrefix})" },
            new Option<string?>("--controller-namespace") { Description = "Namespace of the object variables and the leader lock (NOMAD_GITOPS_NAMESPACE, default default)" });

        /// <summary>Adds them to <paramref name="command"/>.</summary>
        public void AddTo(Command command)
        {
            command.Options.Add(Namespaces);
            command.Options.Add(Prefix);
            command.Options.Add(ControllerNamespace);
        }
    }

    /// <summary>Reads the options (then <c>NOMAD_GITOPS_*</c>, then defaults); returns null and the problems when invalid.</summary>
    public static ControllerScope? From(ParseResult parse, Options options, out IReadOnlyList<string> problems)
    {
        var errors = new List<string>();
        var ns = parse.GetValue(options.ControllerNamespace) ?? Env("NOMAD_GITOPS_NAMESPACE") ?? "default";
        var prefix = (parse.GetValue(options.Prefix) ?? Env("NOMAD_GITOPS_PREFIX") ?? ObjectKey.DefaultPrefix).TrimEnd('/');
        var managed = parse.GetValue(options.Namespaces) is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [ns];
        if (ObjectKey.ValidatePrefix(prefix) is { } prefixError)
        {
            errors.Add(prefixError);
        }

        if (ns.Contains('*', StringComparison.Ordinal) || !NamespaceName().IsMatch(ns))
        {
            errors.Add($"The controller namespace '{ns}' is not a namespace name (letters, digits and '-', at most 128).");
        }

        if (managed.Length == 0)
        {
            errors.Add("--namespaces names no namespace.");
        }

        foreach (var name in managed.Where(n => !NamespaceName().IsMatch(n)))
        {
            errors.Add($"'{name}' in --namespaces is not a namespace name or glob (letters, digits, '-' and '*', at most 128).");
        }

        problems = errors;
        return errors.Count == 0 ? new ControllerScope(ns, prefix, managed) : null;
    }

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    // acl/policy.go validNamespace, which every namespace block's label must match.
    [GeneratedRegex("^[a-zA-Z0-9-*]{1,128}$")]
    private static partial Regex NamespaceName();
}
