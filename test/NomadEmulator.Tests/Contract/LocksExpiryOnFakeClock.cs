using System.Net;
using System.Text.Json;
using Nomad.Emulator.Tests.Support;

namespace Nomad.Emulator.Tests.Contract;

/// <summary>
/// Lock expiry on the emulator's fake clock (<c>nomad/locks.go</c>): without a renew a lock lives 2×TTL,
/// then stays LockDelay more, refusing acquires, before the server removes it.
/// </summary>
public sealed class LocksExpiryOnFakeClock(FakeClockEmulatorTarget target) : IClassFixture<FakeClockEmulatorTarget>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static StringContent Lock(string? id = null) =>
        Wire.Json(JsonSerializer.Serialize(new { Lock = new { ID = id, TTL = "10s", LockDelay = "20s" } }));

    private async Task<(string Path, string Id)> AcquireAsync()
    {
        var path = "locks/" + Some.Name();
        using var acquire = await target.Http.PutAsync($"/v1/var/{path}?lock-acquire", Wire.Json("{\"Lock\":{\"TTL\":\"10s\",\"LockDelay\":\"20s\"}}"), _ct);
        acquire.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (path, (await acquire.JsonAsync(_ct)).GetProperty("Lock").Str("ID"));
    }

    [Fact]
    public async Task A_lock_not_renewed_for_two_TTLs_can_no_longer_be_renewed_and_still_blocks_acquires()
    {
        target.RequireEmulator();
        var (path, id) = await AcquireAsync();

        target.Clock.Advance(TimeSpan.FromSeconds(20));
        using var renew = await target.Http.PutAsync($"/v1/var/{path}?lock-renew", Lock(id), _ct);
        using var acquire = await target.Http.PutAsync($"/v1/var/{path}?lock-acquire", Lock(), _ct);

        renew.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await renew.TextAsync(_ct)).ShouldBe("attempting to modify locked variable");
        acquire.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task After_the_lock_delay_the_lock_is_removed_and_another_acquire_succeeds()
    {
        target.RequireEmulator();
        var (path, _) = await AcquireAsync();
        using var before = await target.Http.GetAsync($"/v1/var/{path}", _ct);
        var lockedIndex = before.NomadIndex();

        target.Clock.Advance(TimeSpan.FromSeconds(20));
        target.Clock.Advance(TimeSpan.FromSeconds(20));
        using var get = await target.Http.GetAsync($"/v1/var/{path}", _ct);
        using var acquire = await target.Http.PutAsync($"/v1/var/{path}?lock-acquire", Lock(), _ct);

        var read = await get.JsonAsync(_ct);
        read.Has("Lock").ShouldBeFalse();
        read.Number("ModifyIndex").ShouldBeGreaterThan(lockedIndex);
        acquire.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Renewing_within_two_TTLs_keeps_the_lock_alive()
    {
        target.RequireEmulator();
        var (path, id) = await AcquireAsync();

        for (var i = 0; i < 4; i++)
        {
            target.Clock.Advance(TimeSpan.FromSeconds(15));
            using var renew = await target.Http.PutAsync($"/v1/var/{path}?lock-renew", Lock(id), _ct);
            renew.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var get = await target.Http.GetAsync($"/v1/var/{path}", _ct);
        (await get.JsonAsync(_ct)).GetProperty("Lock").Str("ID").ShouldBe(id);
    }

    [Fact]
    public async Task A_blocking_read_wakes_when_an_expired_lock_is_removed()
    {
        target.RequireEmulator();
        var (path, _) = await AcquireAsync();
        using var before = await target.Http.GetAsync($"/v1/var/{path}", _ct);

        var blocked = target.Http.GetAsync($"/v1/var/{path}?index={before.NomadIndex()}&wait=10m", _ct);
        target.Clock.Advance(TimeSpan.FromSeconds(20));
        target.Clock.Advance(TimeSpan.FromSeconds(20));
        using var woken = await blocked.WaitAsync(TimeSpan.FromSeconds(30), _ct);

        woken.NomadIndex().ShouldBeGreaterThan(before.NomadIndex());
        (await woken.JsonAsync(_ct)).Has("Lock").ShouldBeFalse();
    }
}
