namespace NomadGitOps.Objects;

/// <summary>Where the objects live: the variable path prefix and the Nomad namespace of the variables.</summary>
internal sealed record ObjectStoreOptions
{
    /// <summary>Variable path prefix (<c>NOMAD_GITOPS_PREFIX</c>).</summary>
    public string Prefix { get; init; } = ObjectKey.DefaultPrefix;

    /// <summary>Namespace of the object variables (<c>NOMAD_GITOPS_NAMESPACE</c>).</summary>
    public string Namespace { get; init; } = "default";
}
