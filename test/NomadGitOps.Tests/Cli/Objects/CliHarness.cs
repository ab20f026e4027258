using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Cli;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Cli.Objects;

/// <summary>An emulator, a client on it, and the CLI run against it with captured stdout and stderr.</summary>
internal sealed class CliHarness : IAsyncDisposable
{
    private CliHarness(NomadEmulator nomad, string? token)
    {
        Nomad = nomad;
        Token = token;
        Client = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString(), Token = token });
        Store = new ObjectStore(Client, new ObjectStoreOptions(), NullLogger<ObjectStore>.Instance);
    }

    public NomadEmulator Nomad { get; }

    public NomadClient Client { get; }

    public ObjectStore Store { get; }

    private string? Token { get; }

    public static async Task<CliHarness> StartAsync(CancellationToken ct, EmulatorOptions? options = null)
    {
        options ??= new EmulatorOptions();
        var nomad = await NomadEmulator.StartAsync(options, ct);
        return new CliHarness(nomad, options.AclEnabled ? options.ManagementToken : null);
    }

    /// <summary>Runs the CLI with <c>--address</c> (and the management token under ACLs) added after <paramref name="args"/>.</summary>
    public async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] connection = Token is null || args.Contains("--token")
            ? ["--address", Nomad.Address.ToString()]
            : ["--address", Nomad.Address.ToString(), "--token", Token];
        var exit = await NomadGitOpsCli.RunAsync([.. args, .. connection], stdout, stderr)
            .WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    public Task CreateRepoAsync(string name, string items = "url=https://git.example.com/apps.git") =>
        Store.CreateAsync(ObjectKey.GitRepository(name), NomadGitOps.Tests.Objects.Items.Of(items), TestContext.Current.CancellationToken);

    public Task CreateJobAsync(string ns, string job, string items) =>
        Store.CreateAsync(ObjectKey.NomadJob(ns, job), NomadGitOps.Tests.Objects.Items.Of(items), TestContext.Current.CancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> ItemsAsync(ObjectKey key) =>
        (await Store.ReadAsync(key, TestContext.Current.CancellationToken)).ShouldNotBeNull().Items;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Nomad.DisposeAsync();
    }
}

/// <summary>What one CLI run printed and returned.</summary>
internal sealed record CliRun(int Exit, string Stdout, string Stderr)
{
    public JsonNode Json => JsonNode.Parse(Stdout).ShouldNotBeNull();

    public override string ToString() => $"exit {Exit}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
