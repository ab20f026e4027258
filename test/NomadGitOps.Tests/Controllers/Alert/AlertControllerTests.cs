using Nomad.Emulator.Faults;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Controllers.Alert;

/// <summary>The Alert controller on <see cref="ControllerHarness"/> (the real DI graph, the emulator).</summary>
public sealed class AlertControllerTests : IAsyncLifetime
{
    private const string AlertPath = "nomad-gitops/v1/alert/team";
    private static readonly ObjectKey Team = ObjectKey.Alert("team");
    private ControllerHarness h = null!;

    public async ValueTask InitializeAsync() => h = await ControllerHarness.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => h.DisposeAsync();

    [Fact]
    public async Task A_valid_alert_is_ready_and_its_message_names_no_url()
    {
        await PutAsync("nomad-gitops/secrets/slack", ("address", "https://hooks.slack.com/services/T0/B0/S3CRET"));
        await PutAsync(AlertPath, ("type", "slack"), ("secret", "nomad-gitops/secrets/slack"), ("events", "failed,recovered,applied"));

        var outcome = await ReconcileAsync();

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        var items = Items();
        items[ItemKeys.StatusReady].ShouldBe("True");
        items[ItemKeys.StatusReason].ShouldBe(Reasons.Succeeded);
        items[ItemKeys.StatusMessage].ShouldContain("events: failed, recovered, applied");
        items.Values.ShouldAllBe(v => !v.Contains("S3CRET"));
        items.ShouldNotContainKey(ItemKeys.StatusLastSentAt);
    }

