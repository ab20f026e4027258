namespace NomadGitOps.Scheduling;

/// <summary>The controllers of DESIGN §2 the receiver controller of the HTTP API and the alert controller of notifications; the engine keeps one work queue per controller.</summary>
internal enum ControllerName
{
    /// <summary>Resolves and fetches each GitRepository; keyed by GitRepository objects.</summary>
    GitRepository,

    /// <summary>Makes the NomadJob objects match a repository's job files; keyed by GitRepository objects.</summary>
    NomadJobIndex,

    /// <summary>Renders, plans and registers each job; keyed by NomadJob objects.</summary>
    NomadJob,

    /// <summary>Publishes each webhook Receiver's hook path and readiness; keyed by Receiver objects.</summary>
    Receiver,

    /// <summary>Validates each notification Alert and publishes its readiness and last delivery; keyed by Alert objects.</summary>
    Alert,
}
