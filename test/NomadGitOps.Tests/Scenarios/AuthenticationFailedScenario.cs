using Microsoft.Extensions.DependencyInjection;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Cli;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>A controller whose token Nomad refuses reports <c>AuthenticationFailed</c>, not an outage.</summary>
public sealed class AuthenticationFailedScenario
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_without_submit_job_leaves_each_NomadJob_AuthenticationFailed_with_what_to_do()
    {
        var options = new EmulatorOptions { AclEnabled = true };
        await using var nomad = await NomadEmulator.StartAsync(options, Ct);
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "samples", Ct);
        repo.WithFile("jobs/web.nomad.hcl", await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "jobs", "web.nomad.hcl"), Ct));
        await repo.CommitAsync("web", Ct);
        using var admin = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString(), Token = options.ManagementToken });
        await admin.Variables.PutAsync(
            new Variable { Path = ObjectKey.GitRepository("samples").ToPath(ObjectKey.DefaultPrefix), Items = new Dictionary<string, string> { [ItemKeys.Url] = repo.Url } }, cas: 0, ct: Ct);
        var policy = PolicyDocument.Render(ControllerPermissions.All, "default", ObjectKey.DefaultPrefix, ["default"]).Replace(", \"submit-job\"", "", StringComparison.Ordinal);
        var token = AclTokens.Mint(nomad, policy);
        var cache = Path.Combine(Path.GetTempPath(), "auth-failed-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            var settings = new EngineSettings { CacheDir = cache, OneOff = true, LeaderElection = false };
            var services = new ServiceCollection();
            services.AddNomadGitOpsEngine(settings, new NomadClientOptions { Address = nomad.Address.ToString(), Token = token, MaxAttempts = 1 });
            RunCommand.AddControllers(services, settings);
            await using var provider = services.BuildServiceProvider();

            var report = await provider.GetRequiredService<OneOffRun>().RunAsync(Ct).WaitAsync(TimeSpan.FromMinutes(2), Ct);

            var job = report.Results.Single(r => r.Key.Kind == ObjectKind.NomadJob);
            job.Reason.ShouldBe(Reasons.AuthenticationFailed);
            job.Message.ShouldContain("nomad-gitops check");
            (await admin.Jobs.ListAllAsync(ct: Ct)).Value.ShouldBeEmpty();
        }
        finally
        {
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
        }
    }
}
