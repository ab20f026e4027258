using System.Net;
using Nomad.Client.Tests.Support;
using Nomad.Emulator;

namespace Nomad.Client.Tests.OnEmulator;

public sealed class VariablesOnEmulatorTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> One = new() { ["k"] = "1" };
    private static readonly Dictionary<string, string> Two = new() { ["k"] = "2" };

    private NomadEmulator _nomad = null!;
    private NomadClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), TestContext.Current.CancellationToken);
        _client = Clients.Create(Clients.For(_nomad.Address));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _nomad.DisposeAsync();
    }

    [Fact]
    public async Task Create_only_update_by_index_and_delete_round_trip_with_typed_conflicts()
    {
        var ct = TestContext.Current.CancellationToken;

        var created = (await _client.Variables.PutAsync(new Variable { Path = "app/config", Items = One }, cas: 0, ct: ct))
            .ShouldBeOfType<VariableWriteResult.Written>().Variable;
        var again = await _client.Variables.PutAsync(new Variable { Path = "app/config", Items = Two }, cas: 0, ct: ct);
        var updated = (await _client.Variables.PutAsync(created with { Items = Two }, cas: created.ModifyIndex, ct: ct))
            .ShouldBeOfType<VariableWriteResult.Written>().Variable;
        var stale = await _client.Variables.PutAsync(created with { Items = One }, cas: created.ModifyIndex, ct: ct);
        var staleDelete = await _client.Variables.DeleteAsync("app/config", cas: created.ModifyIndex, ct: ct);
        var deleted = await _client.Variables.DeleteAsync("app/config", cas: updated.ModifyIndex, ct: ct);
        var read = await _client.Variables.ReadAsync("app/config", ct: ct);

        created.Namespace.ShouldBe("default");
        again.ShouldBeOfType<VariableWriteResult.Conflict>().Current.Items.ShouldBe(One);
        updated.ModifyIndex.ShouldBeGreaterThan(created.ModifyIndex);
        stale.ShouldBeOfType<VariableWriteResult.Conflict>().Current.ModifyIndex.ShouldBe(updated.ModifyIndex);
        staleDelete.ShouldBeOfType<VariableDeleteResult.Conflict>().Current.Items.ShouldBe(Two);
        deleted.ShouldBeOfType<VariableDeleteResult.Deleted>();
        read.Value.ShouldBeNull();
    }

    [Fact]
    public async Task ListAll_pages_through_the_emulator_and_returns_metadata_only()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await _client.Variables.PutAsync(new Variable { Path = "list/" + name, Items = One }, ct: ct);
        }

        var firstPage = await _client.Variables.ListAsync(new QueryOptions { Prefix = "list/", PerPage = 2 }, ct);
        var all = await _client.Variables.ListAllAsync(new QueryOptions { Prefix = "list/", PerPage = 2 }, ct);

        firstPage.Value.Count.ShouldBe(2);
        firstPage.NextToken.ShouldNotBeNull();
        all.Value.Select(v => v.Path).ShouldBe(["list/a", "list/b", "list/c", "list/d", "list/e"]);
        all.LastIndex.ShouldBeGreaterThan(0ul);
    }

    [Fact]
    public async Task A_blocking_read_returns_when_the_variable_changes()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = (await _client.Variables.PutAsync(new Variable { Path = "watch/me", Items = One }, ct: ct))
            .ShouldBeOfType<VariableWriteResult.Written>().Variable;

        var blocked = _client.Variables.ReadAsync("watch/me", new QueryOptions { Index = created.ModifyIndex, Wait = TimeSpan.FromMinutes(5) }, ct);
        await _client.Variables.PutAsync(created with { Items = Two }, ct: ct);
        var changed = await blocked.WaitAsync(TimeSpan.FromSeconds(30), ct);

        changed.Value.ShouldNotBeNull().Items.ShouldBe(Two);
        changed.LastIndex.ShouldBeGreaterThan(created.ModifyIndex);
    }

    [Fact]
    public async Task Locks_are_acquired_refused_renewed_lost_and_released()
    {
        var ct = TestContext.Current.CancellationToken;
        var ttl = TimeSpan.FromSeconds(15);

        var mine = (await _client.Variables.AcquireLockAsync("locks/leader", ttl, ttl, ct: ct)).ShouldBeOfType<LockAcquireResult.Acquired>();
        var theirs = await _client.Variables.AcquireLockAsync("locks/leader", ttl, ttl, ct: ct);
        var renewed = await _client.Variables.RenewLockAsync("locks/leader", mine.LockId, ct: ct);
        var wrongRenew = await _client.Variables.RenewLockAsync("locks/leader", "00000000-0000-0000-0000-00000000dead", ct: ct);
        var wrongRelease = await _client.Variables.ReleaseLockAsync("locks/leader", "00000000-0000-0000-0000-00000000dead", ct: ct);
        var released = await _client.Variables.ReleaseLockAsync("locks/leader", mine.LockId, ct: ct);
        var releasedAgain = await _client.Variables.ReleaseLockAsync("locks/leader", mine.LockId, ct: ct);
        var renewGone = await _client.Variables.RenewLockAsync("locks/nothing-here", mine.LockId, ct: ct);

        mine.LockId.ShouldNotBeNullOrEmpty();
        mine.Variable.Lock!.TTL.ShouldBe("15s");
        theirs.ShouldBeOfType<LockAcquireResult.HeldByOther>();
        renewed.ShouldBeOfType<LockRenewResult.Renewed>();
        wrongRenew.ShouldBeOfType<LockRenewResult.Lost>().Reason.ShouldContain("locked variable");
        wrongRelease.ShouldBeOfType<LockReleaseResult.Lost>();
        released.ShouldBeOfType<LockReleaseResult.Released>();
        releasedAgain.ShouldBeOfType<LockReleaseResult.Lost>().Reason.ShouldContain("doesn't hold a lock");
        renewGone.ShouldBeOfType<LockRenewResult.Lost>();
    }

    [Fact]
    public async Task With_ACLs_on_a_missing_token_is_permission_denied_and_the_management_token_is_let_in()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new EmulatorOptions { AclEnabled = true };
        await using var nomad = await NomadEmulator.StartAsync(options, ct);
        using var anonymous = Clients.Create(Clients.For(nomad.Address));
        using var admin = Clients.Create(Clients.For(nomad.Address) with { Token = options.ManagementToken });

        var denied = await Should.ThrowAsync<NomadApiException>(() => anonymous.Variables.ReadAsync("app/x", ct: ct));
        var read = await admin.Variables.ReadAsync("app/x", ct: ct);

        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        denied.Attempts.ShouldBe(1);
        read.Value.ShouldBeNull();
    }
}
