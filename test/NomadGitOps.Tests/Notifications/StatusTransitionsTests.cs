using NomadGitOps.Notifications;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Notifications;

public sealed class StatusTransitionsTests
{
    private static readonly ObjectKey Web = ObjectKey.NomadJob("default", "web");
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_version_of_an_object_is_a_baseline_and_reports_nothing()
    {
        var (next, events) = StatusTransitions.Apply(null, Change(("status_ready", "False")), Now);

        events.ShouldBeEmpty();
        next.ShouldNotBeNull().Failing.ShouldBeTrue();
    }

    [Fact]
    public void A_register_reports_applied_with_the_applied_commit()
    {
        var before = Track(("status_ready", "True"), ("status_last_applied_at", "2026-12-04T20:00:00Z"));

        var (_, events) = StatusTransitions.Apply(before, Change(("status_ready", "True"), ("status_reason", Reasons.Succeeded),
            ("status_last_applied_at", "2026-12-04T21:00:00Z"), ("status_last_applied_commit", "0123456789abcdef")), Now);

        var applied = events.ShouldHaveSingleItem();
        applied.Kind.ShouldBe(AlertEventKind.Applied);
        applied.Commit.ShouldBe("0123456789abcdef");
        applied.Title.ShouldBe("NomadJob default/web applied at 0123456");
    }

    [Fact]
    public void A_register_that_corrects_drift_reports_drift_corrected_instead_of_applied()
    {
        var before = Track(("status_ready", "True"), ("status_last_applied_at", "2026-12-04T20:00:00Z"));

        var (_, events) = StatusTransitions.Apply(before, Change(("status_ready", "True"), ("status_reason", Reasons.DriftCorrected),
            ("status_last_applied_at", "2026-12-04T21:00:00Z")), Now);

        events.ShouldHaveSingleItem().Kind.ShouldBe(AlertEventKind.DriftCorrected);
    }

    [Fact]
    public void A_quiet_status_write_without_a_new_register_reports_nothing()
    {
        var before = Track(("status_ready", "True"), ("status_last_applied_at", "2026-12-04T20:00:00Z"));

        var (_, events) = StatusTransitions.Apply(before, Change(("status_ready", "True"), ("status_deployment_status", "successful"),
            ("status_last_applied_at", "2026-12-04T20:00:00Z")), Now);

        events.ShouldBeEmpty();
    }

    [Fact]
    public void An_orphaned_job_stopped_with_prune_on_reports_pruned_once()
    {
        var before = Track(("status_ready", "True"), ("status_reason", Reasons.Succeeded));
        var (after, events) = StatusTransitions.Apply(before, Change(("status_ready", "True"), ("status_reason", Reasons.Pruned)), Now);
        events.ShouldHaveSingleItem().Kind.ShouldBe(AlertEventKind.Pruned);

        var (_, again) = StatusTransitions.Apply(after, Change(("status_ready", "True"), ("status_reason", Reasons.Pruned), ("status_message", "still")), Now);

        again.ShouldBeEmpty();
    }

    [Fact]
    public void A_deleted_job_with_prune_on_that_was_applied_reports_pruned()
    {
        var before = Track(("prune", "true"), ("repository", "apps"), ("status_ready", "True"), ("status_job_modify_index", "12"),
            ("status_last_applied_commit", "feedface"));

        var (next, events) = StatusTransitions.Apply(before, new ObjectCacheChange(Web, null), Now);

        next.ShouldBeNull();
        var pruned = events.ShouldHaveSingleItem();
        pruned.Kind.ShouldBe(AlertEventKind.Pruned);
        pruned.Repository.ShouldBe("apps");
        pruned.Commit.ShouldBe("feedface");
        pruned.Message.ShouldContain("job \"web\" is stopped");
    }

    [Theory]
    [InlineData("prune off", "false", "12")]
    [InlineData("never applied", "true", "")]
    public void A_deleted_job_that_is_not_pruned_reports_nothing(string why, string prune, string modifyIndex)
    {
        _ = why;
        var before = Track(("prune", prune), ("status_ready", "True"), ("status_job_modify_index", modifyIndex));

        StatusTransitions.Apply(before, new ObjectCacheChange(Web, null), Now).Events.ShouldBeEmpty();
    }

    private static ObjectCacheChange Change(params (string Key, string Value)[] items) =>
        new(Web, new StoredObject(Web, items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal), 2));

    private static TrackedObject Track(params (string Key, string Value)[] items) =>
        StatusTransitions.Apply(null, Change(items), Now).Next.ShouldNotBeNull();
}
