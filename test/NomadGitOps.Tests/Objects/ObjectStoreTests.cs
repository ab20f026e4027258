using Microsoft.Extensions.Logging.Abstractions;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Objects;

public sealed class ObjectStoreTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private NomadEmulator _nomad = null!;
    private NomadClient _client = null!;
    private ObjectStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), _ct);
        _client = new NomadClient(new NomadClientOptions { Address = _nomad.Address.ToString() });
        _store = new ObjectStore(_client, new ObjectStoreOptions(), NullLogger<ObjectStore>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _nomad.DisposeAsync();
    }

    [Fact]
    public async Task Create_makes_the_object_once_and_refuses_a_second_time()
    {
        var key = ObjectKey.GitRepository("apps");

        (await _store.CreateAsync(key, Items(("url", "file:///srv/apps")), _ct)).ShouldBeTrue();
        (await _store.CreateAsync(key, Items(("url", "file:///elsewhere")), _ct)).ShouldBeFalse();

        var stored = await _store.ReadAsync(key, _ct);
        stored.ShouldNotBeNull().Items["url"].ShouldBe("file:///srv/apps");
    }

    [Fact]
    public async Task Read_of_a_missing_object_is_null()
    {
        (await _store.ReadAsync(ObjectKey.GitRepository("nothing-here"), _ct)).ShouldBeNull();
    }

    [Fact]
    public async Task List_finds_the_objects_of_one_kind_only()
    {
        await _store.CreateAsync(ObjectKey.GitRepository("a"), Items(("url", "file:///a")), _ct);
        await _store.CreateAsync(ObjectKey.GitRepository("b"), Items(("url", "file:///b")), _ct);
        await _store.CreateAsync(ObjectKey.NomadJob("default", "web.v2"), Items(("job_id", "web.v2")), _ct);

        var (repos, _) = await _store.ListAsync(ObjectKind.GitRepository, null, null, _ct);
        var (jobs, _) = await _store.ListAsync(ObjectKind.NomadJob, null, null, _ct);

        repos.Select(r => r.Key.Name).ShouldBe(["a", "b"]);
        jobs.Single().Key.ShouldBe(ObjectKey.NomadJob("default", "web.v2"));
    }

    [Fact]
    public async Task A_status_equal_to_the_stored_one_is_not_written()
    {
        var key = ObjectKey.GitRepository("quiet");
        await _store.CreateAsync(key, Items(("url", "file:///q")), _ct);
        var patch = ItemCodec.Encode(new GitRepositoryStatus { Ready = ReadyState.True, Reason = Reasons.Succeeded, Message = "ok" });
        (await _store.WriteStatusAsync((await _store.ReadAsync(key, _ct))!, patch, _ct)).ShouldBe(StatusWriteResult.Written);
        _nomad.Calls.Reset();

        var result = await _store.WriteStatusAsync((await _store.ReadAsync(key, _ct))!, patch, _ct);

        result.ShouldBe(StatusWriteResult.Unchanged);
        _nomad.Calls.CountMethod("PUT").ShouldBe(0);
    }

    [Fact]
    public async Task A_persons_edit_made_while_the_controller_writes_status_is_kept()
    {
        var key = ObjectKey.GitRepository("edited");
        await _store.CreateAsync(key, Items(("url", "file:///old"), ("branch", "main")), _ct);
        var seenByController = (await _store.ReadAsync(key, _ct))!;

        // A person changes the spec after the controller read the object.
        var path = key.ToPath(ObjectKey.DefaultPrefix);
        await _client.Variables.PutAsync(new Variable { Path = path, Items = Items(("url", "file:///new"), ("branch", "release")) }, ct: _ct);

        var patch = ItemCodec.Encode(new GitRepositoryStatus { Ready = ReadyState.False, Reason = Reasons.GitOperationFailed, Message = "fetch failed" });
        (await _store.WriteStatusAsync(seenByController, patch, _ct)).ShouldBe(StatusWriteResult.Written);

        var stored = (await _store.ReadAsync(key, _ct))!.Items;
        stored["url"].ShouldBe("file:///new");
        stored["branch"].ShouldBe("release");
        stored[ItemKeys.StatusReason].ShouldBe(Reasons.GitOperationFailed);
    }

    [Fact]
    public async Task A_status_write_never_recreates_a_deleted_object()
    {
        var key = ObjectKey.GitRepository("deleted");
        await _store.CreateAsync(key, Items(("url", "file:///d")), _ct);
        var seen = (await _store.ReadAsync(key, _ct))!;
        (await _store.DeleteAsync(key, seen.ModifyIndex, _ct)).ShouldBeTrue();

        var patch = ItemCodec.Encode(new GitRepositoryStatus { Ready = ReadyState.True, Reason = Reasons.Succeeded, Message = "ok" });
        var result = await _store.WriteStatusAsync(seen, patch, _ct);

        result.ShouldBe(StatusWriteResult.Gone);
        (await _store.ReadAsync(key, _ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Replace_and_delete_refuse_a_stale_index()
    {
        var key = ObjectKey.GitRepository("stale");
        await _store.CreateAsync(key, Items(("url", "file:///s")), _ct);
        var first = (await _store.ReadAsync(key, _ct))!;
        (await _store.ReplaceAsync(key, Items(("url", "file:///t")), first.ModifyIndex, _ct)).ShouldBeTrue();

        (await _store.ReplaceAsync(key, Items(("url", "file:///u")), first.ModifyIndex, _ct)).ShouldBeFalse();
        (await _store.DeleteAsync(key, first.ModifyIndex, _ct)).ShouldBeFalse();
        (await _store.ReadAsync(key, _ct))!.Items["url"].ShouldBe("file:///t");
    }

    private static Dictionary<string, string> Items(params (string Key, string Value)[] items) =>
        items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal);
}
