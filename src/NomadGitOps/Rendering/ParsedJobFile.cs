using System.Text.Json.Nodes;

namespace NomadGitOps.Rendering;

/// <summary>A job file turned into Nomad's API job JSON.</summary>
/// <param name="Job">The job as the API takes it (canonicalized by Nomad for HCL; as written for JSON). A fresh copy per call.</param>
/// <param name="Format"><see cref="JobFileParser.Hcl2Format"/> or <see cref="JobFileParser.JsonFormat"/>, as a job submission names it.</param>
/// <param name="JobId">The job's <c>ID</c> (its <c>Name</c> when a JSON file gives no ID).</param>
/// <param name="Namespace">The namespace the file itself names; null when it names none (the caller picks the default).</param>
internal sealed record ParsedJobFile(JsonObject Job, string Format, string JobId, string? Namespace)
{
    /// <summary>What turned the file into JSON.</summary>
    public JobFileRenderer Renderer { get; init; } = JobFileRenderer.NomadParseEndpoint;
}
