using Microsoft.Extensions.Time.Testing;
using Nomad.Client.Tests.Support;
using Nomad.Emulator;
using Nomad.Emulator.Faults;

namespace Nomad.Client.Tests.Http;

public sealed class TimeoutAndCancellationTests
{
    private static async Task<NomadEmulator> StartHangingEmulatorAsync(CancellationToken ct)
    {
        // The emulator's own clock never moves, so its delay never ends: the request hangs until the client gives up.
        var nomad = await NomadEmulator.StartAsync(new EmulatorOptions { TimeProvider = new FakeTimeProvider() }, ct);
        nomad.Faults.Add(new FaultRule { Method = "GET", PathPrefix = "/v1/status/leader", Kind = FaultKind.Delay, Latency = TimeSpan.FromHours(1) });
        return nomad;
    }

    [Fact]
    public async Task A_request_that_gets_no_answer_within_the_timeout_fails_as_transient_without_a_status()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nomad = await StartHangingEmulatorAsync(ct);
        var clock = new TimerWatchingTimeProvider();
        using var client = Clients.Create(Clients.For(nomad.Address) with { RequestTimeout = TimeSpan.FromSeconds(45), MaxAttempts = 1 }, time: clock);

        var call = client.Status.LeaderAsync(ct);
        await clock.TimerCreated(due => due == TimeSpan.FromSeconds(45)).WaitAsync(TimeSpan.FromSeconds(30), ct);
        clock.Advance(TimeSpan.FromSeconds(45));
        var error = await Should.ThrowAsync<NomadApiException>(() => call.WaitAsync(TimeSpan.FromSeconds(30), ct));

        error.StatusCode.ShouldBeNull();
        error.IsTransient.ShouldBeTrue();
        error.NomadMessage.ShouldBe("no answer within 45s");
    }

    [Fact]
    public async Task Cancelling_a_call_in_flight_throws_OperationCanceledException_and_is_not_retried()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nomad = await StartHangingEmulatorAsync(ct);
        var clock = new TimerWatchingTimeProvider();
        using var client = Clients.Create(Clients.For(nomad.Address), time: clock);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var call = client.Status.LeaderAsync(cancel.Token);
        await clock.TimerCreated(_ => true).WaitAsync(TimeSpan.FromSeconds(30), ct);
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30), ct));
        clock.DueTimes.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_blocking_query_gets_its_wait_plus_a_sixteenth_on_top_of_the_request_timeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedNomad.StartAsync(ct: ct);
        server.On("GET /v1/vars", CannedResponse.Json("[]", index: 9));
        var clock = new TimerWatchingTimeProvider();
        using var client = Clients.Create(Clients.For(server.Address) with { RequestTimeout = TimeSpan.FromSeconds(60) }, time: clock);

        await client.Variables.ListAsync(new QueryOptions { Index = 8, Wait = TimeSpan.FromMinutes(8) }, ct);

        clock.DueTimes.ShouldBe([TimeSpan.FromSeconds(60) + TimeSpan.FromMinutes(8) + TimeSpan.FromSeconds(30)]);
        server.OnlyRequest.Query["wait"].ShouldBe("480000ms");
        server.OnlyRequest.Query["index"].ShouldBe("8");
    }

    [Fact]
    public async Task A_blocking_query_without_a_wait_allows_for_Nomads_five_minute_default()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedNomad.StartAsync(ct: ct);
        server.On("GET /v1/vars", CannedResponse.Json("[]", index: 9));
        var clock = new TimerWatchingTimeProvider();
        using var client = Clients.Create(Clients.For(server.Address) with { RequestTimeout = TimeSpan.FromSeconds(60) }, time: clock);

        await client.Variables.ListAsync(new QueryOptions { Index = 8 }, ct);

        clock.DueTimes.ShouldBe([TimeSpan.FromSeconds(60) + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(18.75)]);
        server.OnlyRequest.Query.ContainsKey("wait").ShouldBeFalse();
    }
}
