using System.Net;
using NomadGitOps.Notifications;
using NomadGitOps.Objects;
using NomadGitOps.Server.Webhooks;

namespace NomadGitOps.Tests.Notifications;

/// <summary>Deliveries to a loopback receiver: the body of each type, the signature, retries, suspend and filters.</summary>
public sealed class AlertDeliveryTests : IAsyncLifetime
{
    private static readonly ObjectKey Web = ObjectKey.NomadJob("default", "web");
    private NotificationHarness h = null!;
    private WebhookSink sink = null!;

    public async ValueTask InitializeAsync()
    {
        h = await NotificationHarness.StartAsync();
        sink = WebhookSink.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await h.DisposeAsync();
        await sink.DisposeAsync();
    }

    [Fact]
    public async Task A_slack_alert_posts_text_and_a_red_attachment_with_the_facts()
    {
        h.Alert("team", ("type", "slack"), ("address", sink.Address.ToString()));

        var request = await FailWebAsync();

        request.Method.ShouldBe("POST");
        request.Path.ShouldBe(sink.Address.AbsolutePath);
        request.Headers["Content-Type"].ShouldStartWith("application/json");
        var json = request.Json;
        json["text"]!.GetValue<string>().ShouldBe("NomadJob default/web failed (RenderFailed)");
        var attachment = json["attachments"]!.AsArray().ShouldHaveSingleItem()!.AsObject();
        attachment["color"]!.GetValue<string>().ShouldBe("#d32f2f");
        attachment["text"]!.GetValue<string>().ShouldBe("attempt 1 failed");
        var fields = attachment["fields"]!.AsArray().Select(f => (f!["title"]!.GetValue<string>(), f["value"]!.GetValue<string>())).ToList();
        fields.ShouldContain(("Object", "nomadjob/default/web"));
        fields.ShouldContain(("Reason", Reasons.RenderFailed));
        fields.ShouldContain(("Repository", "apps"));
        fields.ShouldContain(("Commit", "b2c3d4e"));
        request.Headers.ContainsKey(AlertSender.SignatureHeader).ShouldBeFalse();
    }

