using System.Text.Json.Nodes;
using Nomad.Hcl.Jobspec;

namespace Nomad.Hcl;

/// <summary>
/// Nomad's <c>api.Job.Canonicalize</c> on API-shaped job JSON: fills the defaults Nomad fills before it
/// stores or plans a job (<c>ApiJobToStructJob</c> runs it on every register), in place. Idempotent.
/// </summary>
public static class JobCanonicalizer
{
    /// <summary>Fills the defaults of <paramref name="apiJob"/> in place.</summary>
    public static void Canonicalize(JsonObject apiJob)
    {
        ArgumentNullException.ThrowIfNull(apiJob);
        Canonicalizer.Job(apiJob);
    }
}
