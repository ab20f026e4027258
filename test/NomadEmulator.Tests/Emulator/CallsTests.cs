using System.Net;
using Nomad.Emulator.Tests.Support;

namespace Nomad.Emulator.Tests.Emulator;

/// <summary>Call counts per endpoint, in process (<see cref="NomadEmulator.Calls"/>) and over <c>/_emulator/calls</c>; and <c>/_emulator/reset</c>.</summary>
public sealed class CallsTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private NomadEmulator _nomad = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), _ct);
        _http = new HttpClient { BaseAddress = _nomad.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _nomad.DisposeAsync();
    }

    [Fact]
    public async Task Requests_are_counted_per_endpoint_with_paths_folded()
    {
        using var a = await _http.PutAsync("/v1/var/a/b", Wire.Items(("k", "v")), _ct);
        using var b = await _http.PutAsync("/v1/var/c", Wire.Items(("k", "v")), _ct);
        using var c = await _http.GetAsync("/v1/var/a/b", _ct);
        using var d = await _http.GetAsync("/v1/vars", _ct);

        _nomad.Calls.Count("PUT /v1/var/:path").ShouldBe(2);
        _nomad.Calls.Count("GET /v1/var/:path").ShouldBe(1);
        _nomad.Calls.Count("GET /v1/vars").ShouldBe(1);
        _nomad.Calls.CountMethod("PUT").ShouldBe(2);
    }

    [Fact]
    public async Task Calls_over_http_match_the_in_process_counts_and_do_not_count_themselves()
    {
        using var put = await _http.PutAsync("/v1/var/x", Wire.Items(("k", "v")), _ct);

        using var calls = await _http.GetAsync("/_emulator/calls", _ct);

        var body = await calls.JsonAsync(_ct);
        body.GetProperty("PUT /v1/var/:path").GetInt64().ShouldBe(1);
        body.EnumerateObject().Select(p => p.Name).ShouldNotContain(n => n.Contains("_emulator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_on_calls_resets_the_counts()
    {
        using var put = await _http.PutAsync("/v1/var/x", Wire.Items(("k", "v")), _ct);

        using var reset = await _http.DeleteAsync("/_emulator/calls", _ct);

        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        _nomad.Calls.Snapshot().ShouldBeEmpty();
    }

    [Fact]
    public async Task Faulted_requests_are_counted_too()
    {
        _nomad.Faults.Add(new Faults.FaultRule { Status = 500 });

        using var get = await _http.GetAsync("/v1/vars", _ct);

        _nomad.Calls.Count("GET /v1/vars").ShouldBe(1);
    }

    [Fact]
    public async Task Reset_empties_variables_namespaces_faults_and_counts()
    {
        using var put = await _http.PutAsync("/v1/var/x", Wire.Items(("k", "v")), _ct);
        using var ns = await _http.PutAsync("/v1/namespace/extra", Wire.Json("{\"Name\":\"extra\"}"), _ct);
        _nomad.Faults.Add(new Faults.FaultRule { PathPrefix = "/v1/nothing" });

        using var reset = await _http.PostAsync(Wire.Path("/_emulator/reset"), null, _ct);

        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var get = await _http.GetAsync("/v1/var/x", _ct);
        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var gone = await _http.GetAsync("/v1/namespace/extra", _ct);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var list = await _http.GetAsync("/v1/namespaces", _ct);
        (await list.JsonAsync(_ct)).EnumerateArray().Select(n => n.Str("Name")).ShouldBe(["default"]);
        _nomad.Faults.Active().ShouldBeEmpty();
        _nomad.Calls.Count("PUT /v1/var/:path").ShouldBe(0);
    }
}
