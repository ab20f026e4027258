using System.Net;
using System.Text.Json;
using Nomad.Emulator.Tests.Support;

namespace Nomad.Emulator.Tests.Contract;

/// <summary>Nomad's variable locks (<c>?lock-acquire</c>, <c>?lock-renew</c>, <c>?lock-release</c>) and their answers.</summary>
public abstract class LocksContract(ContractTarget target)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private HttpClient Http => target.Http;

    private static StringContent LockBody(string? id = null, string? ttl = null, string? delay = null, object? items = null) =>
        Wire.Json(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["Items"] = items,
            ["Lock"] = new Dictionary<string, string?> { ["ID"] = id, ["TTL"] = ttl, ["LockDelay"] = delay }
                .Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value),
        }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value)));

    private async Task<(string Path, string LockId, JsonElement Body)> AcquireAsync(string? ttl = null, string? delay = null)
    {
        var path = "locks/" + Some.Name();
        using var acquire = await Http.PutAsync($"/v1/var/{path}?lock-acquire", LockBody(ttl: ttl, delay: delay, items: new { owner = "me" }), _ct);
        acquire.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await acquire.JsonAsync(_ct);
        return (path, body.GetProperty("Lock").Str("ID"), body);
    }

    [Fact]
    public async Task Acquire_returns_the_variable_with_a_lock_id_and_default_TTL_and_delay()
    {
        var path = "locks/" + Some.Name();

        using var acquire = await Http.PutAsync($"/v1/var/{path}?lock-acquire", Wire.Json("{}"), _ct);

        acquire.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await acquire.JsonAsync(_ct);
        var lockInfo = body.GetProperty("Lock");
        Guid.TryParse(lockInfo.Str("ID"), out _).ShouldBeTrue();
        lockInfo.Str("TTL").ShouldBe("15s");
        lockInfo.Str("LockDelay").ShouldBe("15s");
        acquire.NomadIndex().ShouldBe(body.Number("ModifyIndex"));
        body.Has("Items").ShouldBeFalse();
    }

    [Fact]
    public async Task A_management_read_shows_the_lock()
    {
        var (path, id, _) = await AcquireAsync(ttl: "1m");

        using var get = await Http.GetAsync($"/v1/var/{path}", _ct);

        var lockInfo = (await get.JsonAsync(_ct)).GetProperty("Lock");
        lockInfo.Str("ID").ShouldBe(id);
        lockInfo.Str("TTL").ShouldBe("1m0s");
    }

    [Fact]
    public async Task Acquire_while_another_holds_the_lock_answers_409_with_the_zero_variable()
    {
        var (path, _, _) = await AcquireAsync();

        using var second = await Http.PutAsync($"/v1/var/{path}?lock-acquire", Wire.Json("{}"), _ct);

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var body = await second.JsonAsync(_ct);
        body.Str("Path").ShouldBe(path);
        body.Number("ModifyIndex").ShouldBe(0);
        body.Has("Lock").ShouldBeFalse();
        body.Has("Items").ShouldBeFalse();
    }

    [Fact]
    public async Task Acquire_again_with_the_holders_id_succeeds_and_overwrites_the_items()
    {
        var (path, id, first) = await AcquireAsync();

        using var again = await Http.PutAsync($"/v1/var/{path}?lock-acquire", LockBody(id: id, items: new { owner = "still-me" }), _ct);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await again.JsonAsync(_ct);
        body.GetProperty("Lock").Str("ID").ShouldBe(id);
        body.GetProperty("Items").Str("owner").ShouldBe("still-me");
        body.Number("ModifyIndex").ShouldBeGreaterThan(first.Number("ModifyIndex"));
    }

    [Theory]
    [InlineData("9s")]
    [InlineData("25h")]
    public async Task Acquire_with_a_TTL_outside_10s_to_24h_answers_400(string ttl)
    {
        using var acquire = await Http.PutAsync($"/v1/var/locks/{Some.Name()}?lock-acquire", LockBody(ttl: ttl), _ct);

        acquire.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await acquire.TextAsync(_ct)).ShouldBe("RPC Error:: 400,1 error occurred:\n\t* TTL must be between 10 seconds and 24 hours\n\n");
    }

    [Fact]
    public async Task Acquire_with_a_TTL_that_is_not_a_duration_answers_400()
    {
        using var acquire = await Http.PutAsync($"/v1/var/locks/{Some.Name()}?lock-acquire", LockBody(ttl: "soon"), _ct);

        acquire.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await acquire.TextAsync(_ct)).ShouldBe("time: invalid duration \"soon\"");
    }

    [Fact]
    public async Task Two_lock_operations_at_once_answer_400()
    {
        using var put = await Http.PutAsync($"/v1/var/locks/{Some.Name()}?lock-acquire&lock-release", Wire.Json("{}"), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await put.TextAsync(_ct)).ShouldBe("multiple lock operations");
    }

    [Fact]
    public async Task Cas_with_a_lock_operation_answers_400()
    {
        using var put = await Http.PutAsync($"/v1/var/locks/{Some.Name()}?lock-acquire&cas=0", Wire.Json("{}"), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await put.TextAsync(_ct)).ShouldBe("CAS can't be used with lock operations");
    }

    [Fact]
    public async Task Renew_by_the_holder_answers_the_metadata_with_the_lock()
    {
        var (path, id, _) = await AcquireAsync();

        using var renew = await Http.PutAsync($"/v1/var/{path}?lock-renew", LockBody(id: id), _ct);

        renew.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await renew.JsonAsync(_ct);
        body.GetProperty("Lock").Str("ID").ShouldBe(id);
        body.Has("Items").ShouldBeFalse();
    }

    [Fact]
    public async Task Renew_with_another_id_answers_409_attempting_to_modify_locked_variable()
    {
        var (path, _, _) = await AcquireAsync();

        using var renew = await Http.PutAsync($"/v1/var/{path}?lock-renew", LockBody(id: Guid.NewGuid().ToString()), _ct);

        renew.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await renew.TextAsync(_ct)).ShouldBe("attempting to modify locked variable");
    }

    [Fact]
    public async Task Renew_of_an_unlocked_variable_answers_409_variable_doesnt_hold_a_lock()
    {
        var path = "locks/" + Some.Name();
        using var put = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("a", "1")), _ct);

        using var renew = await Http.PutAsync($"/v1/var/{path}?lock-renew", LockBody(id: Guid.NewGuid().ToString()), _ct);

        renew.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await renew.TextAsync(_ct)).ShouldBe("variable doesn't hold a lock");
    }

    [Fact]
    public async Task Renew_of_a_missing_variable_answers_404_variable_doesnt_exist()
    {
        using var renew = await Http.PutAsync($"/v1/var/locks/{Some.Name()}?lock-renew", LockBody(id: Guid.NewGuid().ToString()), _ct);

        renew.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await renew.TextAsync(_ct)).ShouldBe("variable doesn't exist");
    }

    [Fact]
    public async Task Renew_without_a_lock_id_answers_500_missing_lock_ID()
    {
        var (path, _, _) = await AcquireAsync();

        using var renew = await Http.PutAsync($"/v1/var/{path}?lock-renew", Wire.Json("{}"), _ct);

        renew.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await renew.TextAsync(_ct)).ShouldBe("1 error occurred:\n\t* missing lock ID\n\n");
    }

    [Fact]
    public async Task Release_removes_the_lock_and_an_immediate_acquire_succeeds()
    {
        var (path, id, acquired) = await AcquireAsync();

        using var release = await Http.PutAsync($"/v1/var/{path}?lock-release", LockBody(id: id), _ct);

        release.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await release.JsonAsync(_ct);
        body.Has("Lock").ShouldBeFalse();
        body.Number("ModifyIndex").ShouldBeGreaterThan(acquired.Number("ModifyIndex"));
        release.NomadIndex().ShouldBe(body.Number("ModifyIndex"));
        using var get = await Http.GetAsync($"/v1/var/{path}", _ct);
        var read = await get.JsonAsync(_ct);
        read.Has("Lock").ShouldBeFalse();
        read.GetProperty("Items").Str("owner").ShouldBe("me");
        using var again = await Http.PutAsync($"/v1/var/{path}?lock-acquire", Wire.Json("{}"), _ct);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Release_with_another_id_answers_409_with_the_zero_variable()
    {
        var (path, _, _) = await AcquireAsync();

        using var release = await Http.PutAsync($"/v1/var/{path}?lock-release", LockBody(id: Guid.NewGuid().ToString()), _ct);

        release.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var body = await release.JsonAsync(_ct);
        body.Str("Path").ShouldBe(path);
        body.Number("ModifyIndex").ShouldBe(0);
    }

    [Fact]
    public async Task Release_of_an_unlocked_variable_answers_500_variable_doesnt_hold_a_lock()
    {
        var path = "locks/" + Some.Name();
        using var put = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("a", "1")), _ct);

        using var release = await Http.PutAsync($"/v1/var/{path}?lock-release", LockBody(id: Guid.NewGuid().ToString()), _ct);

        release.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await release.TextAsync(_ct)).ShouldBe("variable doesn't hold a lock");
    }

    [Fact]
    public async Task Release_of_a_missing_variable_answers_500_variable_doesnt_exist()
    {
        using var release = await Http.PutAsync($"/v1/var/locks/{Some.Name()}?lock-release", LockBody(id: Guid.NewGuid().ToString()), _ct);

        release.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await release.TextAsync(_ct)).ShouldBe("variable doesn't exist");
    }

    [Fact]
    public async Task Release_without_a_lock_id_answers_400_missing_lock_information()
    {
        var (path, _, _) = await AcquireAsync();

        using var release = await Http.PutAsync($"/v1/var/{path}?lock-release", Wire.Json("{}"), _ct);

        release.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await release.TextAsync(_ct)).ShouldBe("RPC Error:: 400,missing lock information");
    }

    [Fact]
    public async Task Release_with_items_answers_400()
    {
        var (path, id, _) = await AcquireAsync();

        using var release = await Http.PutAsync($"/v1/var/{path}?lock-release", LockBody(id: id, items: new { a = "1" }), _ct);

        release.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await release.TextAsync(_ct)).ShouldBe("RPC Error:: 400,lock release operation doesn't take variable items");
    }

    [Fact]
    public async Task A_plain_write_to_a_locked_variable_answers_409_and_the_holder_may_write()
    {
        var (path, id, _) = await AcquireAsync();

        using var stranger = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("a", "1")), _ct);
        using var holder = await Http.PutAsync($"/v1/var/{path}", Wire.Json(JsonSerializer.Serialize(new { Items = new { a = "2" }, Lock = new { ID = id } })), _ct);

        stranger.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        stranger.NomadIndex().ShouldBe(0);
        (await stranger.JsonAsync(_ct)).Number("ModifyIndex").ShouldBe(0);
        holder.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await holder.JsonAsync(_ct)).GetProperty("Lock").Str("ID").ShouldBe(id);
    }

    [Fact]
    public async Task Deleting_a_locked_variable_answers_409_with_the_zero_variable()
    {
        var (path, _, _) = await AcquireAsync();

        using var delete = await Http.DeleteAsync($"/v1/var/{path}", _ct);

        delete.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await delete.JsonAsync(_ct)).Number("ModifyIndex").ShouldBe(0);
        using var get = await Http.GetAsync($"/v1/var/{path}", _ct);
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class LocksContractOnEmulator(EmulatorTarget target) : LocksContract(target), IClassFixture<EmulatorTarget>;

public sealed class LocksContractOnRealNomad(RealNomadTarget target) : LocksContract(target), IClassFixture<RealNomadTarget>;
