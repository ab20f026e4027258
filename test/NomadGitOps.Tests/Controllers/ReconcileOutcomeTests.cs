using NomadGitOps.Controllers;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Controllers;

public sealed class ReconcileOutcomeTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan BackoffDelay = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("up to date: ready, failures reset, back after the interval", "UpToDate", "True", 0, 60, false)]
    [InlineData("waiting: unknown, failures kept, back after its own delay", "Waiting", "Unknown", 3, 5, false)]
    [InlineData("failed: not ready, one more failure, back after backoff", "Failed", "False", 4, 20, true)]
    [InlineData("stalled: not ready, one more failure, back only on a spec change", "Stalled", "False", 4, null, true)]
    public void Each_outcome_says_what_it_means_for_ready_failures_and_retry(
        string why, string kind, string ready, int failuresAfterThree, int? requeueSeconds, bool isFailure)
    {
        ReconcileOutcome outcome = kind switch
        {
            "UpToDate" => new ReconcileOutcome.UpToDate("job web is at 3f2a1b0"),
            "Waiting" => new ReconcileOutcome.Waiting(Reasons.DependencyNotReady, "repository apps has no artifact", TimeSpan.FromSeconds(5)),
            "Failed" => new ReconcileOutcome.Failed(Reasons.PlanFailed, "Nomad answered 500"),
            _ => new ReconcileOutcome.Stalled(Reasons.InvalidSpec, "item url is missing"),
        };

        outcome.Ready.ToString().ShouldBe(ready, why);
        outcome.ConsecutiveFailures(3).ShouldBe(failuresAfterThree, why);
        outcome.RequeueAfter(Interval, BackoffDelay).ShouldBe(requeueSeconds is { } s ? TimeSpan.FromSeconds(s) : null, why);
        outcome.IsFailure.ShouldBe(isFailure, why);
        outcome.IsContinue.ShouldBeFalse();
        Reasons.All.ShouldContain(outcome.Reason);
    }

    [Fact]
    public void A_failure_carrying_the_controllers_own_retry_delay_is_retried_after_it_rather_than_the_engines_backoff() =>
        new ReconcileOutcome.Failed(Reasons.PlanFailed, "Nomad answered 500") { RetryAfter = TimeSpan.FromSeconds(7) }
            .RequeueAfter(Interval, BackoffDelay).ShouldBe(TimeSpan.FromSeconds(7));

    [Fact]
    public void Continue_is_the_only_result_that_lets_the_reconcile_go_on()
    {
        StepResult.Continue.IsContinue.ShouldBeTrue();
        StepResult.Continue.ShouldNotBeAssignableTo<ReconcileOutcome>();
    }

    [Fact]
    public void Up_to_date_defaults_to_the_succeeded_reason_and_takes_another()
    {
        new ReconcileOutcome.UpToDate("ok").Reason.ShouldBe(Reasons.Succeeded);
        new ReconcileOutcome.UpToDate("suspended", Reasons.Suspended).Reason.ShouldBe(Reasons.Suspended);
    }
}
