using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Controllers;
using NomadGitOps.Controllers.Receiver;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Server;
using NomadGitOps.Server.Webhooks;

namespace NomadGitOps.Tests.Server;

/// <summary>
/// The HTTP server as <c>run</c> builds it (the real DI graph) on a loopback port, against the Nomad emulator, with an
/// HTTP client for deliveries and a Nomad client for a person's writes. No controllers run: tests look at what the
/// server wrote to Nomad.
/// </summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private ServerHarness(NomadEmulator nomad, ServiceProvider provider, Uri address)
    {
        Nomad = nomad;
        this.provider = provider;
        Http = new HttpClient { BaseAddress = address };
        Person = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
    }

    public NomadEmulator Nomad { get; }

    public HttpClient Http { get; }

    /// <summary>A Nomad client standing for a person with the nomad CLI.</summary>
    public NomadClient Person { get; }

    public ReconcileRequests Requests => provider.GetRequiredService<ReconcileRequests>();

    /// <summary>The route patterns the server serves.</summary>
    public IReadOnlyList<string> Routes => provider.GetRequiredService<HttpServer>().Routes;

    public static async Task<ServerHarness> StartAsync(
        HttpServerOptions? options = null,
        Func<NomadEmulator, HttpMessageHandler>? handler = null,
        EngineSettings? engine = null,
        CancellationToken ct = default)
    {
        var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), ct);
        var services = new ServiceCollection();
        var client = new NomadClientOptions { Address = nomad.Address.ToString(), MaxAttempts = 1 };
        services.AddSingleton(new NomadClient(client, handler?.Invoke(nomad)));
        services.AddNomadGitOpsEngine(engine ?? new EngineSettings { LeaderElection = false }, client);
        services.AddNomadGitOpsServer((options ?? new HttpServerOptions()) with { Address = new HttpAddress(System.Net.IPAddress.Loopback, 0) });
        services.AddReceiverController();
        var provider = services.BuildServiceProvider();
        var address = await provider.GetRequiredService<HttpServer>().StartAsync(ct);
        return new ServerHarness(nomad, provider, address);
    }

    public async Task PutAsync(string path, params (string Key, string Value)[] items)
    {
        var variable = new Variable { Path = path, Items = items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal) };
        (await Person.Variables.PutAsync(variable, ct: TestContext.Current.CancellationToken)).ShouldBeOfType<VariableWriteResult.Written>();
    }

    /// <summary>The items of the variable at <paramref name="path"/> as Nomad holds them now.</summary>
    public IReadOnlyDictionary<string, string> Items(string path) =>
        Nomad.State.Variables.Get("default", path).ShouldNotBeNull($"{path} exists").Items;

    /// <summary>Creates a receiver and its secret, lets the receiver controller publish its URL, and returns that path.</summary>
    public async Task<string> CreateReceiverAsync(string name, string type, string token, params (string Key, string Value)[] extra)
    {
        await PutAsync($"nomad-gitops/secrets/{name}", ("token", token));
        await PutAsync(ObjectKey.Receiver(name).ToPath(ObjectKey.DefaultPrefix), [("type", type), ("secret", $"nomad-gitops/secrets/{name}"), .. extra]);
        await PublishAsync(name);
        return Items(ObjectKey.Receiver(name).ToPath(ObjectKey.DefaultPrefix)).GetValueOrDefault(ItemKeys.StatusUrl)
            .ShouldNotBeNull($"receiver {name} published a URL");
    }

    /// <summary>Runs the receiver controller once on <paramref name="name"/>.</summary>
    public Task<ReconcileOutcome> PublishAsync(string name) =>
        provider.GetRequiredService<ReceiverController>().ReconcileAsync(ObjectKey.Receiver(name), TestContext.Current.CancellationToken);

    public async Task<HttpResponseMessage> DeliverAsync(string path, byte[] body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Waits until the background writes the deliveries asked for are done.</summary>
    public async Task IdleAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await provider.GetRequiredService<ReconcileRequests>().WhenIdleAsync(ct).WaitAsync(TimeSpan.FromSeconds(15), ct);
        await provider.GetRequiredService<DeliveryRecorder>().WhenIdleAsync(ct).WaitAsync(TimeSpan.FromSeconds(15), ct);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Person.Dispose();
        await provider.DisposeAsync();
        await Nomad.DisposeAsync();
    }
}
