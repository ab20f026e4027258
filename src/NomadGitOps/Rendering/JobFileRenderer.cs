namespace NomadGitOps.Rendering;

/// <summary>What turned a job file into API job JSON.</summary>
internal enum JobFileRenderer
{
    /// <summary>Nomad's <c>POST /v1/jobs/parse</c>: every HCL2 file that reads no other file.</summary>
    NomadParseEndpoint,

    /// <summary>Read directly as JSON.</summary>
    Json,

    /// <summary>
    /// Nomad.Hcl in this process, over a checkout of the commit: HCL2 files calling filesystem functions, which the
    /// parse endpoint refuses.
    /// </summary>
    Checkout,
}
