namespace Nomad.Emulator.State;

/// <summary>
/// What a register or deregister did: Nomad's error text (answer 500), or the reply fields, and the job version
/// whose deployment (or batch run) must settle after <see cref="EmulatorOptions.DeploymentDuration"/>.
/// </summary>
public sealed record RegisterOutcome(
    string? Error,
    string EvalID,
    long EvalCreateIndex,
    long JobModifyIndex,
    long Index,
    SettleTarget? Settle)
{
    /// <summary>A failed register with Nomad's error text.</summary>
    public static RegisterOutcome Failed(string error) => new(error, "", 0, 0, 0, null);
}
