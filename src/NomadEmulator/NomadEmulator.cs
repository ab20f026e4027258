using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nomad.Emulator.Api;
using Nomad.Emulator.Faults;
using Nomad.Emulator.State;

namespace Nomad.Emulator;

/// <summary>
/// An in-memory Nomad HTTP API on loopback. Start one per test:
/// <code>await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions());</code>
/// then point a client at <see cref="Address"/>, inspect <see cref="State"/>, inject
/// <see cref="Faults"/> and read <see cref="Calls"/>.
/// </summary>
public sealed class NomadEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NomadEmulator(WebApplication app, EmulatorState state, FaultTable faults, CallCounter calls, Uri address)
    {
        _app = app;
        State = state;
        Faults = faults;
        Calls = calls;
        Address = address;
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; }

    /// <summary>The cluster's data.</summary>
    public EmulatorState State { get; }

    /// <summary>Faults to inject into matching requests.</summary>
    public FaultTable Faults { get; }

    /// <summary>Requests served, per endpoint.</summary>
    public CallCounter Calls { get; }

    /// <summary>Starts an emulator and returns once it accepts connections.</summary>
    public static async Task<NomadEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken ct = default)
    {
        options ??= new EmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            if (options.UnixSocketPath is { } socket)
            {
                k.ListenUnixSocket(socket);
            }
        });

        // A library inside someone's process: the program owning it decides what SIGTERM and Ctrl-C do (the standalone
        // Program.cs, `nomad-gitops dev`, a test). The default console lifetime would stop the web host on SIGTERM and
        // leave its owner running (issue 12 §4).
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);

        var state = new EmulatorState(options);
        var faults = new FaultTable(options.TimeProvider);
        var calls = new CallCounter(options.TimeProvider);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(faults);
        builder.Services.AddSingleton(calls);

        var app = builder.Build();
        app.Use(calls.Middleware);
        EmulatorApi.Map(app, state, faults, calls);
        app.Use(faults.Middleware);
        app.Use(Acl.WorkloadIdentityTokenBugs.Middleware(state));
        StatusApi.Map(app, state);
        AclApi.Map(app, state);
        AclLoginApi.Map(app, state);
        VariablesApi.Map(app, state);
        NamespacesApi.Map(app, state);
        JobsApi.Map(app, state);
        DeploymentsApi.Map(app, state);
        AllocationsApi.Map(app, state);

        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(a => !a.Contains("unix:", StringComparison.Ordinal));
        return new NomadEmulator(app, state, faults, calls, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <summary>Stops serving and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
