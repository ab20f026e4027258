using System.CommandLine;
using System.Text;
using System.Text.Json;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Cli;
using NomadGitOps.Engine;
using NomadGitOps.Logging;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>
/// `nomad-gitops run --once --log-level trace` with the real controllers against a git http backend on loopback that
/// wants basic auth: repositories with a user and password secret, a token secret, a wrong password and a URL that
/// carries the password itself. Whatever the log format, no secret reaches the log.
/// </summary>
public sealed class LogSecretsScenario
{
    private const string WrongPassword = "wrong-horse-staple-42";
    private static readonly string SamplesDirectory = Path.Combine(AppContext.BaseDirectory, "samples", "jobs");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public async Task A_run_with_credentials_logs_no_secret_in_either_format(string format)
    {
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), Ct);
        await using var server = await GitServer.StartAsync(GitServerKind.Http, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "apps", Ct);
        repo.WithFile("jobs/web.nomad.hcl", await File.ReadAllTextAsync(Path.Combine(SamplesDirectory, "web.nomad.hcl"), Ct));
        await repo.CommitAsync("web", Ct);
        using var client = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
        await PutAsync(client, "secrets/basic", ("username", GitServer.HttpUser), ("password", GitServer.HttpPassword));
        await PutAsync(client, "secrets/token", ("username", GitServer.HttpUser), ("token", GitServer.HttpPassword));
        await PutAsync(client, "secrets/wrong", ("username", GitServer.HttpUser), ("password", WrongPassword));
        await PutRepositoryAsync(client, "basic", ("url", repo.Url), ("secret", "secrets/basic"), ("include", "^none$"));
        await PutRepositoryAsync(client, "token", ("url", repo.Url), ("secret", "secrets/token"));
        await PutRepositoryAsync(client, "wrong", ("url", repo.Url), ("secret", "secrets/wrong"));
        var inline = new UriBuilder(repo.Url) { UserName = GitServer.HttpUser, Password = WrongPassword + "-inline" }.Uri.AbsoluteUri;
        await PutRepositoryAsync(client, "inline", ("url", inline));
        var cache = Path.Combine(Path.GetTempPath(), "logsecrets-" + Guid.NewGuid().ToString("N")[..10]);

        try
        {
            var (exit, stdout, capture) = await RunOnceAsync(nomad, cache, "--log-format", format, "--log-level", "trace");

            exit.ShouldBe(ExitCodes.Failed, stdout + capture.Text); // "wrong" and "inline" fail; the others do not
            capture.FormatterName.ShouldBe(format == "json" ? JsonLogFormatter.FormatterName : TextLogFormatter.FormatterName);
            var log = capture.Text;
            log.ShouldContain("gitrepository/wrong"); // the failures were logged...
            log.ShouldContain("AuthenticationFailed");
            log.ShouldContain("registered version"); // ...and so was the job the token repository applied
            string[] secrets =
            [
                GitServer.HttpPassword,
                WrongPassword,
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{GitServer.HttpUser}:{GitServer.HttpPassword}")),
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{GitServer.HttpUser}:{WrongPassword}")),
            ];
            foreach (var secret in secrets)
            {
                log.ShouldNotContain(secret, Case.Sensitive);
                stdout.ShouldNotContain(secret, Case.Sensitive);
            }

            if (format == "json")
            {
                foreach (var line in log.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    using var json = JsonDocument.Parse(line);
                    json.RootElement.GetProperty("msg").GetString().ShouldNotBeNull();
                }
            }
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    private static async Task<(int Exit, string Stdout, FormattedLogCapture Capture)> RunOnceAsync(NomadEmulator nomad, string cache, params string[] logFlags)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var capture = new FormattedLogCapture();
        var settings = new EngineSettings { CacheDir = cache };
        var command = RunCommand.Create(stdout, stderr, services =>
        {
            RunCommand.AddControllers(services, settings);
            capture.AddTo(services);
        });
        string[] args = ["run", "--once", "--address", nomad.Address.ToString(), "--cache-dir", cache, .. logFlags];
        var exit = await new RootCommand { command }.Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, Ct).WaitAsync(TimeSpan.FromMinutes(2), Ct);
        return (exit, stdout.ToString() + stderr, capture);
    }

    private static async Task PutAsync(NomadClient client, string path, params (string Key, string Value)[] items)
    {
        var variable = new Variable { Path = path, Items = items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal) };
        (await client.Variables.PutAsync(variable, cas: 0, ct: Ct)).ShouldBeOfType<VariableWriteResult.Written>();
    }

    private static Task PutRepositoryAsync(NomadClient client, string name, params (string Key, string Value)[] items) =>
        PutAsync(client, ObjectKey.GitRepository(name).ToPath(ObjectKey.DefaultPrefix), items);
}
