using System.Text.Json.Nodes;
using Nomad.Client;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// What a register made, known without reading the job back when the job was new: Nomad gives a job that did not exist
/// the register's index as its JobModifyIndex and keeps the version it was submitted with (<c>upsertJobImpl</c> in
/// <c>nomad/state/state_store.go</c>: only an existing job's version is bumped). The register enforced JobModifyIndex 0
/// (after a plan that said the job did not exist, or with no plan at all: <see cref="JobApplier.RegisterNewAsync"/>),
/// which Nomad accepts only for a job that does not exist, so the job is new. One Nomad call per new job saved at a
/// cold start; a changed job is still read back for its version.
/// </summary>
internal static class RegisteredJob
{
    /// <summary>Sets the run's JobModifyIndex and version from <paramref name="response"/> when the job was new; false when it must be read.</summary>
    public static bool TryFromResponse(NomadJobRun run, JobRegisterResponse response)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(response);
        if (run.Live is not null || run.Plan is { JobModifyIndex: not 0 } || response.JobModifyIndex == 0)
        {
            return false;
        }

        run.JobModifyIndex = response.JobModifyIndex;
        run.JobVersion = run.Desired?["Version"] is JsonValue version && version.TryGetValue<ulong>(out var submitted) ? submitted : 0;
        return true;
    }
}
