using System.Net.Http.Headers;

namespace Nomad.Emulator.Tests.Support;

/// <summary>
/// The Nomad a contract test talks to: the emulator (default) or, when
/// <c>NOMAD_GITOPS_CONTRACT_ADDR</c> is set, a real Nomad (token from <c>NOMAD_GITOPS_CONTRACT_TOKEN</c>).
/// Used as a class fixture; tests build unique names with <see cref="Some"/> so they can share a cluster.
/// </summary>
public abstract class ContractTarget : IAsyncLifetime
{
    private HttpClient? _http;

    /// <summary>The base address of the target.</summary>
    public Uri Address { get; protected set; } = new("http://127.0.0.1:4646");

    /// <summary>The ACL token to send, if any.</summary>
    public string? Token { get; protected set; }

    /// <summary>The emulator behind this target, or null for a real Nomad.</summary>
    public NomadEmulator? Emulator { get; protected set; }

    /// <summary>
    /// A raw HTTP client with the address and token set. On an unconfigured real-Nomad target this
    /// skips the calling test.
    /// </summary>
    public HttpClient Http
    {
        get
        {
            Assert.SkipWhen(_http is null, "set NOMAD_GITOPS_CONTRACT_ADDR to run the contract suite against a real Nomad");
            return _http!;
        }
    }

    /// <summary>False for a real-Nomad target with no address configured.</summary>
    protected virtual bool IsAvailable => true;

    /// <summary>Skips the calling test unless this target is the emulator (faults, counters, fake time).</summary>
    public NomadEmulator RequireEmulator()
    {
        Assert.SkipWhen(Emulator is null, "emulator-only behaviour");
        return Emulator!;
    }

    public async ValueTask InitializeAsync()
    {
        await StartAsync().ConfigureAwait(false);
        if (!IsAvailable)
        {
            return;
        }

        _http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (Token is not null)
        {
            _http.DefaultRequestHeaders.Add("X-Nomad-Token", Token);
        }

        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    protected abstract Task StartAsync();
}

/// <summary>An emulator started for the test class.</summary>
public sealed class EmulatorTarget : ContractTarget
{
    protected override async Task StartAsync()
    {
        Emulator = await NomadEmulator.StartAsync(new EmulatorOptions()).ConfigureAwait(false);
        Address = Emulator.Address;
    }
}

/// <summary>A real Nomad named by <c>NOMAD_GITOPS_CONTRACT_ADDR</c>; its tests skip when it is unset.</summary>
public sealed class RealNomadTarget : ContractTarget
{
    /// <summary>True when a real Nomad is configured.</summary>
    public static bool IsConfigured => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NOMAD_GITOPS_CONTRACT_ADDR"));

    protected override bool IsAvailable => IsConfigured;

    protected override Task StartAsync()
    {
        if (IsConfigured)
        {
            Address = new Uri(Environment.GetEnvironmentVariable("NOMAD_GITOPS_CONTRACT_ADDR")!);
            Token = Environment.GetEnvironmentVariable("NOMAD_GITOPS_CONTRACT_TOKEN") is { Length: > 0 } t ? t : null;
        }

        return Task.CompletedTask;
    }
}