    [Fact]
    public async Task A_discord_alert_posts_content_and_an_embed_with_an_integer_colour()
    {
        h.Alert("team", ("type", "discord"), ("address", sink.Address.ToString()));

        var json = (await FailWebAsync()).Json;

        json["content"]!.GetValue<string>().ShouldBe("NomadJob default/web failed (RenderFailed)");
        var embed = json["embeds"]!.AsArray().ShouldHaveSingleItem()!.AsObject();
        embed["description"]!.GetValue<string>().ShouldBe("attempt 1 failed");
        embed["color"]!.GetValue<int>().ShouldBe(0xd32f2f);
        embed["timestamp"]!.GetValue<string>().ShouldEndWith("Z");
        embed["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ShouldContain("Commit");
    }

    [Fact]
    public async Task A_teams_alert_posts_a_message_with_one_adaptive_card()
    {
        h.Alert("team", ("type", "teams"), ("address", sink.Address.ToString()));

        var json = (await FailWebAsync()).Json;

        json["type"]!.GetValue<string>().ShouldBe("message");
        var attachment = json["attachments"]!.AsArray().ShouldHaveSingleItem()!.AsObject();
        attachment["contentType"]!.GetValue<string>().ShouldBe("application/vnd.microsoft.card.adaptive");
        var card = attachment["content"]!.AsObject();
        card["type"]!.GetValue<string>().ShouldBe("AdaptiveCard");
        card["version"]!.GetValue<string>().ShouldBe("1.4");
        var body = card["body"]!.AsArray();
        body[0]!["text"]!.GetValue<string>().ShouldBe("NomadJob default/web failed (RenderFailed)");
        body[1]!["text"]!.GetValue<string>().ShouldBe("attempt 1 failed");
        body[2]!["type"]!.GetValue<string>().ShouldBe("FactSet");
    }

    [Fact]
    public async Task A_generic_alert_posts_the_stable_fields_signed_with_the_token_of_its_secret()
    {
        await h.PutVariableAsync("nomad-gitops/secrets/ops", ("address", sink.Address.ToString()), ("token", "s3cret-token\n"));
        h.Alert("ops", ("type", "generic"), ("secret", "nomad-gitops/secrets/ops"));

        var request = await FailWebAsync();

        var json = request.Json;
        json["event"]!.GetValue<string>().ShouldBe("failed");
        json["kind"]!.GetValue<string>().ShouldBe("NomadJob");
        json["name"]!.GetValue<string>().ShouldBe("web");
        json["namespace"]!.GetValue<string>().ShouldBe("default");
        json["reason"]!.GetValue<string>().ShouldBe(Reasons.RenderFailed);
        json["message"]!.GetValue<string>().ShouldBe("attempt 1 failed");
        json["commit"]!.GetValue<string>().ShouldBe("b2c3d4e5f6a7b2c3d4e5f6a7b2c3d4e5f6a7b2c3");
        DateTimeOffset.Parse(json["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Offset.ShouldBe(TimeSpan.Zero);
        var expected = "sha256=" + WebhookSignature.Sign(System.Text.Encoding.UTF8.GetBytes(request.Body), "s3cret-token");
        request.Headers[AlertSender.SignatureHeader].ShouldBe(expected);
        // The project's own generic receiver accepts the signature.
        WebhookSignature.IsValid(ReceiverType.Generic, n => request.Headers.GetValueOrDefault(n), System.Text.Encoding.UTF8.GetBytes(request.Body), "s3cret-token").ShouldBeTrue();
    }

    [Fact]
    public async Task A_delivery_answered_500_is_tried_again_and_succeeds()
    {
        h.Alert("team", ("type", "generic"), ("address", sink.Address.ToString()));
        sink.AnswerNext(HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway);

        await FailWebAsync(expectedRequests: 3);

        sink.Received.Select(r => r.Body).Distinct().Count().ShouldBe(1);
        await EventuallyAsync(() => h.Log.Find(ObjectKey.Alert("team")) is { LastError: null, Sent: 1 });
        h.Trigger.Triggered.ShouldContain((NomadGitOps.Scheduling.ControllerName.Alert, ObjectKey.Alert("team")));
    }

    [Fact]
    public async Task A_delivery_refused_with_400_is_not_retried_and_the_error_names_no_url()
    {
        h.Alert("team", ("type", "slack"), ("address", sink.Address.ToString()));
        sink.AnswerNext(HttpStatusCode.BadRequest);

        await FailWebAsync();
        await EventuallyAsync(() => h.Log.Find(ObjectKey.Alert("team")) is { Failed: 1 });

        sink.Received.Count.ShouldBe(1);
        var error = h.Log.Find(ObjectKey.Alert("team"))!.LastError.ShouldNotBeNull();
        error.ShouldContain("400");
        error.ShouldNotContain("T0KEN");
    }

    [Fact]
    public async Task A_receiver_failing_every_attempt_gets_the_configured_attempts_and_an_error()
    {
        h.Alert("team", ("type", "discord"), ("address", sink.Address.ToString()));
        sink.AnswerNext(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable);

        await FailWebAsync(expectedRequests: 3);
        await EventuallyAsync(() => h.Log.Find(ObjectKey.Alert("team")) is { Failed: 1 });

        h.Log.Find(ObjectKey.Alert("team"))!.LastError.ShouldNotBeNull().ShouldContain("gave up after 3 attempts");
    }

    [Fact]
    public async Task Suspended_alerts_alerts_for_other_events_and_filtered_out_objects_send_nothing()
    {
        h.Alert("suspended", ("type", "generic"), ("address", sink.Address + "?a=suspended"), ("suspend", "true"));
        h.Alert("applied-only", ("type", "generic"), ("address", sink.Address + "?a=applied"), ("events", "applied"));
        h.Alert("other-jobs", ("type", "generic"), ("address", sink.Address + "?a=jobs"), ("jobs", "default/api, worker"));
        h.Alert("other-repos", ("type", "generic"), ("address", sink.Address + "?a=repos"), ("repositories", "infra"));
        h.Alert("this-job", ("type", "generic"), ("address", sink.Address + "?a=this"), ("jobs", "default/web"), ("repositories", "apps"));
        h.StartDispatching();

        h.Put(Web, AlertNotifierTests.Job("True", Reasons.Succeeded, 0));
        h.Put(Web, AlertNotifierTests.Job("False", Reasons.RenderFailed, 1));
        await sink.WaitForAsync(1);
        await EventuallyAsync(() => h.Dispatcher.Dispatched == 1);

        sink.Received.Count.ShouldBe(1);
        h.Log.Find(ObjectKey.Alert("this-job")).ShouldNotBeNull().Sent.ShouldBe(1);
    }

    [Fact]
    public async Task A_failure_and_recovery_over_many_intervals_send_two_notifications()
    {
        h.Alert("team", ("type", "generic"), ("address", sink.Address.ToString()));
        h.StartDispatching();

        h.Put(Web, AlertNotifierTests.Job("True", Reasons.Succeeded, 0));
        for (var attempt = 1; attempt <= 15; attempt++)
        {
            h.Put(Web, AlertNotifierTests.Job("False", Reasons.RenderFailed, attempt));
        }

        h.Put(Web, AlertNotifierTests.Job("True", Reasons.Succeeded, 0));
        await sink.WaitForAsync(2);
        await EventuallyAsync(() => h.Dispatcher.Dispatched == 2);

        sink.Received.Select(r => r.Json["event"]!.GetValue<string>()).ShouldBe(["failed", "recovered"]);
    }

    [Fact]
    public async Task An_alert_whose_secret_is_missing_sends_nothing_and_records_why()
    {
        h.Alert("team", ("type", "slack"), ("secret", "nomad-gitops/secrets/none"));
        h.StartDispatching();

        h.Put(Web, AlertNotifierTests.Job("True", Reasons.Succeeded, 0));
        h.Put(Web, AlertNotifierTests.Job("False", Reasons.RenderFailed, 1));
        await EventuallyAsync(() => h.Log.Find(ObjectKey.Alert("team")) is { Failed: 1 });

        h.Log.Find(ObjectKey.Alert("team"))!.LastError.ShouldNotBeNull().ShouldContain("nomad var put nomad-gitops/secrets/none address=");
        sink.Received.ShouldBeEmpty();
    }

    // The job goes from ready to failing once; returns the last request when the expected number arrived.
    private async Task<ReceivedRequest> FailWebAsync(int expectedRequests = 1)
    {
        h.StartDispatching();
        h.Put(Web, AlertNotifierTests.Job("True", Reasons.Succeeded, 0));
        h.Put(Web, AlertNotifierTests.Job("False", Reasons.RenderFailed, 1));
        return (await sink.WaitForAsync(expectedRequests))[^1];
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var ct = TestContext.Current.CancellationToken;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, limit.Token);
        }
    }
}
