using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Nomad.Client;

/// <summary>
/// Typed client for Nomad's HTTP API, configured like the <c>nomad</c> CLI (<see cref="NomadClientOptions.FromEnvironment"/>).
/// One instance per process; its area clients are thread-safe.
/// </summary>
public sealed class NomadClient : IDisposable
{
    private readonly NomadTransport _transport;

    /// <summary>
    /// Creates a client. Without <paramref name="handler"/> it builds its own (TLS from the options, unix sockets,
    /// gzip); a given handler is used as is and not disposed. <paramref name="observer"/>, when given, is told the
    /// route, status and duration of every HTTP attempt (for metrics).
    /// </summary>
    public NomadClient(NomadClientOptions options, HttpMessageHandler? handler = null, ILogger<NomadClient>? logger = null, TimeProvider? timeProvider = null, INomadRequestObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = NomadEndpoint.Parse(options.Address);
        var http = handler is null
            ? new HttpClient(NomadTransport.CreateHandler(options, endpoint), disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        http.Timeout = Timeout.InfiniteTimeSpan;
        _transport = new NomadTransport(options, endpoint, http, ownsHttp: true, logger ?? (ILogger)NullLogger.Instance, timeProvider ?? TimeProvider.System, observer);
        (Variables, Jobs, Deployments, Status, Allocations, Acl, Namespaces) = (new(_transport), new(_transport), new(_transport), new(_transport), new(_transport), new(_transport), new(_transport));
        Authentication = Authenticate(_transport, Acl, Status, logger, timeProvider);
    }

    /// <summary>
    /// Creates a client on a caller-owned <paramref name="httpClient"/> (not disposed; its <c>Timeout</c> should be
    /// infinite, this client applies its own per request).
    /// </summary>
    public NomadClient(NomadClientOptions options, HttpClient httpClient, ILogger<NomadClient>? logger = null, TimeProvider? timeProvider = null, INomadRequestObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        var endpoint = NomadEndpoint.Parse(options.Address);
        _transport = new NomadTransport(options, endpoint, httpClient, ownsHttp: false, logger ?? (ILogger)NullLogger.Instance, timeProvider ?? TimeProvider.System, observer);
        (Variables, Jobs, Deployments, Status, Allocations, Acl, Namespaces) = (new(_transport), new(_transport), new(_transport), new(_transport), new(_transport), new(_transport), new(_transport));
        Authentication = Authenticate(_transport, Acl, Status, logger, timeProvider);
    }

    /// <summary>The options in force.</summary>
    public NomadClientOptions Options => _transport.Options;

    /// <summary>Variables and variable locks.</summary>
    public VariablesClient Variables { get; }

    /// <summary>Jobs: parse, plan, register, read, list, deregister.</summary>
    public JobsClient Jobs { get; }

    /// <summary>Deployments.</summary>
    public DeploymentsClient Deployments { get; }

    /// <summary>Allocations of jobs, and their in-place restart.</summary>
    public AllocationsClient Allocations { get; }

    /// <summary>Leader and agent status.</summary>
    public StatusClient Status { get; }

    /// <summary>ACL login, policies, auth methods and binding rules.</summary>
    public AclClient Acl { get; }

    /// <summary>Namespaces.</summary>
    public NamespacesClient Namespaces { get; }

    /// <summary>How the client authenticates: decided on the first request, the exchanged token renewed (<see cref="IdentityExchange"/>).</summary>
    public IdentityExchange Authentication { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Authentication.Dispose();
        _transport.Dispose();
    }

    private static IdentityExchange Authenticate(NomadTransport transport, AclClient acl, StatusClient status, ILogger? logger, TimeProvider? time)
    {
        var exchange = new IdentityExchange(transport, acl, status, time ?? TimeProvider.System, logger ?? (ILogger)NullLogger.Instance);
        transport.BeforeSend = exchange.EnsureAsync;
        transport.RefreshOnForbidden = exchange.RefreshAsync;
        return exchange;
    }
}
