using Nomad.Client;
using NomadGitOps.Controllers;
using NomadGitOps.Controllers.NomadJob;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Controllers.NomadJob;

public sealed class NomadJobStatusSummaryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> Items = new(StringComparer.Ordinal) { ["repository"] = "apps", ["file"] = "web.json", ["job_id"] = "web" };

    [Fact]
    public void A_register_records_hash_index_version_commit_and_time()
    {
        var run = Run(NomadJobStatus.Empty);
        run.Commit = "c1";
        run.DesiredHash = "h1";
        run.Registered = true;
        run.JobModifyIndex = 12;
        run.JobVersion = 3;
        run.EvalId = "e1";
        run.PlanSummary = "web: 1 create";

        var status = NomadJobStatusSummary.For(NomadJobStatus.Empty, Items, run, new ReconcileOutcome.UpToDate("registered"), Now, TimeSpan.Zero);

        status.ShouldBe(new NomadJobStatus(
            Ready: ReadyState.True, Reason: Reasons.Succeeded, Message: "registered", LastAppliedCommit: "c1", LastAttemptedCommit: "c1",
            LastAppliedAt: Now, SpecHash: "h1", JobModifyIndex: 12, JobVersion: 3, EvalId: "e1", Plan: "web: 1 create", ObservedSpec: SpecHash.Of(Items)));
    }

    [Fact]
    public void Nothing_to_do_on_the_same_commit_keeps_the_previous_status_exactly()
    {
        var previous = new NomadJobStatus(
            Ready: ReadyState.True, Reason: Reasons.Succeeded, Message: "Registered version 3", LastAppliedCommit: "c1", LastAttemptedCommit: "c1",
            LastAppliedAt: Now.AddHours(-1), SpecHash: "h1", JobModifyIndex: 12, JobVersion: 3, ObservedSpec: SpecHash.Of(Items));
        var run = Run(previous);
        run.Commit = "c1";
        run.Unchanged = true;

        var status = NomadJobStatusSummary.For(previous, Items, run, new ReconcileOutcome.UpToDate("up to date"), Now, TimeSpan.Zero);

        status.ShouldBe(previous);
    }

    [Fact]
    public void A_failure_counts_up_keeps_what_was_applied_and_schedules_the_next_attempt()
    {
        var previous = new NomadJobStatus(Ready: ReadyState.True, Reason: Reasons.Succeeded, SpecHash: "h1", JobModifyIndex: 12, JobVersion: 3, ConsecutiveFailures: 1);
        var run = Run(previous);
        run.Commit = "c2";

        var status = NomadJobStatusSummary.For(previous, Items, run, new ReconcileOutcome.Failed(Reasons.NomadUnavailable, "down"), Now, TimeSpan.FromSeconds(20));

        status.Ready.ShouldBe(ReadyState.False);
        status.ConsecutiveFailures.ShouldBe(2);
        status.NextAttemptAt.ShouldBe(Now.AddSeconds(20));
        status.LastAttemptedCommit.ShouldBe("c2");
        (status.SpecHash, status.JobModifyIndex, status.JobVersion).ShouldBe(("h1", 12UL, 3UL));
    }

    [Fact]
    public void Reported_drift_is_recorded_and_cleared_by_the_next_success()
    {
        var run = Run(NomadJobStatus.Empty);
        run.Drift = "job \"web\" was stopped outside nomad-gitops";

        var drifted = NomadJobStatusSummary.For(NomadJobStatus.Empty, Items, run, new ReconcileOutcome.Stalled(Reasons.DriftDetected, "drift"), Now, TimeSpan.Zero);
        var recovered = NomadJobStatusSummary.For(drifted, Items, Run(drifted), new ReconcileOutcome.UpToDate("ok"), Now, TimeSpan.Zero);

        drifted.Drift.ShouldBe(run.Drift);
        recovered.Drift.ShouldBeNull();
    }

    [Fact]
    public void A_followed_deployment_is_recorded()
    {
        var run = Run(NomadJobStatus.Empty);
        run.Deployment = new Deployment { ID = "d1", Status = DeploymentStatus.Running };

        var status = NomadJobStatusSummary.For(NomadJobStatus.Empty, Items, run, new ReconcileOutcome.Waiting(Reasons.Progressing, "running", TimeSpan.FromSeconds(10)), Now, TimeSpan.Zero);

        (status.Ready, status.DeploymentId, status.DeploymentStatus, status.NextAttemptAt).ShouldBe((ReadyState.Unknown, "d1", "running", (DateTimeOffset?)null));
    }

    [Fact]
    public void A_guard_outcome_without_a_run_sets_only_the_outcome_fields()
    {
        var previous = new NomadJobStatus(Ready: ReadyState.True, SpecHash: "h1", JobVersion: 3);

        var status = NomadJobStatusSummary.For(previous, Items, null, new ReconcileOutcome.Stalled(Reasons.InvalidSpec, "bad"), Now, TimeSpan.Zero);

        status.ShouldBe(previous with { Ready = ReadyState.False, Reason = Reasons.InvalidSpec, Message = "bad", ConsecutiveFailures = 1, ObservedSpec = SpecHash.Of(Items) });
    }

    [Fact]
    public void The_reconcile_request_handled_is_recorded_even_by_a_guard_and_dropped_with_the_request()
    {
        var requested = new Dictionary<string, string>(Items, StringComparer.Ordinal) { [ItemKeys.ReconcileRequestedAt] = "r1" };

        var handled = NomadJobStatusSummary.For(NomadJobStatus.Empty, requested, null, new ReconcileOutcome.Stalled(Reasons.InvalidSpec, "bad"), Now, TimeSpan.Zero);
        var dropped = NomadJobStatusSummary.For(handled, Items, Run(handled), new ReconcileOutcome.UpToDate("ok"), Now, TimeSpan.Zero);

        handled.LastHandledReconcileAt.ShouldBe("r1");
        dropped.LastHandledReconcileAt.ShouldBeNull();
    }

    [Fact]
    public void A_rolled_back_release_records_the_live_job_and_the_failed_deployment_and_keeps_the_failed_hash()
    {
        var previous = new NomadJobStatus(Ready: ReadyState.True, Reason: Reasons.Succeeded, SpecHash: "failing", JobModifyIndex: 20, JobVersion: 1, LastAppliedCommit: "c1");
        var run = Run(previous);
        run.Commit = "c1";
        run.Live = System.Text.Json.Nodes.JsonNode.Parse("""{"Version": 2, "JobModifyIndex": 31}""")!.AsObject();
        run.FailedRelease = new FailedRelease("d1", 1, "Failed due to unhealthy allocations - rolling back to job version 0");

        var status = NomadJobStatusSummary.For(previous, Items, run, new ReconcileOutcome.Stalled(Reasons.DeploymentFailed, "rolled back"), Now, TimeSpan.Zero);

        (status.Ready, status.Reason, status.SpecHash, status.JobModifyIndex, status.JobVersion).ShouldBe((ReadyState.False, Reasons.DeploymentFailed, "failing", 31UL, 2UL));
        (status.DeploymentId, status.DeploymentStatus, status.LastAppliedCommit).ShouldBe(("d1", DeploymentStatus.Failed, "c1"));
    }

    private static NomadJobRun Run(NomadJobStatus previous)
    {
        var key = ObjectKey.NomadJob("default", "web");
        var spec = NomadJobSpec.Parse(Items, key).Spec!;
        return new NomadJobRun(new StoredObject(key, Items, 1), spec, previous, key.ToPath(ObjectKey.DefaultPrefix));
    }
}
