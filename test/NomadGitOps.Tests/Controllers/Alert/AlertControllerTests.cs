using NomadGitOps.Controllers;
using NomadGitOps.Objects;
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

    private Task<ReconcileOutcome> ReconcileAsync() => h.Alerts.ReconcileAsync(Team, TestContext.Current.CancellationToken);

    private IReadOnlyDictionary<string, string> Items() => h.Nomad.State.Variables.Get("default", AlertPath).ShouldNotBeNull().Items;

    private Task PutAsync(string path, params (string Key, string Value)[] items) => h.PutVariableAsync(path, TestContext.Current.CancellationToken, items);
}
