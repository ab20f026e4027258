using System.Net;
using Nomad.Client.Tests.Support;
using Nomad.Emulator;
using Nomad.Emulator.Faults;

namespace Nomad.Client.Tests.Http;

public sealed class RetryTests
{
    private const string Leader = "GET /v1/status/leader";

    [Theory]
    [InlineData("No cluster leader", FaultKind.NoLeader, 0)]
    [InlineData("429 Too Many Requests", FaultKind.Respond, 429)]
    [InlineData("502 Bad Gateway", FaultKind.Respond, 502)]
    [InlineData("503 Service Unavailable", FaultKind.Respond, 503)]
    [InlineData("504 Gateway Timeout", FaultKind.Respond, 504)]
    [InlineData("a dropped connection", FaultKind.Drop, 0)]
    public async Task A_transient_failure_is_retried_until_Nomad_answers(string _, FaultKind kind, int status)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), ct);
        nomad.Faults.Add(new FaultRule { Method = "GET", PathPrefix = "/v1/status/leader", Kind = kind, Status = status == 0 ? 500 : status, Body = "busy", Times = 2 });
        using var client = Clients.Create(Clients.For(nomad.Address));

        var leader = await client.Status.LeaderAsync(ct);

        leader.ShouldNotBeNullOrEmpty();
        nomad.Calls.Count(Leader).ShouldBe(3);
    }

    [Fact]
    public async Task A_transient_failure_that_persists_gives_up_after_the_configured_attempts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), ct);
        nomad.Faults.Add(new FaultRule { Method = "GET", PathPrefix = "/v1/status/leader", Kind = FaultKind.NoLeader });
        using var client = Clients.Create(Clients.For(nomad.Address) with { MaxAttempts = 4 });

        var error = await Should.ThrowAsync<NomadApiException>(() => client.Status.LeaderAsync(ct));

        error.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        error.NomadMessage.ShouldBe("No cluster leader");
        error.IsTransient.ShouldBeTrue();
        error.Attempts.ShouldBe(4);
        nomad.Calls.Count(Leader).ShouldBe(4);
    }

    [Theory]
    [InlineData("403 Permission denied", 403, "Permission denied")]
    [InlineData("400 bad request", 400, "can not parse cas: strconv.ParseUint")]
    [InlineData("404 not found", 404, "variable not found")]
    [InlineData("409 conflict", 409, "attempting to modify locked variable")]
    [InlineData("500 validation error", 500, "variables are limited to 64KiB in total size")]
    [InlineData("500 enforce index", 500, "Enforcing job modify index 3: job exists with conflicting job modify index: 5")]
    public async Task A_definite_answer_is_not_retried(string _, int status, string text)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), ct);
        nomad.Faults.Add(new FaultRule { Method = "GET", PathPrefix = "/v1/status/leader", Kind = FaultKind.Respond, Status = status, Body = text });
        using var client = Clients.Create(Clients.For(nomad.Address));

        var error = await Should.ThrowAsync<NomadApiException>(() => client.Status.LeaderAsync(ct));

        ((int?)error.StatusCode).ShouldBe(status);
        error.NomadMessage.ShouldBe(text);
        error.IsTransient.ShouldBeFalse();
        error.Attempts.ShouldBe(1);
        error.Method.ShouldBe("GET");
        error.Path.ShouldBe("/v1/status/leader");
        error.Message.ShouldBe($"Nomad GET /v1/status/leader failed ({status} {(HttpStatusCode)status}): {text}");
        nomad.Calls.Count(Leader).ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_and_then_reported_without_a_status()
    {
        var ct = TestContext.Current.CancellationToken;
        Uri address;
        await using (var gone = await NomadEmulator.StartAsync(new EmulatorOptions(), ct))
        {
            address = gone.Address;
        }

        using var client = Clients.Create(Clients.For(address) with { MaxAttempts = 2 });

        var error = await Should.ThrowAsync<NomadApiException>(() => client.Status.LeaderAsync(ct));

        error.StatusCode.ShouldBeNull();
        error.IsTransient.ShouldBeTrue();
        error.Attempts.ShouldBe(2);
        error.InnerException.ShouldBeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task The_backoff_between_attempts_waits_on_the_injected_clock()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), ct);
        nomad.Faults.Add(new FaultRule { Method = "GET", PathPrefix = "/v1/status/leader", Kind = FaultKind.NoLeader, Times = 1 });
        var clock = new TimerWatchingTimeProvider();
        var options = Clients.For(nomad.Address) with
        {
            RequestTimeout = TimeSpan.FromMinutes(10),
            RetryBaseDelay = TimeSpan.FromSeconds(2),
            RetryMaxDelay = TimeSpan.FromSeconds(30),
        };
        using var client = Clients.Create(options, time: clock);

        var call = client.Status.LeaderAsync(ct);
        var backoff = await clock.TimerCreated(due => due < TimeSpan.FromMinutes(1)).WaitAsync(TimeSpan.FromSeconds(30), ct);

        backoff.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(2));
        call.IsCompleted.ShouldBeFalse();
        nomad.Calls.Count(Leader).ShouldBe(1);
        clock.Advance(TimeSpan.FromSeconds(2));
        (await call.WaitAsync(TimeSpan.FromSeconds(30), ct)).ShouldNotBeNullOrEmpty();
        nomad.Calls.Count(Leader).ShouldBe(2);
    }

    [Theory]
    [InlineData(1, 1.0, 1)]
    [InlineData(2, 1.0, 2)]
    [InlineData(3, 1.0, 4)]
    [InlineData(4, 1.0, 8)]
    [InlineData(5, 1.0, 10)]
    [InlineData(40, 1.0, 10)]
    [InlineData(3, 0.5, 2)]
    [InlineData(3, 0.0, 0)]
    public void Backoff_doubles_per_retry_up_to_the_cap_scaled_by_full_jitter(int retry, double sample, int expectedSeconds) =>
        RetryBackoff.Delay(retry, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), sample).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));
}
