using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Objects;

public sealed class ObjectCommandsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 19, 30, 15, 250, TimeSpan.Zero);

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _emulatorClock = new(Now);
    private readonly FakeTimeProvider _clock = new(Now);
    private NomadEmulator _nomad = null!;
    private NomadClient _client = null!;
    private ObjectStore _store = null!;
    private ObjectCommands _commands = null!;

    public async ValueTask InitializeAsync()
    {
        _nomad = await NomadEmulator.StartAsync(new EmulatorOptions { TimeProvider = _emulatorClock }, _ct);
        _client = new NomadClient(new NomadClientOptions { Address = _nomad.Address.ToString() });
        var options = new ObjectStoreOptions();
        _store = new ObjectStore(_client, options, NullLogger<ObjectStore>.Instance);
        _commands = new ObjectCommands(_client, _store, options, _clock, NullLogger<ObjectCommands>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _nomad.DisposeAsync();
    }

    [Fact]
    public async Task A_reconcile_request_writes_now_in_rfc_3339_and_keeps_the_spec_and_status()
    {
        var key = ObjectKey.GitRepository("apps");
        await _store.CreateAsync(key, Items.Of("url=file:///srv/apps\nbranch=main\nstatus_ready=True"), _ct);

        var result = await _commands.RequestReconcileAsync(key, _ct);

        result.Outcome.ShouldBe(ObjectCommandOutcome.Written);
        result.RequestedAt.ShouldBe("2026-12-04T19:30:15.250Z");
        var items = (await _store.ReadAsync(key, _ct))!.Items;
        items[ItemKeys.ReconcileRequestedAt].ShouldBe("2026-12-04T19:30:15.250Z");
        items["url"].ShouldBe("file:///srv/apps");
        items["branch"].ShouldBe("main");
        items[ItemKeys.StatusReady].ShouldBe("True");
    }

    [Fact]
    public async Task A_second_reconcile_request_a_moment_later_is_a_new_value()
    {
        var key = ObjectKey.NomadJob("default", "web");
        await _store.CreateAsync(key, Items.Of("job_id=web\nrepository=apps\nfile=web.nomad.hcl"), _ct);
        var first = await _commands.RequestReconcileAsync(key, _ct);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = await _commands.RequestReconcileAsync(key, _ct);

        second.Outcome.ShouldBe(ObjectCommandOutcome.Written);
        second.RequestedAt.ShouldNotBe(first.RequestedAt);
        (await _store.ReadAsync(key, _ct))!.Items[ItemKeys.ReconcileRequestedAt].ShouldBe(second.RequestedAt);
    }

    [Fact]
    public async Task Each_action_on_a_missing_object_is_not_found_and_creates_nothing()
    {
        var key = ObjectKey.GitRepository("missing");

        var results = new[]
        {
            await _commands.RequestReconcileAsync(key, _ct),
            await _commands.SuspendAsync(key, _ct),
            await _commands.ResumeAsync(key, _ct),
        };

        results.ShouldAllBe(r => r.Outcome == ObjectCommandOutcome.NotFound);
        results[0].Message.ShouldContain("gitrepository/missing does not exist");
        (await _store.ReadAsync(key, _ct)).ShouldBeNull();
        _nomad.Calls.CountMethod("PUT").ShouldBe(0);
    }

    [Fact]
    public async Task Suspend_sets_the_item_once_and_resume_removes_it()
    {
        var key = ObjectKey.GitRepository("apps");
        await _store.CreateAsync(key, Items.Of("url=file:///srv/apps"), _ct);

        (await _commands.SuspendAsync(key, _ct)).Outcome.ShouldBe(ObjectCommandOutcome.Written);
        (await _store.ReadAsync(key, _ct))!.Items[ItemKeys.Suspend].ShouldBe("true");
        (await _commands.SuspendAsync(key, _ct)).Outcome.ShouldBe(ObjectCommandOutcome.Unchanged);

        (await _commands.ResumeAsync(key, _ct)).Outcome.ShouldBe(ObjectCommandOutcome.Written);
        var items = (await _store.ReadAsync(key, _ct))!.Items;
        items.ShouldNotContainKey(ItemKeys.Suspend);
        items["url"].ShouldBe("file:///srv/apps");
        (await _commands.ResumeAsync(key, _ct)).Outcome.ShouldBe(ObjectCommandOutcome.Unchanged);
    }

    [Fact]
    public async Task A_persons_edit_made_while_suspend_is_written_is_kept()
    {
        var key = ObjectKey.GitRepository("apps");
        await _store.CreateAsync(key, Items.Of("url=file:///srv/apps\nbranch=main"), _ct);
        var held = new HeldWrite(_nomad, _emulatorClock, key.ToPath(ObjectKey.DefaultPrefix));
        held.Arm();

        var result = await held.EditWhileHeldAsync(
            _commands.SuspendAsync(key, _ct), Items.Of("url=file:///srv/apps\nbranch=release\ndescription=moved to release"), _ct);

        result.Outcome.ShouldBe(ObjectCommandOutcome.Written);
        var items = (await _store.ReadAsync(key, _ct))!.Items;
        items[ItemKeys.Suspend].ShouldBe("true");
        items["branch"].ShouldBe("release");
        items["description"].ShouldBe("moved to release");
    }

    [Fact]
    public async Task A_persons_edit_made_while_a_reconcile_is_requested_is_kept()
    {
        var key = ObjectKey.NomadJob("batch", "report");
        await _store.CreateAsync(key, Items.Of("job_id=report\nnamespace=batch\nrepository=apps\nfile=report.hcl"), _ct);
        var held = new HeldWrite(_nomad, _emulatorClock, key.ToPath(ObjectKey.DefaultPrefix));
        held.Arm();

        var result = await held.EditWhileHeldAsync(
            _commands.RequestReconcileAsync(key, _ct), Items.Of("job_id=report\nnamespace=batch\nrepository=apps\nfile=report-v2.hcl"), _ct);

        var items = (await _store.ReadAsync(key, _ct))!.Items;
        items[ItemKeys.ReconcileRequestedAt].ShouldBe(result.RequestedAt);
        items["file"].ShouldBe("report-v2.hcl");
    }

    [Fact]
    public async Task A_concurrent_delete_makes_the_action_not_found_instead_of_recreating_the_object()
    {
        var key = ObjectKey.GitRepository("apps");
        await _store.CreateAsync(key, Items.Of("url=file:///srv/apps"), _ct);
        var path = key.ToPath(ObjectKey.DefaultPrefix);
        var held = new HeldWrite(_nomad, _emulatorClock, path);
        held.Arm();

        var command = _commands.SuspendAsync(key, _ct);
        while (_nomad.Faults.Active().Count > 0)
        {
            await Task.Delay(5, _ct);
        }

        _nomad.State.Write(index => _nomad.State.Variables.Delete("default", path, null, index));
        while (!command.IsCompleted)
        {
            _emulatorClock.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAny(command, Task.Delay(10, _ct));
        }

        (await command).Outcome.ShouldBe(ObjectCommandOutcome.NotFound);
        (await _store.ReadAsync(key, _ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Pause_creates_the_controller_variable_and_unpause_deletes_it_when_nothing_else_is_in_it()
    {
        var path = ObjectKey.ControllerPath(ObjectKey.DefaultPrefix);

        (await _commands.PauseControllerAsync(_ct)).Outcome.ShouldBe(ObjectCommandOutcome.Written);
        (await _client.Variables.ReadAsync(path, ct: _ct)).Value!.Items![ItemKeys.Suspend].ShouldBe("true");
        (await _commands.IsControllerPausedAsync(_ct)).ShouldBeTrue();
        (await _commands.PauseControllerAsync(_ct)).Outcome.ShouldBe(ObjectCommandOutcome.Unchanged);

        (await _commands.ResumeControllerAsync(_ct)).Outcome.ShouldBe(ObjectCommandOutcome.Written);
        (await _client.Variables.ReadAsync(path, ct: _ct)).Value.ShouldBeNull();
        (await _commands.IsControllerPausedAsync(_ct)).ShouldBeFalse();
        (await _commands.ResumeControllerAsync(_ct)).Outcome.ShouldBe(ObjectCommandOutcome.Unchanged);
    }

    [Fact]
    public async Task Unpause_keeps_the_controller_variable_when_a_person_put_other_items_in_it()
    {
        var path = ObjectKey.ControllerPath(ObjectKey.DefaultPrefix);
        await _client.Variables.PutAsync(new Variable { Path = path, Items = Items.Of("suspend=true\ndescription=maintenance window") }, ct: _ct);

        (await _commands.ResumeControllerAsync(_ct)).Outcome.ShouldBe(ObjectCommandOutcome.Written);

        var items = (await _client.Variables.ReadAsync(path, ct: _ct)).Value!.Items!;
        items.ShouldNotContainKey(ItemKeys.Suspend);
        items["description"].ShouldBe("maintenance window");
    }

    [Fact]
    public async Task A_persons_edit_of_the_controller_variable_made_while_pausing_is_kept()
    {
        var path = ObjectKey.ControllerPath(ObjectKey.DefaultPrefix);
        await _client.Variables.PutAsync(new Variable { Path = path, Items = Items.Of("description=ops") }, ct: _ct);
        var held = new HeldWrite(_nomad, _emulatorClock, path);
        held.Arm();

        await held.EditWhileHeldAsync(_commands.PauseControllerAsync(_ct), Items.Of("description=ops, see runbook"), _ct);

        var items = (await _client.Variables.ReadAsync(path, ct: _ct)).Value!.Items!;
        items[ItemKeys.Suspend].ShouldBe("true");
        items["description"].ShouldBe("ops, see runbook");
    }
}
