using NomadGitOps.Controllers.NomadJob;

namespace NomadGitOps.Tests.Support;

/// <summary>The switches of a <see cref="ControllerHarness"/>; the defaults are the graph <c>nomad-gitops run</c> builds.</summary>
internal sealed record ControllerHarnessOptions
{
    /// <summary>The NomadJob controller's options.</summary>
    public NomadJobControllerOptions NomadJob { get; init; } = new();

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
}
