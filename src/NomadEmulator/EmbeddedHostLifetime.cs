using Microsoft.Extensions.Hosting;

namespace Nomad.Emulator;

/// <summary>
/// The emulator's web host lifetime: it takes no process signals (unlike the default console lifetime, which stops the
/// host on SIGTERM or Ctrl-C behind its owner's back). The host starts at once and stops when its owner disposes the emulator.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    /// <inheritdoc/>
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
