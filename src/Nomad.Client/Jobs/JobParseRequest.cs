namespace Nomad.Client;

/// <summary>Body of <c>POST /v1/jobs/parse</c>: HCL2 job text, var-file text, and whether to fill in defaults.</summary>
public sealed record JobParseRequest(string JobHcl)
{
    /// <summary>Var-file text (<c>ParseConfig.VarContent</c>), or null.</summary>
    public string? Variables { get; init; }

    /// <summary>Let Nomad fill in default values (the CLI's behaviour).</summary>
    public bool Canonicalize { get; init; } = true;
}
