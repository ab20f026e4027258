namespace NomadGitOps.Notifications;

/// <summary>What the <see cref="AlertDispatcher"/> takes from the process's settings (the engine registers it from them).</summary>
internal sealed record AlertDispatchOptions
{
    /// <summary>The controller's name, sent in every alert payload (<c>NOMAD_GITOPS_CONTROLLER_NAME</c>).</summary>
    public string ControllerName { get; init; } = "nomad-gitops";
}
