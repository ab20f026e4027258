namespace Nomad.Client;

/// <summary>Nomad's answer to a register (<c>api.JobRegisterResponse</c>).</summary>
public sealed record JobRegisterResponse
{
    /// <summary>Evaluation created, empty for periodic/parameterized jobs.</summary>
    public string EvalID { get; init; } = "";

    /// <summary>Index of the evaluation.</summary>
    public ulong EvalCreateIndex { get; init; }

    /// <summary>The job's JobModifyIndex after the register (unchanged when the spec did not change).</summary>
    public ulong JobModifyIndex { get; init; }

    /// <summary>Warnings (deprecations and the like), empty when none.</summary>
    public string Warnings { get; init; } = "";
}
