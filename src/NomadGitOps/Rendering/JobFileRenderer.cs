namespace NomadGitOps.Rendering;

/// <summary>What turned a job file into API job JSON.</summary>
internal enum JobFileRenderer
{
    /// <summary>
    /// Nomad's <c>POST /v1/jobs/parse</c>: HCL2 files that read no other file when parsing is set to the server
    /// (<see cref="ParseOn.Server"/>), and those Nomad.Hcl refused in this process (the server judges them).
    /// </summary>
    NomadParseEndpoint,

    /// <summary>Read directly as JSON.</summary>
    Json,

    /// <summary>
    /// Nomad.Hcl in this process, over a checkout of the commit: HCL2 files calling filesystem functions, which the
    /// parse endpoint refuses.
    /// </summary>
    Checkout,

    /// <summary>
    /// Nomad.Hcl in this process with file access off, as the parse endpoint parses (file <c>input.hcl</c>, canonical):
    /// HCL2 files that read no other file, by default (<see cref="ParseOn.Local"/>).
    /// </summary>
    InProcess,
}
