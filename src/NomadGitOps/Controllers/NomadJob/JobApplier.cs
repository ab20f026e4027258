using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using static NomadGitOps.Controllers.NomadJob.LiveJob;
using static NomadGitOps.Controllers.ReconcileOutcome;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// Plans the desired job against the live one and registers it with <c>EnforceIndex</c> at the planned
/// <c>JobModifyIndex</c>; a job changed between plan and register is planned again (up to
/// <see cref="NomadJobControllerOptions.MaxEnforceIndexRetries"/> times).
/// </summary>
internal sealed class JobApplier(NomadClient nomad, NomadJobControllerOptions options, ILogger<JobApplier> logger, UnchangedJobCheck? unchanged = null)
{
    public async Task<StepResult> PlanAsync(NomadJobRun run, CancellationToken ct)
    {
        var job = (JsonObject)run.Desired!.DeepClone();
        if (run.Spec.PreserveCounts)
        {
            CopyLiveCounts(run.Live, job);
        }

        try
        {
            run.Plans++;
            run.Plan = await nomad.Jobs.PlanAsync(job, diff: true, write: Write(run.Spec), ct: ct);
        }
        catch (NomadApiException e) when (!IsUnavailable(e))
        {
            return new Stalled(Reasons.PlanFailed, $"Nomad refused to plan {run.JobName} from {run.Spec.File} at commit {run.ShortCommit}: {e.NomadMessage}");
        }

        run.PlanSummary = PlanSummary.Of(run.Plan);
        // Planned without reading the job, and it exists: the controller reads it and plans again (AdoptExisting).
        if (run.Plan.DiffType != "None" || (run.LiveUnread && run.Plan.JobModifyIndex != 0))
        {
            return StepResult.Continue;
        }

        run.PlanUnchanged = true;
        run.JobModifyIndex = run.LiveJobModifyIndex ?? run.Plan.JobModifyIndex;
        run.JobVersion = run.LiveVersion;
        if (run.Previous is { DeploymentStatus: DeploymentStatus.Failed, Message: { } failedMessage } && run.LiveVersion == run.Previous.JobVersion)
        {
            // Nomad does not roll out a version whose deployment failed again: registering the same spec would change nothing.
            const string Unchanged = " The plan shows no change, so nothing was registered.";
            return new Stalled(Reasons.DeploymentFailed, failedMessage.EndsWith(Unchanged, StringComparison.Ordinal) ? failedMessage : failedMessage + Unchanged);
        }

        return new UpToDate($"{run.JobName} matches {run.Spec.File} at commit {run.ShortCommit}: the plan shows no changes.");
    }

    public async Task<StepResult> RegisterAsync(NomadJobRun run, CancellationToken ct)
    {
        JobRegisterResponse registered;
        for (var attempt = 0; ; attempt++)
        {
            var request = new JobRegisterRequest(run.Desired!)
            {
                EnforceIndex = true,
                JobModifyIndex = run.Plan!.JobModifyIndex,
                PreserveCounts = run.Spec.PreserveCounts,
                Submission = new JobSubmission { Source = run.Input!.Source, Format = run.Parsed!.Format, Variables = run.Parsed.Format == JobFileParser.JsonFormat ? null : run.Input.Variables.Combined() },
            };
            try
            {
                registered = await nomad.Jobs.RegisterAsync(request, Write(run.Spec), ct);
                run.Registered = true;
                run.EvalId = registered.EvalID.Length > 0 ? registered.EvalID : null;
                break;
            }
            catch (NomadApiException e) when (IsEnforceIndexConflict(e))
            {
                if (attempt >= options.MaxEnforceIndexRetries)
                {
                    return new Failed(Reasons.RegisterFailed, $"{run.JobName} changed between plan and register {attempt + 1} times in a row ({e.NomadMessage}); trying again later.", e);
                }

                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("{Job} in {Namespace} changed between plan and register ({Message}); planning again", run.Spec.JobId, run.Spec.Namespace, e.NomadMessage);
                }

                run.Live = (await nomad.Jobs.ReadAsync(run.Spec.JobId, Query(run.Spec), ct)).Value;
                var replanned = await PlanAsync(run, ct);
                if (!replanned.IsContinue)
                {
                    return replanned;
                }
            }
            catch (NomadApiException e) when (!IsUnavailable(e))
            {
                return new Stalled(Reasons.RegisterFailed, $"Nomad refused to register {run.JobName} from {run.Spec.File} at commit {run.ShortCommit}: {e.NomadMessage}");
            }
        }

        if (!RegisteredJob.TryFromResponse(run, registered))
        {
            run.Live = (await nomad.Jobs.ReadAsync(run.Spec.JobId, Query(run.Spec), ct)).Value;
            run.JobModifyIndex = run.LiveJobModifyIndex;
            run.JobVersion = run.LiveVersion;
        }

        unchanged?.Registered(run);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("{Object} registered version {Version} from {File}@{Commit} ({Plan})",
                run.Stored.Key, run.JobVersion, run.Spec.File, run.ShortCommit, run.PlanSummary);
        }

        return StepResult.Continue;
    }
}
