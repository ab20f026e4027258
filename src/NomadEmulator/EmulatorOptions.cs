namespace Nomad.Emulator;

/// <summary>How an emulator instance starts. Every field has a default that suits a test.</summary>
public sealed record EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one (read it from <see cref="NomadEmulator.Address"/>).</summary>
    public int Port { get; init; }

    /// <summary>
    /// When set, also serve on this unix socket (a path), as a Nomad task reaches its agent through
    /// <c>unix://${NOMAD_SECRETS_DIR}/api.sock</c>. <see cref="NomadEmulator.Address"/> stays the TCP one.
    /// </summary>
    public string? UnixSocketPath { get; init; }

    /// <summary>The clock for lock TTLs, blocking-query waits, deployments and timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>When true, every request needs a token (see <see cref="ManagementToken"/>).</summary>
    public bool AclEnabled { get; init; }

    /// <summary>The secret ID of the bootstrap management token when ACLs are on.</summary>
    public string ManagementToken { get; init; } = "00000000-0000-0000-0000-000000000001";

    /// <summary>How long a new deployment stays <c>running</c> before it turns <c>successful</c> (or <c>failed</c>).</summary>
    public TimeSpan DeploymentDuration { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long stopping waits for requests in flight (a blocking query waits up to minutes) before it drops them
    /// (the web host's <c>HostOptions.ShutdownTimeout</c>).
    /// </summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The Nomad release this emulator answers as (<c>/v1/agent/self</c> <c>config.Version.Version</c> and the member's
    /// <c>build</c> tag). With ACLs on, it decides whether plan and parse take a workload identity as a token
    /// (<see cref="Acl.WorkloadIdentityTokenBugs"/>).
    /// </summary>
    public string NomadVersion { get; init; } = "1.10.5";

    /// <summary>The region this emulated cluster answers for.</summary>
    public string Region { get; init; } = "global";

    /// <summary>The datacenter of the emulated agent.</summary>
    public string Datacenter { get; init; } = "dc1";
}