    [Fact]
    public async Task An_unknown_type_stalls_with_the_reason_in_status()
    {
        await PutAsync(AlertPath, ("type", "pagerduty"), ("address", "https://example.com/hook"));

        var outcome = await ReconcileAsync();

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.InvalidSpec);
        Items()[ItemKeys.StatusMessage].ShouldContain("\"pagerduty\"");
        Items()[ItemKeys.StatusReady].ShouldBe("False");
    }

    [Fact]
    public async Task A_missing_secret_fails_and_says_how_to_create_it()
    {
        await PutAsync(AlertPath, ("type", "discord"), ("secret", "nomad-gitops/secrets/none"));

        var outcome = await ReconcileAsync();

        outcome.ShouldBeOfType<ReconcileOutcome.Failed>().Reason.ShouldBe(Reasons.AuthenticationFailed);
        Items()[ItemKeys.StatusMessage].ShouldContain("nomad var put nomad-gitops/secrets/none address=");
    }

    [Fact]
    public async Task A_secret_without_an_address_fails_with_a_sentence()
    {
        await PutAsync("nomad-gitops/secrets/slack", ("token", "x"));
        await PutAsync(AlertPath, ("type", "slack"), ("secret", "nomad-gitops/secrets/slack"));

        (await ReconcileAsync()).ShouldBeOfType<ReconcileOutcome.Failed>();

        Items()[ItemKeys.StatusMessage].ShouldContain("has no item \"address\"");
    }

    [Fact]
    public async Task A_failed_delivery_is_published_as_last_error_and_a_later_success_as_last_sent_at()
    {
        await PutAsync(AlertPath, ("type", "generic"), ("address", "https://example.com/hook"));
        h.AlertDeliveries.Failed(Team, "failed of nomadjob/default/web: the receiver answered 500 Internal Server Error");

        (await ReconcileAsync()).ShouldBeOfType<ReconcileOutcome.Failed>().Reason.ShouldBe(Reasons.DeliveryFailed);
        Items()[ItemKeys.StatusLastError].ShouldContain("500");
        Items()[ItemKeys.StatusReady].ShouldBe("False");

        h.AlertDeliveries.Delivered(Team, new DateTimeOffset(2026, 12, 4, 21, 30, 5, TimeSpan.Zero));
        (await ReconcileAsync()).ShouldBeOfType<ReconcileOutcome.UpToDate>();

        var items = Items();
        items[ItemKeys.StatusLastSentAt].ShouldBe("2026-12-04T21:30:05Z");
        items.ShouldNotContainKey(ItemKeys.StatusLastError);
        items[ItemKeys.StatusReady].ShouldBe("True");
    }

    [Fact]
    public async Task A_second_reconcile_of_an_unchanged_alert_writes_nothing()
    {
        await PutAsync(AlertPath, ("type", "generic"), ("address", "https://example.com/hook"));
        await ReconcileAsync();
        var index = h.Nomad.State.Variables.Get("default", AlertPath)!.ModifyIndex;

        await ReconcileAsync();

        h.Nomad.State.Variables.Get("default", AlertPath)!.ModifyIndex.ShouldBe(index);
    }

    [Fact]
    public async Task A_suspended_alert_says_so()
    {
        await PutAsync(AlertPath, ("type", "generic"), ("address", "https://example.com/hook"), ("suspend", "true"));

        await ReconcileAsync();

        Items()[ItemKeys.StatusReason].ShouldBe(Reasons.Suspended);
    }

    [Fact]
    public async Task A_suspended_alert_with_an_invalid_spec_is_suspended_not_stalled()
    {
        await PutAsync(AlertPath, ("type", "pagerduty"), ("address", "https://example.com/hook"), ("suspend", "true"));

        (await ReconcileAsync()).ShouldBeOfType<ReconcileOutcome.UpToDate>().Reason.ShouldBe(Reasons.Suspended);

        Items()[ItemKeys.StatusReason].ShouldBe(Reasons.Suspended);
    }

    [Fact]
    public async Task A_suspended_alert_whose_secret_is_missing_is_suspended_and_reads_no_secret()
    {
        await PutAsync(AlertPath, ("type", "discord"), ("secret", "nomad-gitops/secrets/none"), ("suspend", "true"));
        h.Nomad.Calls.Reset();

        (await ReconcileAsync()).ShouldBeOfType<ReconcileOutcome.UpToDate>().Reason.ShouldBe(Reasons.Suspended);

        Items()[ItemKeys.StatusMessage].ShouldContain("is suspended");
        h.Nomad.Calls.Count("GET /v1/var/:path").ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_at_the_time_the_backoff_draws_and_later_after_a_second_failure()
    {
        await PutAsync(AlertPath, ("type", "generic"), ("address", "https://example.com/hook"));
        h.AlertDeliveries.Failed(Team, "failed of nomadjob/default/web: the receiver answered 500 Internal Server Error");
        // The harness's one Backoff is seeded with 7 and nothing drew from it yet: the same draws, in order.
        var same = new Backoff(BackoffOptions.Default, new Random(7));
        var (first, second) = (same.DelayAfter(1), same.DelayAfter(2));

        var once = (await ReconcileAsync()).ShouldBeOfType<ReconcileOutcome.Failed>();
        var twice = (await ReconcileAsync()).ShouldBeOfType<ReconcileOutcome.Failed>();

        once.RetryAfter.ShouldBe(first);
        twice.RetryAfter.ShouldBe(second);
        twice.RetryAfter.ShouldNotBeNull().ShouldBeInRange(BackoffOptions.Default.Min, same.Ceiling(2));
    }

    [Fact]
    public async Task A_delivery_that_succeeds_after_failures_starts_the_next_failure_at_the_first_backoff_delay_again()
    {
        await PutAsync(AlertPath, ("type", "generic"), ("address", "https://example.com/hook"));
        h.AlertDeliveries.Failed(Team, "failed of nomadjob/default/web: the receiver answered 500 Internal Server Error");
        await ReconcileAsync();
        await ReconcileAsync();
        h.AlertDeliveries.Delivered(Team, ControllerHarness.Start);
        (await ReconcileAsync()).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        h.AlertDeliveries.Failed(Team, "failed of nomadjob/default/web: the receiver answered 502 Bad Gateway");

        var failed = (await ReconcileAsync()).ShouldBeOfType<ReconcileOutcome.Failed>();

        var same = new Backoff(BackoffOptions.Default, new Random(7));
        _ = (same.DelayAfter(1), same.DelayAfter(2));
        failed.RetryAfter.ShouldBe(same.DelayAfter(1));
    }

    [Fact]
    public async Task A_suspended_alert_writes_its_status_once_and_then_nothing()
    {
        await PutAsync(AlertPath, ("type", "generic"), ("address", "https://example.com/hook"), ("suspend", "true"));
        (await ReconcileAsync()).Reason.ShouldBe(Reasons.Suspended);
        h.Nomad.Calls.Reset();

        (await ReconcileAsync()).ShouldBeOfType<ReconcileOutcome.UpToDate>().Reason.ShouldBe(Reasons.Suspended);

        h.Nomad.Calls.CountMethod("PUT").ShouldBe(0);
    }

    [Fact]
    public async Task An_alert_Nomad_cannot_read_is_a_failure_with_its_retry_time_not_an_exception()
    {
        await PutAsync(AlertPath, ("type", "generic"), ("address", "https://example.com/hook"));
        h.Nomad.Faults.Add(new FaultRule { Method = "GET", PathPrefix = "/v1/var/" + AlertPath, Status = 500, Body = "rpc error: no leader", Times = 1 });

        var failed = (await ReconcileAsync()).ShouldBeOfType<ReconcileOutcome.Failed>();

        failed.Reason.ShouldBe(Reasons.NomadUnavailable);
        failed.Message.ShouldContain("team");
        failed.RetryAfter.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(BackoffOptions.Default.Min);
        Items().ShouldNotContainKey(ItemKeys.StatusReady);
    }

    [Fact]
    public async Task A_status_write_Nomad_refuses_is_a_failure_with_its_retry_time_and_the_next_reconcile_writes_it()
    {
        await PutAsync(AlertPath, ("type", "generic"), ("address", "https://example.com/hook"));
        h.Nomad.Faults.Add(new FaultRule { Method = "PUT", PathPrefix = "/v1/var/" + AlertPath, Status = 500, Body = "rpc error: raft apply failed", Times = 1 });

        var failed = (await ReconcileAsync()).ShouldBeOfType<ReconcileOutcome.Failed>();

        failed.Reason.ShouldBe(Reasons.NomadUnavailable);
        failed.Message.ShouldContain("writing its status");
        failed.RetryAfter.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(BackoffOptions.Default.Min);
        (await ReconcileAsync()).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        Items()[ItemKeys.StatusReady].ShouldBe("True");
    }

    private Task<ReconcileOutcome> ReconcileAsync() => h.Alerts.ReconcileAsync(Team, TestContext.Current.CancellationToken);

    private IReadOnlyDictionary<string, string> Items() => h.Nomad.State.Variables.Get("default", AlertPath).ShouldNotBeNull().Items;

    private Task PutAsync(string path, params (string Key, string Value)[] items) => h.PutVariableAsync(path, TestContext.Current.CancellationToken, items);
}
