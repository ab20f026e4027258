using System.Text.RegularExpressions;

namespace NomadGitOps.Tests.Server.Metrics;

/// <summary>
/// <c>GET /metrics</c> of a running <c>dev</c> (the emulator, the sample repository, one failing repository, two webhook
/// deliveries): the series an operator graphs and alerts on, with values checked against what happened (the emulator's
/// own count of calls, the objects' states).
/// </summary>
[Collection(DevControllerCollection.Name)]
public sealed partial class MetricsScrapeTests(DevController dev)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_scrape_after_the_first_sync_shows_objects_reconciles_nomad_and_git_calls_and_webhooks()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await dev.Http.GetAsync("/metrics", ct);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var scrape = PrometheusText.Parse(await response.Content.ReadAsStringAsync(ct));

        scrape.Types["nomad_gitops_reconcile_total"].ShouldBe("counter");
        scrape.Types["nomad_gitops_reconcile_duration_seconds"].ShouldBe("histogram");
        scrape.Types["nomad_gitops_objects"].ShouldBe("gauge");
        scrape.Types["nomad_gitops_leader"].ShouldBe("gauge");

        scrape.Value("nomad_gitops_leader").ShouldBe(1);
        scrape.Value("nomad_gitops_objects", ("kind", "NomadJob"), ("ready", "True")).ShouldBe(3);
        scrape.Value("nomad_gitops_objects", ("kind", "NomadJob"), ("ready", "False")).ShouldBe(0);
        scrape.Value("nomad_gitops_objects", ("kind", "GitRepository"), ("ready", "True")).ShouldBe(1);
        scrape.Value("nomad_gitops_objects", ("kind", "GitRepository"), ("ready", "False")).ShouldBe(1);
        scrape.Value("nomad_gitops_objects", ("kind", "Receiver"), ("ready", "True")).ShouldBe(1);
        scrape.Find("nomad_gitops_queue_depth").Select(s => s.Labels["controller"]).Order(StringComparer.Ordinal)
            .ShouldBe(["Alert", "GitRepository", "NomadJob", "NomadJobIndex", "Receiver"]);

        // Reconciles: each counted once in the counter and once in the histogram.
        var upToDate = scrape.Value("nomad_gitops_reconcile_total", ("controller", "NomadJob"), ("result", "up_to_date"));
        upToDate.ShouldBeGreaterThanOrEqualTo(3);
        scrape.Value("nomad_gitops_reconcile_duration_seconds_count", ("controller", "NomadJob"), ("result", "up_to_date")).ShouldBe(upToDate);
        scrape.Value("nomad_gitops_reconcile_duration_seconds_bucket", ("controller", "NomadJob"), ("result", "up_to_date"), ("le", "+Inf")).ShouldBe(upToDate);
        scrape.Find("nomad_gitops_reconcile_duration_seconds_bucket", ("controller", "NomadJob"), ("le", "0.005"))
            .ShouldNotBeEmpty("the buckets the instrument advises");
        scrape.Samples.GroupBy(Series).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("each series once per scrape");
        scrape.Value("nomad_gitops_reconcile_total", ("controller", "GitRepository"), ("result", "failed")).ShouldBeGreaterThanOrEqualTo(1);

        // Nomad calls: registrations as the emulator counted them; endpoints are route templates, never IDs or paths.
        var registered = dev.Nomad.Calls.Count("POST /v1/jobs");
        registered.ShouldBeGreaterThanOrEqualTo(3);
        scrape.Value("nomad_gitops_job_registrations_total").ShouldBe(registered);
        scrape.Value("nomad_gitops_nomad_request_duration_seconds_count", ("blocking", "false"), ("endpoint", "/v1/jobs"), ("method", "POST"), ("status_code", "200"))
            .ShouldBe(registered);
        scrape.Sum("nomad_gitops_nomad_request_duration_seconds_count", ("endpoint", "/v1/job/:job_id/plan")).ShouldBe(dev.Nomad.Calls.Count("POST /v1/job/:id/plan"));
        var endpoints = scrape.Find("nomad_gitops_nomad_request_duration_seconds_count").Select(s => s.Labels["endpoint"]).Distinct().ToList();
        endpoints.ShouldContain("/v1/var/:path");
        endpoints.ShouldAllBe(e => RouteTemplate().IsMatch(e));
        scrape.Find("nomad_gitops_nomad_request_duration_seconds_count", ("blocking", "true")).ShouldNotBeEmpty("the watchers' blocking lists are told apart");

        // Git: the failing repository's ls-remote and the sample's fetch.
        scrape.Value("nomad_gitops_git_operation_duration_seconds_count", ("op", "ls-remote"), ("result", "error")).ShouldBeGreaterThanOrEqualTo(1);
        scrape.Value("nomad_gitops_git_operation_duration_seconds_count", ("op", "fetch"), ("result", "ok")).ShouldBeGreaterThanOrEqualTo(1);

        // Webhooks: the accepted delivery and the one to an unknown path.
        scrape.Value("nomad_gitops_webhook_deliveries_total", ("receiver_type", "generic"), ("result", "accepted")).ShouldBe(1);
        scrape.Value("nomad_gitops_webhook_deliveries_total", ("receiver_type", "unknown"), ("result", "not_found")).ShouldBe(1);

        // Notifications: the counter of dropped events exists before the first drop (none here).
        scrape.Types["nomad_gitops_notification_events_dropped_total"].ShouldBe("counter");
        scrape.Value("nomad_gitops_notification_events_dropped_total").ShouldBe(0);

        // The runtime's own.
        scrape.Value("dotnet_process_memory_working_set_bytes").ShouldBeGreaterThan(0);
        scrape.Find("dotnet_gc_collections_total").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_job_stopped_outside_nomad_gitops_is_counted_as_a_drift_correction_and_a_registration()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = PrometheusText.Parse(await dev.Http.GetStringAsync("/metrics", ct)).Value("nomad_gitops_drift_corrections_total");

        await dev.Client.Jobs.DeregisterAsync("web", ct: ct);
        var after = await ScrapeWhenAsync(s => s.Value("nomad_gitops_drift_corrections_total") > before, ct).WaitAsync(Patience, ct);

        after.Value("nomad_gitops_drift_corrections_total").ShouldBe(before + 1);
        after.Value("nomad_gitops_job_registrations_total").ShouldBe(dev.Nomad.Calls.Count("POST /v1/jobs"));
        after.Value("nomad_gitops_reconcile_total", ("controller", "NomadJob"), ("result", "up_to_date")).ShouldBeGreaterThanOrEqualTo(4);
    }

    private async Task<PrometheusText> ScrapeWhenAsync(Func<PrometheusText, bool> condition, CancellationToken ct)
    {
        while (true)
        {
            var scrape = PrometheusText.Parse(await dev.Http.GetStringAsync("/metrics", ct));
            if (condition(scrape))
            {
                return scrape;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }

    [GeneratedRegex(@"^/v1/(var/:path|vars|jobs|jobs/parse|job/:job_id(/[a-z]+)?|deployments|deployment/:deployment_id|status/leader|agent/self)$")]
    private static partial Regex RouteTemplate();

    // A series: its name and every label, as Prometheus tells series apart.
    private static string Series(PrometheusText.Sample sample) =>
        sample.Name + "{" + string.Join(',', sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + "}";
}
