using Microsoft.Extensions.Logging.Abstractions;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Objects;

/// <summary>The object store with the engine's cache: reads from it while primed, writes into it, conflicts re-read.</summary>
public sealed class CachedObjectStoreTests : IAsyncLifetime
{
    private const string VariableRead = "GET /v1/var/:path";
    private static readonly ObjectKey Apps = ObjectKey.GitRepository("apps");
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;
    private NomadEmulator nomad = null!;
    private NomadClient client = null!;
    private ObjectCache cache = null!;
    private ObjectStore store = null!;
    private ObjectStore person = null!;

    public async ValueTask InitializeAsync()
    {
        nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), ct);
        client = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
        cache = new ObjectCache(new ObjectStoreOptions());
        store = new ObjectStore(client, new ObjectStoreOptions(), NullLogger<ObjectStore>.Instance, cache);
        person = new ObjectStore(client, new ObjectStoreOptions(), NullLogger<ObjectStore>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await nomad.DisposeAsync();
    }

    [Fact]
    public async Task Reads_go_to_Nomad_until_the_cache_is_primed_and_then_never()
    {
        (await person.CreateAsync(Apps, Items(("url", "file:///a")), ct)).ShouldBeTrue();
        (await store.ReadAsync(Apps, ct)).ShouldNotBeNull();
        nomad.Calls.Count(VariableRead).ShouldBe(1);

        cache.Prime();
        (await store.ReadAsync(Apps, ct)).ShouldNotBeNull().Items["url"].ShouldBe("file:///a");
        (await store.ReadAsync(ObjectKey.GitRepository("other"), ct)).ShouldBeNull();

        nomad.Calls.Count(VariableRead).ShouldBe(1);
    }

    [Fact]
    public async Task A_write_is_read_back_from_the_cache_with_the_index_Nomad_answered()
    {
        cache.Prime();
        (await store.CreateAsync(Apps, Items(("url", "file:///a")), ct)).ShouldBeTrue();
        var created = (await store.ReadAsync(Apps, ct)).ShouldNotBeNull();

        var written = await store.WriteStatusAsync(created, new StatusPatch(Items(("status_ready", "True")), new HashSet<string>(["status_ready"]), new HashSet<string>()), ct);

        written.ShouldBe(StatusWriteResult.Written);
        var cached = (await store.ReadAsync(Apps, ct)).ShouldNotBeNull();
        cached.Items["status_ready"].ShouldBe("True");
        var truth = (await person.ReadAsync(Apps, ct)).ShouldNotBeNull();
        cached.ModifyIndex.ShouldBe(truth.ModifyIndex);
        nomad.Calls.Count(VariableRead).ShouldBe(1, "only the person's read");
    }

    [Fact]
    public async Task A_conflict_re_reads_that_one_object_and_the_next_write_succeeds()
    {
        cache.Prime();
        (await store.CreateAsync(Apps, Items(("url", "file:///a")), ct)).ShouldBeTrue();
        var ours = (await store.ReadAsync(Apps, ct)).ShouldNotBeNull();
        (await person.ReplaceAsync(Apps, Items(("url", "file:///b")), ours.ModifyIndex, ct)).ShouldBeTrue();

        (await store.ReplaceAsync(Apps, Items(("url", "file:///c")), ours.ModifyIndex, ct)).ShouldBeFalse();
        var reread = (await store.ReadAsync(Apps, ct)).ShouldNotBeNull();

        reread.Items["url"].ShouldBe("file:///b");
        nomad.Calls.Count(VariableRead).ShouldBe(1);
        (await store.ReplaceAsync(Apps, Items(("url", "file:///c")), reread.ModifyIndex, ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_status_write_merged_onto_a_person_s_edit_is_cached_as_read_not_as_ours()
    {
        cache.Prime();
        (await store.CreateAsync(Apps, Items(("url", "file:///a")), ct)).ShouldBeTrue();
        var ours = (await store.ReadAsync(Apps, ct)).ShouldNotBeNull();
        (await person.ReplaceAsync(Apps, Items(("url", "file:///b")), ours.ModifyIndex, ct)).ShouldBeTrue();

        await store.WriteStatusAsync(ours, new StatusPatch(Items(("status_ready", "True")), new HashSet<string>(["status_ready"]), new HashSet<string>()), ct);

        var entry = cache.FindByPath(Apps.ToPath(ObjectKey.DefaultPrefix)).ShouldNotBeNull();
        entry.Object.Items["url"].ShouldBe("file:///b");
        entry.Object.Items["status_ready"].ShouldBe("True");
        entry.OwnWrite.ShouldBeNull();
    }

    [Fact]
    public async Task A_delete_leaves_the_cache_and_the_object_reads_as_missing()
    {
        cache.Prime();
        (await store.CreateAsync(Apps, Items(("url", "file:///a")), ct)).ShouldBeTrue();
        var created = (await store.ReadAsync(Apps, ct)).ShouldNotBeNull();

        (await store.DeleteAsync(Apps, created.ModifyIndex, ct)).ShouldBeTrue();

        (await store.ReadAsync(Apps, ct)).ShouldBeNull();
        cache.Count.ShouldBe(0);
    }

    private static Dictionary<string, string> Items(params (string Key, string Value)[] items) =>
        items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal);
}
