namespace Nomad.Client;

/// <summary>The source a job version was registered from (<c>api.JobSubmission</c>).</summary>
public sealed record JobSubmission
{
    /// <summary>The job file text.</summary>
    public string Source { get; init; } = "";

    /// <summary><c>hcl2</c> or <c>json</c>.</summary>
    public string Format { get; init; } = "hcl2";

    /// <summary>The CLI's <c>-var</c> flags.</summary>
    public IReadOnlyDictionary<string, string>? VariableFlags { get; init; }

    /// <summary>Var-file text.</summary>
    public string? Variables { get; init; }
}
