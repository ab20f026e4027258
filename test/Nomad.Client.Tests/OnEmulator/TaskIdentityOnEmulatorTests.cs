using System.Net;
using Nomad.Client.Tests.Support;
using Nomad.Emulator;

namespace Nomad.Client.Tests.OnEmulator;

/// <summary>A client set up as inside a Nomad task: NOMAD_UNIX_ADDR and the token file in NOMAD_SECRETS_DIR, against an emulator with ACLs on.</summary>
public sealed class TaskIdentityOnEmulatorTests : IDisposable
{
    private readonly string _secrets = Directory.CreateTempSubdirectory("nomad-task-").FullName;
    private readonly EmulatorOptions _options;

    public TaskIdentityOnEmulatorTests() =>
        _options = new EmulatorOptions { AclEnabled = true, UnixSocketPath = Path.Combine(_secrets, "api.sock") };

    private string TokenFile => Path.Combine(_secrets, "nomad_token");

    private Dictionary<string, string?> TaskEnvironment => new()
    {
        ["NOMAD_UNIX_ADDR"] = "unix://" + _options.UnixSocketPath,
        ["NOMAD_SECRETS_DIR"] = _secrets,
    };

    [Fact]
    public async Task The_token_file_authenticates_over_the_task_API_socket()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nomad = await NomadEmulator.StartAsync(_options, ct);
        await File.WriteAllTextAsync(TokenFile, _options.ManagementToken + "\n", ct);
        using var client = Clients.Create(NomadClientOptions.FromEnvironment(TaskEnvironment));

        await client.Variables.PutAsync(new Variable { Path = "app/x", Items = new Dictionary<string, string> { ["k"] = "v" } }, ct: ct);

        nomad.State.Variables.Get("default", "app/x").ShouldNotBeNull();
        nomad.Calls.Count("PUT /v1/var/:path").ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_call_reads_the_token_file_again_once_and_succeeds_with_the_new_token()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nomad = await NomadEmulator.StartAsync(_options, ct);
        await File.WriteAllTextAsync(TokenFile, "00000000-0000-0000-0000-0000000000aa", ct);
        using var client = Clients.Create(NomadClientOptions.FromEnvironment(TaskEnvironment));
        await File.WriteAllTextAsync(TokenFile, _options.ManagementToken, ct);

        var read = await client.Variables.ReadAsync("app/x", ct: ct);

        read.Value.ShouldBeNull();
        nomad.Calls.Count("GET /v1/var/:path").ShouldBe(2);
    }

    [Fact]
    public async Task A_token_file_that_still_holds_a_refused_token_is_read_once_and_the_403_reaches_the_caller()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nomad = await NomadEmulator.StartAsync(_options, ct);
        await File.WriteAllTextAsync(TokenFile, "00000000-0000-0000-0000-0000000000aa", ct);
        using var client = Clients.Create(NomadClientOptions.FromEnvironment(TaskEnvironment));
        await File.WriteAllTextAsync(TokenFile, "00000000-0000-0000-0000-0000000000bb", ct);

        var denied = await Should.ThrowAsync<NomadApiException>(() => client.Variables.ReadAsync("app/x", ct: ct));

        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        nomad.Calls.Count("GET /v1/var/:path").ShouldBe(2);
    }

    public void Dispose() => Directory.Delete(_secrets, recursive: true);
}
