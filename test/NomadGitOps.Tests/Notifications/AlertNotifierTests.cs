using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Notifications;

/// <summary>The notifier over the object cache: which versions become events, and how often.</summary>
public sealed class AlertNotifierTests : IAsyncLifetime
{
    private static readonly ObjectKey Web = ObjectKey.NomadJob("default", "web");
    private NotificationHarness h = null!;

    public async ValueTask InitializeAsync() => h = await NotificationHarness.StartAsync();

    public ValueTask DisposeAsync() => h.DisposeAsync();

    [Fact]
    public void A_job_failing_over_twenty_intervals_reports_failed_once_and_recovered_once()
    {
        h.Put(Web, Job("True", Reasons.Succeeded, 0));
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            // Each retry writes a new failure count and next attempt; a wait in between is neither failure nor recovery.
            h.Put(Web, Job("False", Reasons.RenderFailed, attempt));
            h.Put(Web, Job("Unknown", Reasons.DependencyNotReady, attempt));
        }

        h.Put(Web, Job("True", Reasons.Succeeded, 0));
        h.Put(Web, Job("True", Reasons.Succeeded, 0));

        var events = h.Drain();
        events.Select(e => e.Kind).ShouldBe([AlertEventKind.Failed, AlertEventKind.Recovered]);
        events[0].Reason.ShouldBe(Reasons.RenderFailed);
        events[0].Message.ShouldBe("attempt 1 failed");
        events[0].Object.ShouldBe(Web);
        events[0].Repository.ShouldBe("apps");
        events[0].Commit.ShouldBe("b2c3d4e5f6a7b2c3d4e5f6a7b2c3d4e5f6a7b2c3");
    }

    [Fact]
    public void An_object_already_failing_when_the_controller_starts_is_not_reported_again_until_it_recovers()
    {
        // The first version of a term is the baseline (a restart reads every object once).
        h.Put(Web, Job("False", Reasons.RenderFailed, 7));
        h.Put(Web, Job("False", Reasons.RenderFailed, 8));
        h.Drain().ShouldBeEmpty();

        h.Put(Web, Job("True", Reasons.Succeeded, 0));

        h.Drain().Select(e => e.Kind).ShouldBe([AlertEventKind.Recovered]);
    }

    [Fact]
    public void A_standby_replica_reports_nothing_and_a_new_term_starts_from_a_fresh_baseline()
    {
        h.Acting = false;
        h.Put(Web, Job("True", Reasons.Succeeded, 0));
        h.Put(Web, Job("False", Reasons.RenderFailed, 1));
        h.Drain().ShouldBeEmpty();
        h.Notifier.Tracked.ShouldBe(0);

        // Leadership comes: the object, failing already (the old leader reported it), is a baseline.
        h.Acting = true;
        h.Put(Web, Job("False", Reasons.RenderFailed, 2));
        h.Drain().ShouldBeEmpty();
        h.Put(Web, Job("True", Reasons.Succeeded, 0));
        h.Drain().Select(e => e.Kind).ShouldBe([AlertEventKind.Recovered]);
    }

    [Fact]
    public void An_emptied_cache_forgets_every_object()
    {
        h.Put(Web, Job("True", Reasons.Succeeded, 0));
        h.Cache.Reset();
        h.Notifier.Tracked.ShouldBe(0);

        h.Put(Web, Job("False", Reasons.RenderFailed, 1));

        h.Drain().ShouldBeEmpty();
    }

    [Fact]
    public void A_repository_that_fails_and_recovers_is_reported_with_its_current_commit()
    {
        var apps = ObjectKey.GitRepository("apps");
        h.Put(apps, ("url", "https://git.example.com/apps.git"), ("status_ready", "True"), ("status_current_commit", "abc1234def"));
        h.Put(apps, ("url", "https://git.example.com/apps.git"), ("status_ready", "False"), ("status_reason", Reasons.AuthenticationFailed),
            ("status_message", "denied"), ("status_current_commit", "abc1234def"));

        var failed = h.Drain().ShouldHaveSingleItem();

        failed.Kind.ShouldBe(AlertEventKind.Failed);
        failed.Repository.ShouldBe("apps");
        failed.Commit.ShouldBe("abc1234def");
        failed.Title.ShouldBe("GitRepository apps failed (AuthenticationFailed)");
    }

    [Fact]
    public void Receivers_and_alerts_make_no_events()
    {
        h.Put(ObjectKey.Receiver("github"), ("type", "github"), ("status_ready", "True"));
        h.Put(ObjectKey.Receiver("github"), ("type", "github"), ("status_ready", "False"));
        h.Alert("team", ("type", "slack"), ("status_ready", "True"));
        h.Alert("team", ("type", "slack"), ("status_ready", "False"));

        h.Drain().ShouldBeEmpty();
        h.Notifier.Tracked.ShouldBe(0);
    }

    [Fact]
    public async Task A_full_queue_drops_the_oldest_events_and_counts_them()
    {
        await using var small = await NotificationHarness.StartAsync(NotificationHarness.FastRetries with { QueueCapacity = 2 });
        var jobs = Enumerable.Range(0, 5).Select(i => ObjectKey.NomadJob("default", $"job{i}")).ToList();
        foreach (var job in jobs)
        {
            small.Put(job, Job("True", Reasons.Succeeded, 0));
            small.Put(job, Job("False", Reasons.PlanFailed, 1));
        }

        small.Queue.Dropped.ShouldBe(3);
        small.Drain().Select(e => e.Object).ShouldBe([jobs[3], jobs[4]]);
    }

    internal static (string Key, string Value)[] Job(string ready, string reason, int failures) =>
    [
        ("repository", "apps"), ("file", "jobs/web.nomad.hcl"), ("job_id", "web"),
        ("status_ready", ready), ("status_reason", reason), ("status_message", failures > 0 ? $"attempt {failures} failed" : "registered"),
        ("status_last_attempted_commit", "b2c3d4e5f6a7b2c3d4e5f6a7b2c3d4e5f6a7b2c3"),
        ("status_last_applied_commit", "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2"),
        ("status_job_modify_index", "42"),
        ("status_consecutive_failures", failures.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
