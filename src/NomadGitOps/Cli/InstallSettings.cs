namespace NomadGitOps.Cli;

/// <summary>What <c>nomad-gitops install</c> sets up; every name is the default unless a flag changes it.</summary>
internal sealed record InstallSettings
{
    /// <summary>The job, policy and auth method all carry this name.</summary>
    public const string Name = "nomad-gitops";

    /// <summary>The controller's own namespace: its job, its objects (variables) and the leader lock.</summary>
    public string Namespace { get; init; } = Name;

    /// <summary>Namespaces whose jobs it manages (globs allowed).</summary>
    public IReadOnlyList<string> ManagedNamespaces { get; init; } = ["default"];

    /// <summary>The object prefix.</summary>
    public string Prefix { get; init; } = Objects.ObjectKey.DefaultPrefix;

    /// <summary>Allocations of the controller (on distinct hosts); one leads through the variable lock.</summary>
    public int Replicas { get; init; } = 2;

    /// <summary><c>exec</c> (the release archive as an artifact) or <c>docker</c> (the image).</summary>
    public string Driver { get; init; } = "exec";

    /// <summary>URL of the release archive (exec driver).</summary>
    public string Artifact { get; init; } = "https://example.invalid/nomad-gitops-linux-x64.tar.gz";

    /// <summary>The image (docker driver).</summary>
    public string Image { get; init; } = "nomad-gitops:latest";

    /// <summary>Where the servers fetch the workload-identity public keys for the JWT auth method.</summary>
    public string JwksUrl { get; init; } = "http://127.0.0.1:4646/.well-known/jwks.json";

    /// <summary>Lifetime of the ACL token a login gives (the auth method's <c>MaxTokenTTL</c>).</summary>
    public TimeSpan TokenTtl { get; init; } = TimeSpan.FromHours(1);
}
