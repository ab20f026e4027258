using Microsoft.Extensions.Time.Testing;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Server.StatusPage;

namespace NomadGitOps.Tests.Server.StatusPage;

public sealed class TransitionLogTests
{
    private static readonly ObjectKey Web = ObjectKey.NomadJob("default", "web");

    [Fact]
    public void Only_a_change_of_ready_state_or_reason_is_a_transition_newest_first()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var log = new TransitionLog(time);

        log.Reconciled(ControllerName.NomadJob, Web, new ReconcileOutcome.UpToDate("registered"), TimeSpan.Zero);
        time.Advance(TimeSpan.FromMinutes(1));
        log.Reconciled(ControllerName.NomadJob, Web, new ReconcileOutcome.UpToDate("still there"), TimeSpan.Zero);
        time.Advance(TimeSpan.FromMinutes(1));
        log.Reconciled(ControllerName.NomadJob, Web, new ReconcileOutcome.Failed(Reasons.RegisterFailed, "Nomad at https://user:pw@nomad.example.com said no"), TimeSpan.Zero);
        log.Reconciled(ControllerName.NomadJob, Web, new ReconcileOutcome.Failed(Reasons.RegisterFailed, "said no again"), TimeSpan.Zero);

        var transitions = log.Of(Web);
        transitions.Select(t => (t.Ready, t.Reason)).ShouldBe([(ReadyState.False, Reasons.RegisterFailed), (ReadyState.True, Reasons.Succeeded)]);
        transitions[0].At.ShouldBe(time.GetUtcNow());
        transitions[0].Message.ShouldNotContain("pw");
        log.Of(ObjectKey.NomadJob("default", "other")).ShouldBeEmpty();
    }

    [Fact]
    public void An_object_keeps_only_its_last_ten_transitions()
    {
        var time = new FakeTimeProvider();
        var log = new TransitionLog(time);
        for (var i = 0; i < 25; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            ReconcileOutcome outcome = i % 2 == 0 ? new ReconcileOutcome.UpToDate("ok") : new ReconcileOutcome.Stalled(Reasons.InvalidSpec, "bad");
            log.Reconciled(ControllerName.NomadJob, Web, outcome, TimeSpan.Zero);
        }

        log.Of(Web).Count.ShouldBe(TransitionLog.PerObject);
        log.Of(Web)[0].At.ShouldBe(time.GetUtcNow());
    }
}
