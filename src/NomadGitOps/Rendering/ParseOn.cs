namespace NomadGitOps.Rendering;

/// <summary>Where HCL2 job files that read no other file are parsed (<c>NOMAD_GITOPS_PARSE_ON</c>).</summary>
internal enum ParseOn
{
    /// <summary>
    /// In this process with Nomad.Hcl, as <c>nomad job run</c> parses on the client; a file Nomad.Hcl refuses is sent to
    /// Nomad's parse endpoint, whose answer (job or error) is used. The default.
    /// </summary>
    Local,

    /// <summary>Always Nomad's <c>POST /v1/jobs/parse</c>, one call per distinct file text and variables.</summary>
    Server,
}
