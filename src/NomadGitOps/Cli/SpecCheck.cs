using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>Checks spec items with the same parsers the controllers use, before a verb writes them.</summary>
internal static class SpecCheck
{
    /// <summary>Every problem of <paramref name="items"/> as the spec of <paramref name="key"/>; empty when valid.</summary>
    public static IReadOnlyList<SpecError> Errors(ObjectKey key, IReadOnlyDictionary<string, string> items) => key.Kind switch
    {
        ObjectKind.GitRepository => GitRepositorySpec.Parse(items).Errors,
        ObjectKind.NomadJob => NomadJobSpec.Parse(items, key).Errors,
        ObjectKind.Alert => AlertSpec.Parse(items).Errors,
        _ => ReceiverSpec.Parse(items).Errors,
    };
}
