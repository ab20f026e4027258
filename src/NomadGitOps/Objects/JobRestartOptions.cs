namespace NomadGitOps.Objects;

/// <summary>How <c>nomad-gitops restart job</c> rolls a job, as <c>nomad job restart</c>'s flags say (command/job_restart.go).</summary>
/// <param name="Reschedule">Stop each allocation so the scheduler places a new one (<c>-reschedule</c>) instead of restarting it in place.</param>
/// <param name="Groups">Only allocations of these task groups (<c>-group</c>, repeatable); all when empty.</param>
/// <param name="Tasks">Restart only these tasks, in the allocations that have one of them (<c>-task</c>, repeatable); the running tasks when empty.</param>
internal sealed record JobRestartOptions(bool Reschedule, IReadOnlyList<string> Groups, IReadOnlyList<string> Tasks)
{
    /// <summary><c>nomad job restart</c>'s default: every running task of every running allocation, in place.</summary>
    public static JobRestartOptions Default { get; } = new(false, [], []);

    /// <summary>Nomad's refusal of the flags together, or null: <c>-reschedule</c> cannot be used with <c>-task</c>.</summary>
    public string? Validate() =>
        Reschedule && Tasks.Count > 0 ? "The --reschedule option cannot be used with --task (as in nomad job restart)." : null;
}
