using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nomad.Emulator.Tests.Support;

namespace Nomad.Emulator.Tests.Allocations;

public sealed class AllocationsApiTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly EmulatorOptions _options = new() { AclEnabled = true };
    private NomadEmulator _emulator = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await NomadEmulator.StartAsync(_options, _ct);
        _http = new HttpClient { BaseAddress = _emulator.Address };
        _http.DefaultRequestHeaders.Add("X-Nomad-Token", _options.ManagementToken);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task A_registered_job_has_one_running_allocation_per_count_and_a_smaller_count_stops_the_rest()
    {
        (await _http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service("web", count: 3)), _ct)).Ok();

        var allocations = (await _http.NomadGetAsync("/v1/job/web/allocations", _ct)).Ok().Json!.AsArray();

        allocations.Count.ShouldBe(3);
        allocations.Select(a => a!["Name"]!.GetValue<string>()).ShouldBe(["web.web[0]", "web.web[1]", "web.web[2]"], ignoreOrder: true);
        allocations.ShouldAllBe(a => a!["ClientStatus"]!.GetValue<string>() == "running" && a["DesiredStatus"]!.GetValue<string>() == "run");

        (await _http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service("web", count: 1)), _ct)).Ok();
        var all = (await _http.NomadGetAsync("/v1/job/web/allocations?all=true", _ct)).Ok().Json!.AsArray();

        all.Count(a => a!["DesiredStatus"]!.GetValue<string>() == "run").ShouldBe(1);
        all.Count(a => a!["DesiredStatus"]!.GetValue<string>() == "stop" && a["ClientStatus"]!.GetValue<string>() == "complete").ShouldBe(2);
        all.Where(a => a!["DesiredStatus"]!.GetValue<string>() == "run").ShouldAllBe(a => a!["JobVersion"]!.GetValue<long>() == 1);
    }

    [Fact]
    public async Task A_restart_counts_a_restart_on_each_running_task_with_the_clients_events()
    {
        (await _http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service("api")), _ct)).Ok();
        var id = (await _http.NomadGetAsync("/v1/job/api/allocations", _ct)).Ok().Json!.AsArray().Single()!["ID"]!.GetValue<string>();

        var restart = await _http.NomadPutAsync($"/v1/client/allocation/{id}/restart", new JsonObject(), _ct);

        restart.Status.ShouldBe(HttpStatusCode.OK, restart.Text);
        var alloc = (await _http.NomadGetAsync($"/v1/allocation/{id}", _ct)).Ok().Body;
        var task = alloc["TaskStates"]!.AsObject().Single().Value!;
        task["Restarts"]!.GetValue<long>().ShouldBe(1);
        task["State"]!.GetValue<string>().ShouldBe("running");
        task["Events"]!.AsArray().Select(e => e!["Type"]!.GetValue<string>()).ShouldBe(["Received", "Started", "Restart Signaled", "Restarting", "Started"]);
        task["Events"]![2]!["RestartReason"]!.GetValue<string>().ShouldBe("User requested running tasks to restart");
    }

    [Fact]
    public async Task An_unknown_allocation_answers_404_with_nomads_text()
    {
        var restart = await _http.NomadPutAsync("/v1/client/allocation/5f0c3e2a-0000-4000-8000-000000000000/restart", null, _ct);

        restart.Status.ShouldBe(HttpStatusCode.NotFound);
        restart.Text.ShouldBe("Unknown allocation \"5f0c3e2a-0000-4000-8000-000000000000\"");
    }

    [Fact]
    public async Task A_restart_needs_alloc_lifecycle_in_the_allocations_namespace_and_a_read_job_token_is_refused()
    {
        (await _http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service("db")), _ct)).Ok();
        var id = (await _http.NomadGetAsync("/v1/job/db/allocations", _ct)).Ok().Json!.AsArray().Single()!["ID"]!.GetValue<string>();
        var reader = await TokenAsync("read", """namespace "default" { capabilities = ["read-job"] }""");
        var operator_ = await TokenAsync("lifecycle", """namespace "default" { capabilities = ["read-job", "alloc-lifecycle"] }""");

        using var listed = await _http.SendAsTokenAsync(HttpMethod.Get, "/v1/job/db/allocations", reader, null, _ct);
        using var refused = await _http.SendAsTokenAsync(HttpMethod.Put, $"/v1/client/allocation/{id}/restart", reader, Wire.Json("{}"), _ct);
        using var allowed = await _http.SendAsTokenAsync(HttpMethod.Put, $"/v1/client/allocation/{id}/restart", operator_, Wire.Json("{}"), _ct);

        listed.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.TextAsync(_ct)).ShouldBe("Permission denied");
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_stopped_allocation_is_replaced_at_the_next_listing_and_linked_to_its_replacement()
    {
        (await _http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service("web", count: 2)), _ct)).Ok();
        var first = (await _http.NomadGetAsync("/v1/job/web/allocations", _ct)).Ok().Json!.AsArray();
        var id = first[0]!["ID"]!.GetValue<string>();

        var stop = await _http.NomadPostAsync($"/v1/allocation/{id}/stop", null, _ct);

        stop.Status.ShouldBe(HttpStatusCode.OK, stop.Text);
        stop.Body["EvalID"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        stop.Body["Index"]!.GetValue<long>().ShouldBeGreaterThan(0);
        var all = (await _http.NomadGetAsync("/v1/job/web/allocations?all=true", _ct)).Ok().Json!.AsArray();
        all.Count.ShouldBe(3);
        var stopped = all.Single(a => a!["ID"]!.GetValue<string>() == id)!;
        stopped["DesiredStatus"]!.GetValue<string>().ShouldBe("stop");
        stopped["ClientStatus"]!.GetValue<string>().ShouldBe("complete");
        var next = stopped["NextAllocation"]!.GetValue<string>();
        var replacement = (await _http.NomadGetAsync($"/v1/allocation/{next}", _ct)).Ok().Body;
        replacement["PreviousAllocation"]!.GetValue<string>().ShouldBe(id);
        replacement["Name"]!.GetValue<string>().ShouldBe(stopped["Name"]!.GetValue<string>());
        replacement["ClientStatus"]!.GetValue<string>().ShouldBe("running");
    }

    [Fact]
    public async Task A_stop_needs_alloc_lifecycle_and_an_unknown_allocation_answers_404()
    {
        (await _http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service("db")), _ct)).Ok();
        var id = (await _http.NomadGetAsync("/v1/job/db/allocations", _ct)).Ok().Json!.AsArray().Single()!["ID"]!.GetValue<string>();
        var reader = await TokenAsync("read", """namespace "default" { capabilities = ["read-job"] }""");

        using var refused = await _http.SendAsTokenAsync(HttpMethod.Post, $"/v1/allocation/{id}/stop", reader, null, _ct);
        var unknown = await _http.NomadPostAsync("/v1/allocation/5f0c3e2a-0000-4000-8000-000000000000/stop", null, _ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _http.NomadGetAsync($"/v1/allocation/{id}", _ct)).Ok().Body["DesiredStatus"]!.GetValue<string>().ShouldBe("run");
        unknown.Status.ShouldBe(HttpStatusCode.NotFound);
        unknown.Text.ShouldBe("Unknown allocation \"5f0c3e2a-0000-4000-8000-000000000000\"");
    }

    private async Task<string> TokenAsync(string name, string rules)
    {
        (await _http.NomadPutAsync($"/v1/acl/policy/{name}", JsonNode.Parse(JsonSerializer.Serialize(new { Name = name, Rules = rules })), _ct)).Ok();
        var token = (await _http.NomadPostAsync("/v1/acl/token", JsonNode.Parse(JsonSerializer.Serialize(new { Name = name, Type = "client", Policies = new[] { name } })), _ct)).Ok().Body;
        return token["SecretID"]!.GetValue<string>();
    }
}
