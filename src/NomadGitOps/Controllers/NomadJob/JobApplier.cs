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
/// <see cref="NomadJobControllerOptions.MaxEnforceIndexRetries"/> times). A job that is new as far as the controller
/// knows is registered without a plan, "only if it does not exist" (<see cref="RegisterNewAsync"/>).
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
        if (run.Plan.DiffType != "None")
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
            try
            {
                registered = await nomad.Jobs.RegisterAsync(Request(run, run.Plan!.JobModifyIndex), Write(run.Spec), ct);
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

        await RecordAsync(run, registered, ct);
        return StepResult.Continue;
    }

    /// <summary>
    /// Registers a job that the controller never applied and that the owned-job cache does not list, with no plan and no
    /// read: <c>EnforceIndex</c> with <c>JobModifyIndex</c> 0, which Nomad's <c>Job.Register</c> accepts only when no job
    /// by that ID exists in the namespace ("Enforcing job modify index 0: job already exists" otherwise). A job that does
    /// exist (someone else's, or one without meta to adopt) answers <see cref="JobExists"/>: the controller then reads it
    /// and goes the way of plan and register. Nomad validates the job before it looks at the index, as a plan does, so a
    /// job it refuses is <c>Stalled(PlanFailed)</c> as it would be at the plan.
    /// </summary>
    public async Task<StepResult> RegisterNewAsync(NomadJobRun run, CancellationToken ct)
    {
        JobRegisterResponse registered;
        try
        {
            registered = await nomad.Jobs.RegisterAsync(Request(run, jobModifyIndex: 0), Write(run.Spec), ct);
        }
        catch (NomadApiException e) when (IsEnforceIndexConflict(e))
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("{Job} in {Namespace} exists although the controller never applied it ({Message}); reading it", run.Spec.JobId, run.Spec.Namespace, e.NomadMessage);
            }

            return JobExists.Instance;
        }
        catch (NomadApiException e) when (!IsUnavailable(e))
        {
            return new Stalled(Reasons.PlanFailed, $"Nomad refused {run.JobName} from {run.Spec.File} at commit {run.ShortCommit}: {e.NomadMessage}");
        }

        run.Registered = true;
        run.EvalId = registered.EvalID.Length > 0 ? registered.EvalID : null;
        run.PlanSummary = PlanSummary.OfNewJob(run.Desired!);
        await RecordAsync(run, registered, ct);
        return StepResult.Continue;
    }

    private static JobRegisterRequest Request(NomadJobRun run, ulong jobModifyIndex) => new(run.Desired!)
    {
        EnforceIndex = true,
        JobModifyIndex = jobModifyIndex,
        PreserveCounts = run.Spec.PreserveCounts,
        Submission = new JobSubmission { Source = run.Input!.Source, Format = run.Parsed!.Format, Variables = run.Parsed.Format == JobFileParser.JsonFormat ? null : run.Input.Variables.Combined() },
    };

    // The registered job's JobModifyIndex and version (from the answer for a new job, else read back), into the run and
    // the owned-job cache.
    private async Task RecordAsync(NomadJobRun run, JobRegisterResponse registered, CancellationToken ct)
    {
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
    }
}
