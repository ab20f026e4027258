using System.Text.Json.Nodes;

namespace Nomad.Client.Tests.Jobs;

/// <summary>The register call the tests make: enforce index 0, preserve counts, with a submission.</summary>
internal static class JobsClientTestExtensions
{
    public static Task<JobRegisterResponse> RegisterRequestAsync(this JobsClient jobs, JsonObject job, CancellationToken ct) =>
        jobs.RegisterAsync(
            new JobRegisterRequest(job)
            {
                EnforceIndex = true,
                JobModifyIndex = 0,
                PreserveCounts = true,
                Submission = new JobSubmission
                {
                    Source = "job \"web\" {}",
                    Format = "hcl2",
                    VariableFlags = new Dictionary<string, string> { ["image"] = "nginx" },
                    Variables = "image = \"nginx:1.27\"\n",
                },
            },
            ct: ct);
}
