using Microsoft.Extensions.Time.Testing;

namespace Nomad.Emulator.Tests.Support;

/// <summary>An emulator on a <see cref="FakeTimeProvider"/>, for lock TTLs and fault durations: tests advance <see cref="Clock"/>.</summary>
public sealed class FakeClockEmulatorTarget : ContractTarget
{
    /// <summary>The emulator's clock.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected override async Task StartAsync()
    {
        Emulator = await NomadEmulator.StartAsync(new EmulatorOptions { TimeProvider = Clock }).ConfigureAwait(false);
        Address = Emulator.Address;
    }
}
