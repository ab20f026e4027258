namespace NomadGitOps.Objects;

/// <summary>What happened to a GitRepository or NomadJob that an Alert can report (the <c>events</c> item names them).</summary>
internal enum AlertEventKind
{
    /// <summary><c>failed</c>: <c>status_ready</c> became <c>False</c> (once per failure, not per retry).</summary>
    Failed,

    /// <summary><c>recovered</c>: <c>status_ready</c> became <c>True</c> after a failure.</summary>
    Recovered,

    /// <summary><c>applied</c>: a NomadJob was registered (a new <c>status_last_applied_at</c>), not to correct drift.</summary>
    Applied,

    /// <summary><c>drift-corrected</c>: a NomadJob's live job had drifted and was registered again from Git.</summary>
    DriftCorrected,

    /// <summary><c>pruned</c>: a NomadJob's job was stopped because its file left Git with prune on.</summary>
    Pruned,
}
