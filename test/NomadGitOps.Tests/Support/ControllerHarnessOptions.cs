using NomadGitOps.Controllers.NomadJob;
using NomadGitOps.Notifications;
using NomadGitOps.Rendering;

namespace NomadGitOps.Tests.Support;

/// <summary>The switches of a <see cref="ControllerHarness"/>; the defaults are the graph <c>nomad-gitops run</c> builds.</summary>
internal sealed record ControllerHarnessOptions
{
    /// <summary>The NomadJob controller's options.</summary>
    public NomadJobControllerOptions NomadJob { get; init; } = new();

    /// <summary>The job file parser's options (HCL2 parsed in process by default, as in <c>run</c>).</summary>
    public JobFileParserOptions Parser { get; init; } = new();

    /// <summary>
    /// The handler under the harness's <see cref="InterceptingHandler"/> that carries the controllers' requests to Nomad
    /// (a plain <see cref="HttpClientHandler"/> when null); disposed with the harness.
    /// </summary>
    public HttpMessageHandler? Transport { get; init; }

    /// <summary>
    /// When true the store answers from an object cache, primed on the empty emulator and fed by the store's own
    /// writes, as in <c>run</c> (objects must then be written through the harness's store, since no watcher sees
    /// writes made otherwise).
    /// </summary>
    public bool CachedStore { get; init; }

    /// <summary>The notification chain's options (its defaults when null).</summary>
    public NotificationOptions? Notifications { get; init; }

    /// <summary>
    /// When true the graph and the emulator run on the system clock instead of a fake one (for tests whose waits are
    /// real short delays, like the notification sender's retries); <see cref="ControllerHarness.Time"/> is then unavailable.
    /// </summary>
    public bool SystemClock { get; init; }
}
