using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Nomad.Emulator.Faults;
using Nomad.Emulator.Tests.Support;

namespace Nomad.Emulator.Tests.Emulator;

/// <summary>Injected faults, in process (<see cref="NomadEmulator.Faults"/>) and over <c>/_emulator/faults</c>.</summary>
public sealed class FaultsTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private NomadEmulator _nomad = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _nomad = await NomadEmulator.StartAsync(new EmulatorOptions { TimeProvider = _clock }, _ct);
        _http = new HttpClient { BaseAddress = _nomad.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _nomad.DisposeAsync();
    }

    [Fact]
    public async Task A_respond_fault_answers_its_status_and_body_instead_of_the_api()
    {
        _nomad.Faults.Add(new FaultRule { PathPrefix = "/v1/var/", Status = 503, Body = "down" });

        using var put = await _http.PutAsync("/v1/var/a", Wire.Items(("k", "v")), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await put.TextAsync(_ct)).ShouldBe("down");
        _nomad.State.Read(() => _nomad.State.Variables.Get("default", "a")).ShouldBeNull();
    }

    [Fact]
    public async Task A_fault_only_matches_its_method_and_path_prefix()
    {
        _nomad.Faults.Add(new FaultRule { Method = "PUT", PathPrefix = "/v1/var/x", Status = 500 });

        using var otherPath = await _http.PutAsync("/v1/var/y", Wire.Items(("k", "v")), _ct);
        using var otherMethod = await _http.GetAsync("/v1/var/x", _ct);
        using var matched = await _http.PutAsync("/v1/var/x", Wire.Items(("k", "v")), _ct);

        otherPath.StatusCode.ShouldBe(HttpStatusCode.OK);
        otherMethod.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        matched.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task A_fault_with_Times_applies_that_many_times_then_goes_away()
    {
        _nomad.Faults.Add(new FaultRule { PathPrefix = "/v1/status/leader", Status = 502, Times = 2 });

        using var first = await _http.GetAsync("/v1/status/leader", _ct);
        using var second = await _http.GetAsync("/v1/status/leader", _ct);
        using var third = await _http.GetAsync("/v1/status/leader", _ct);

        first.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        second.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        third.StatusCode.ShouldBe(HttpStatusCode.OK);
        _nomad.Faults.Active().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_fault_with_a_Duration_expires_on_the_emulator_clock()
    {
        _nomad.Faults.Add(new FaultRule { PathPrefix = "/v1/status/leader", Status = 502, Duration = TimeSpan.FromMinutes(1) });

        using var during = await _http.GetAsync("/v1/status/leader", _ct);
        _clock.Advance(TimeSpan.FromMinutes(1));
        using var after = await _http.GetAsync("/v1/status/leader", _ct);

        during.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task No_leader_answers_500_No_cluster_leader()
    {
        _nomad.Faults.Add(new FaultRule { Kind = FaultKind.NoLeader });

        using var get = await _http.GetAsync("/v1/vars", _ct);

        get.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await get.TextAsync(_ct)).ShouldBe("No cluster leader");
    }

    [Fact]
    public async Task Drop_closes_the_connection_without_an_answer()
    {
        _nomad.Faults.Add(new FaultRule { Kind = FaultKind.Drop, Times = 1 });

        await Should.ThrowAsync<HttpRequestException>(() => _http.GetAsync("/v1/vars", _ct));
        using var next = await _http.GetAsync("/v1/vars", _ct);
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DropAfterApply_carries_the_write_out_and_cuts_the_connection_before_the_answer()
    {
        _nomad.Faults.Add(new FaultRule { Method = "PUT", Kind = FaultKind.DropAfterApply, Times = 1 });

        await Should.ThrowAsync<HttpRequestException>(() => _http.PutAsync(Wire.Path("/v1/var/dropped"), Wire.Json("""{"Items":{"a":"1"}}"""), _ct));
        using var read = await _http.GetAsync("/v1/var/dropped", _ct);

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await read.JsonAsync(_ct)).GetProperty("Items").GetProperty("a").GetString().ShouldBe("1");
    }

    [Fact]
    public async Task DelayAfterApply_carries_the_write_out_at_once_and_holds_its_answer_for_the_latency()
    {
        _nomad.Faults.Add(new FaultRule { Method = "PUT", Kind = FaultKind.DelayAfterApply, Latency = TimeSpan.FromSeconds(7), Times = 1 });

        var put = _http.PutAsync(Wire.Path("/v1/var/held"), Wire.Json("""{"Items":{"a":"1"}}"""), _ct);
        JsonElement? seen = null;
        while (seen is null)
        {
            using var read = await _http.GetAsync("/v1/var/held", _ct);
            seen = read.StatusCode == HttpStatusCode.OK ? await read.JsonAsync(_ct) : null;
        }

        put.IsCompleted.ShouldBeFalse("the answer waits for the emulator's clock");
        while (!put.IsCompleted)
        {
            // The hold starts just after the write is applied: advance until it has started and ended.
            _clock.Advance(TimeSpan.FromSeconds(7));
            await Task.Delay(10, _ct);
        }

        using var answer = await put;

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await answer.JsonAsync(_ct)).GetProperty("ModifyIndex").GetUInt64().ShouldBe(seen.Value.GetProperty("ModifyIndex").GetUInt64());
    }

    [Fact]
    public async Task The_request_log_names_each_write_by_a_hash_of_its_token_with_its_status_and_never_the_token()
    {
        _nomad.Faults.Add(new FaultRule { Method = "PUT", Kind = FaultKind.Drop, Times = 1 });
        using var dropped = new HttpRequestMessage(HttpMethod.Put, "/v1/var/logged") { Content = Wire.Json("""{"Items":{"a":"1"}}""") };
        dropped.Headers.Add("X-Nomad-Token", "replica-secret-1");
        using var written = new HttpRequestMessage(HttpMethod.Put, "/v1/var/logged?cas=0") { Content = Wire.Json("""{"Items":{"a":"2"}}""") };
        written.Headers.Add("X-Nomad-Token", "replica-secret-2");

        await Should.ThrowAsync<HttpRequestException>(() => _http.SendAsync(dropped, _ct));
        using var answer = await _http.SendAsync(written, _ct);
        using var read = await _http.GetAsync("/v1/var/logged", _ct);
        using var log = await _http.GetAsync("/_emulator/requests", _ct);
        var text = await log.TextAsync(_ct);

        var entries = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        entries.Count.ShouldBe(2, text);
        // The dropped request's entry is written after its connection is cut, so the client may send the next request
        // and see it logged first (CI saw [200, 0]): entries are matched by their query, not by their order.
        entries.Select(e => (e.GetProperty("Query").GetString(), e.GetProperty("Status").GetInt32())).OrderBy(e => e.Item1)
            .ShouldBe([("", 0), ("?cas=0", 200)]);
        entries.Select(e => e.GetProperty("Client").GetString()).Distinct().Count().ShouldBe(2);
        entries.ShouldAllBe(e => e.GetProperty("Client").GetString()!.StartsWith("token:") && e.GetProperty("Path").GetString() == "/v1/var/logged");
        text.ShouldNotContain("replica-secret");
    }

    [Fact]
    public async Task Delay_holds_the_request_until_the_clock_passes_the_latency_then_answers_normally()
    {
        _nomad.Faults.Add(new FaultRule { Kind = FaultKind.Delay, Latency = TimeSpan.FromSeconds(30), Times = 1 });

        var pending = _http.GetAsync("/v1/status/leader", _ct);
        while (_nomad.Faults.Active().Count > 0)
        {
            await Task.Delay(5, _ct);
        }

        pending.IsCompleted.ShouldBeFalse();
        while (!pending.IsCompleted)
        {
            _clock.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(pending, Task.Delay(20, _ct));
        }

        using var answer = await pending.WaitAsync(TimeSpan.FromSeconds(30), _ct);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Faults_posted_over_http_apply_and_list_and_delete_clears_them()
    {
        var rule = JsonSerializer.Serialize(new { Method = "GET", PathPrefix = "/v1/vars", Status = 429, Body = "slow down" });

        using var post = await _http.PostAsync(Wire.Path("/_emulator/faults"), Wire.Json(rule), _ct);
        using var listed = await _http.GetAsync("/_emulator/faults", _ct);
        using var faulted = await _http.GetAsync("/v1/vars", _ct);
        using var clear = await _http.DeleteAsync("/_emulator/faults", _ct);
        using var normal = await _http.GetAsync("/v1/vars", _ct);

        post.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await listed.JsonAsync(_ct)).EnumerateArray().Single().Str("PathPrefix").ShouldBe("/v1/vars");
        faulted.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await faulted.TextAsync(_ct)).ShouldBe("slow down");
        clear.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        normal.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Faults_never_apply_to_the_emulator_endpoints()
    {
        _nomad.Faults.Add(new FaultRule { Kind = FaultKind.NoLeader });

        using var calls = await _http.GetAsync("/_emulator/calls", _ct);

        calls.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
