namespace Nomad.Client;

/// <summary>Nomad's answer to a deregister (<c>api.JobDeregisterResponse</c>).</summary>
public sealed record JobDeregisterResponse
{
    /// <summary>Evaluation created.</summary>
    public string EvalID { get; init; } = "";

    /// <summary>Index of the evaluation.</summary>
    public ulong EvalCreateIndex { get; init; }

    /// <summary>The job's JobModifyIndex after the deregister.</summary>
    public ulong JobModifyIndex { get; init; }
}
