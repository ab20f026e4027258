using System.Net;
using System.Text.Json.Nodes;
using Nomad.Client.Tests.Support;

namespace Nomad.Client.Tests.Variables;

public sealed class VariableLockTests : IAsyncLifetime
{
    private const string Locked =
        """{"Namespace":"default","Path":"locks/leader","CreateIndex":20,"ModifyIndex":21,"CreateTime":1,"ModifyTime":2,"Items":{"holder":"a"},"Lock":{"TTL":"15s","LockDelay":"15s","ID":"6f6f3b1a-0000-4000-8000-000000000001"}}""";

    private const string Zero =
        """{"Namespace":"default","Path":"locks/leader","CreateIndex":0,"CreateTime":0,"ModifyIndex":0,"ModifyTime":0}""";

    private ScriptedNomad _server = null!;
    private NomadClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ScriptedNomad.StartAsync(ct: TestContext.Current.CancellationToken);
        _client = Clients.Create(Clients.For(_server.Address));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Acquire_sends_lock_acquire_with_Go_duration_strings_and_returns_the_lock_ID()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("PUT /v1/var/locks/leader", CannedResponse.Json(Locked, index: 21));

        var result = await _client.Variables.AcquireLockAsync(
            "locks/leader", TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(90), new Dictionary<string, string> { ["holder"] = "a" }, ct: ct);

        result.ShouldBeOfType<LockAcquireResult.Acquired>().LockId.ShouldBe("6f6f3b1a-0000-4000-8000-000000000001");
        var request = _server.OnlyRequest;
        request.RawTarget.ShouldBe("/v1/var/locks/leader?lock-acquire");
        JsonNode.DeepEquals(request.Json, JsonNode.Parse("""{"Path":"locks/leader","Items":{"holder":"a"},"Lock":{"TTL":"15s","LockDelay":"1m30s"}}""")).ShouldBeTrue(request.Body);
    }

    [Fact]
    public async Task Acquire_while_someone_else_holds_the_lock_is_held_by_other_with_the_zero_variable()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("PUT /v1/var/locks/leader", new CannedResponse(409, Zero, new Dictionary<string, string> { ["X-Nomad-Index"] = "0" }));

        var result = await _client.Variables.AcquireLockAsync("locks/leader", TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15), ct: ct);

        result.ShouldBeOfType<LockAcquireResult.HeldByOther>().Current.ModifyIndex.ShouldBe(0ul);
        _server.OnlyRequest.Json!.AsObject().ContainsKey("Items").ShouldBeFalse();
    }

    [Fact]
    public async Task Renew_sends_the_lock_ID_and_returns_the_metadata()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("PUT /v1/var/locks/leader", CannedResponse.Json(
            """{"Namespace":"default","Path":"locks/leader","CreateIndex":20,"ModifyIndex":21,"CreateTime":1,"ModifyTime":2,"Lock":{"TTL":"15s","LockDelay":"15s","ID":"id-1"}}"""));

        var result = await _client.Variables.RenewLockAsync("locks/leader", "id-1", ct: ct);

        result.ShouldBeOfType<LockRenewResult.Renewed>().Metadata.Lock!.ID.ShouldBe("id-1");
        _server.OnlyRequest.RawTarget.ShouldBe("/v1/var/locks/leader?lock-renew");
        JsonNode.DeepEquals(_server.OnlyRequest.Json, JsonNode.Parse("""{"Path":"locks/leader","Lock":{"ID":"id-1"}}""")).ShouldBeTrue(_server.OnlyRequest.Body);
    }

    [Theory]
    [InlineData("409 wrong ID or expired", 409, "attempting to modify locked variable")]
    [InlineData("409 no lock on the variable", 409, "variable doesn't hold a lock")]
    [InlineData("404 variable gone", 404, "variable doesn't exist")]
    public async Task Renew_of_a_lock_that_is_no_longer_ours_is_lost(string _, int status, string text)
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("PUT /v1/var/locks/leader", CannedResponse.Text(status, text));

        var result = await _client.Variables.RenewLockAsync("locks/leader", "id-1", ct: ct);

        result.ShouldBeOfType<LockRenewResult.Lost>().Reason.ShouldBe(text);
        _server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Release_sends_lock_release_and_returns_the_unlocked_variable()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("PUT /v1/var/locks/leader", CannedResponse.Json(
            """{"Namespace":"default","Path":"locks/leader","CreateIndex":20,"ModifyIndex":22,"CreateTime":1,"ModifyTime":3,"Items":{"holder":"a"}}"""));

        var result = await _client.Variables.ReleaseLockAsync("locks/leader", "id-1", ct: ct);

        result.ShouldBeOfType<LockReleaseResult.Released>().Variable.Lock.ShouldBeNull();
        _server.OnlyRequest.RawTarget.ShouldBe("/v1/var/locks/leader?lock-release");
    }

    [Fact]
    public async Task Release_with_another_holders_ID_is_lost_with_the_zero_variable()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("PUT /v1/var/locks/leader", new CannedResponse(409, Zero));

        var result = await _client.Variables.ReleaseLockAsync("locks/leader", "not-mine", ct: ct);

        result.ShouldBeOfType<LockReleaseResult.Lost>().Current.ShouldNotBeNull().ModifyIndex.ShouldBe(0ul);
    }

    [Theory]
    [InlineData("no lock held", "variable doesn't hold a lock")]
    [InlineData("variable gone", "variable doesn't exist")]
    public async Task Release_when_Nomad_answers_500_that_there_is_nothing_to_release_is_lost_and_not_retried(string _, string text)
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("PUT /v1/var/locks/leader", CannedResponse.Text(500, text));

        var result = await _client.Variables.ReleaseLockAsync("locks/leader", "id-1", ct: ct);

        result.ShouldBeOfType<LockReleaseResult.Lost>().Reason.ShouldBe(text);
        _server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Release_without_a_lock_ID_is_a_bad_request_exception()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("PUT /v1/var/locks/leader", CannedResponse.Text(400, "missing lock information"));

        var error = await Should.ThrowAsync<NomadApiException>(() => _client.Variables.ReleaseLockAsync("locks/leader", "", ct: ct));

        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
