using Microsoft.Extensions.Time.Testing;
using Nomad.Emulator;
using Nomad.Emulator.Faults;

namespace NomadGitOps.Tests.Objects;

/// <summary>
/// Makes "a person edits the variable while a command writes it" happen for sure: the emulator (on a fake clock)
/// holds the next PUT to one path, the test writes the person's edit straight into the emulator's state, then
/// lets the held PUT through, which now meets a CAS conflict.
/// </summary>
internal sealed class HeldWrite(NomadEmulator nomad, FakeTimeProvider emulatorClock, string path)
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(1);

    /// <summary>Holds the next PUT to the path (and only that one).</summary>
    public void Arm() => nomad.Faults.Add(new FaultRule
    {
        Method = "PUT",
        PathPrefix = "/v1/var/" + path,
        Kind = FaultKind.Delay,
        Latency = Hold,
        Times = 1,
    });

    /// <summary>
    /// Waits until the command's PUT is held, writes <paramref name="personItems"/> as a person would (a plain
    /// write, no CAS), then releases the PUT and waits for <paramref name="command"/> to finish.
    /// </summary>
    public async Task<T> EditWhileHeldAsync<T>(Task<T> command, IReadOnlyDictionary<string, string> personItems, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (nomad.Faults.Active().Count > 0)
        {
            command.IsCompleted.ShouldBeFalse("the command finished before its write was held");
            await Task.Delay(5, timeout.Token);
        }

        nomad.State.Write(index => nomad.State.Variables.Set("default", path, personItems, null, null, index, nomad.State.NowUnixNano()));

        // The held request may not have started its delay timer yet: keep moving the clock until it is through.
        while (!command.IsCompleted)
        {
            emulatorClock.Advance(Hold);
            await Task.WhenAny(command, Task.Delay(10, timeout.Token));
            timeout.Token.ThrowIfCancellationRequested();
        }

        return await command;
    }
}
