using Microsoft.Extensions.Logging;

namespace Nomad.Client.Tests.Support;

/// <summary>Builds clients for tests: no retry delay unless asked, a recording logger.</summary>
public static class Clients
{
    /// <summary>Options pointing at <paramref name="address"/> with zero backoff, so retries need no clock.</summary>
    public static NomadClientOptions For(Uri address) => new()
    {
        Address = address.ToString().TrimEnd('/'),
        RetryBaseDelay = TimeSpan.Zero,
        RetryMaxDelay = TimeSpan.Zero,
        MaxAttempts = 3,
    };

    /// <summary>A client on these options with a recording logger.</summary>
    public static NomadClient Create(NomadClientOptions options, ILogger<NomadClient>? logger = null, TimeProvider? time = null) =>
        new(options, handler: null, logger ?? new RecordingLogger<NomadClient>(), time);
}
