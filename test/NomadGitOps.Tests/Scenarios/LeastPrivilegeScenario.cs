using Microsoft.Extensions.DependencyInjection;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Cli;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>
/// The controller with a token holding only the policy `nomad-gitops policy` prints, on an emulator with ACLs on:
/// the real controllers and engine, built as the run verb builds them, git over git://, the sample job files.
/// </summary>
public sealed class LeastPrivilegeScenario
{
    private static readonly string SamplesDirectory = Path.Combine(AppContext.BaseDirectory, "samples", "jobs");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_the_generated_policy_is_needed_for_first_sync_drift_correction_and_prune()
    {
        var options = new EmulatorOptions { AclEnabled = true };
        await using var nomad = await NomadEmulator.StartAsync(options, Ct);
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "samples", Ct);
        foreach (var file in Directory.EnumerateFiles(SamplesDirectory, "*.nomad.hcl"))
        {
            repo.WithFile("jobs/" + Path.GetFileName(file), await File.ReadAllTextAsync(file, Ct));
        }

        await repo.CommitAsync("sample jobs", Ct);
        using var admin = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString(), Token = options.ManagementToken });
        var path = ObjectKey.GitRepository("samples").ToPath(ObjectKey.DefaultPrefix);
        await admin.Variables.PutAsync(new Variable { Path = path, Items = new Dictionary<string, string> { [ItemKeys.Url] = repo.Url, [ItemKeys.Prune] = "true" } }, cas: 0, ct: Ct);
        var token = AclTokens.Mint(nomad, PolicyDocument.Render(ControllerPermissions.All, "default", ObjectKey.DefaultPrefix, ["default"]));
        var cache = Path.Combine(Path.GetTempPath(), "least-privilege-" + Guid.NewGuid().ToString("N")[..10]);

        try
        {
            // First sync: every job registered.
            (await RunOnceAsync(nomad, token, cache)).Failed.ShouldBeFalse();
            var jobs = await admin.Jobs.ListAllAsync(ct: Ct);
            jobs.Value.Select(j => j.ID).Order(StringComparer.Ordinal).ShouldBe(["cleanup", "report", "web"]);

            // Drift: a person stops web; the next run starts it again.
            await admin.Jobs.DeregisterAsync("web", ct: Ct);
            (await RunOnceAsync(nomad, token, cache)).Failed.ShouldBeFalse();
            (await admin.Jobs.ReadAsync("web", ct: Ct)).Value.ShouldNotBeNull()["Stop"]!.GetValue<bool>().ShouldBeFalse();

            // Prune: report's file goes away; its NomadJob is deleted and the job stopped.
            await repo.WithoutFile("jobs/report.nomad.hcl").CommitAsync("drop report", Ct);
            for (var run = 0; run < 3 && !await StoppedAsync(admin, "report"); run++)
            {
                (await RunOnceAsync(nomad, token, cache)).Failed.ShouldBeFalse();
            }

            (await StoppedAsync(admin, "report")).ShouldBeTrue();
            (await StoppedAsync(admin, "web")).ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public async Task Only_the_generated_policy_is_needed_to_take_renew_and_release_the_leader_lock()
    {
        var options = new EmulatorOptions { AclEnabled = true };
        await using var nomad = await NomadEmulator.StartAsync(options, Ct);
        var token = AclTokens.Mint(nomad, PolicyDocument.Render(ControllerPermissions.All, "default", ObjectKey.DefaultPrefix, ["default"]));
        var settings = new EngineSettings { LeaderTtl = TimeSpan.FromSeconds(10), LeaderLockDelay = TimeSpan.Zero };
        await using var provider = Services(nomad, token, settings).BuildServiceProvider();
        var election = provider.GetRequiredService<LeaderElection>();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var led = false;
        var lostWhileLeading = true;

        // Leads for longer than a TTL: renewals (every TTL/2) that Nomad refused would make it step down after one TTL.
        await election.RunAsync(async (stop, lost) =>
        {
            led = true;
            nomad.State.Variables.Get("default", ObjectKey.LeaderPath(ObjectKey.DefaultPrefix)).ShouldNotBeNull().Lock.ShouldNotBeNull();
            await Task.Delay(settings.LeaderTtl * 1.3, lost).ContinueWith(_ => { }, TaskScheduler.Default);
            lostWhileLeading = lost.IsCancellationRequested;
            await stopping.CancelAsync();
        }, stopping.Token).WaitAsync(TimeSpan.FromMinutes(1), Ct);

        led.ShouldBeTrue();
        lostWhileLeading.ShouldBeFalse();
        nomad.State.Variables.Get("default", ObjectKey.LeaderPath(ObjectKey.DefaultPrefix)).ShouldNotBeNull().Lock.ShouldBeNull();
    }

    private static ServiceCollection Services(NomadEmulator nomad, string token, EngineSettings settings)
    {
        var services = new ServiceCollection();
        services.AddNomadGitOpsEngine(settings, new NomadClientOptions { Address = nomad.Address.ToString(), Token = token, MaxAttempts = 1 });
        RunCommand.AddControllers(services, settings);
        return services;
    }

    private static async Task<OneOffReport> RunOnceAsync(NomadEmulator nomad, string token, string cache)
    {
        var settings = new EngineSettings { CacheDir = cache, OneOff = true, LeaderElection = false };
        await using var provider = Services(nomad, token, settings).BuildServiceProvider();
        var report = await provider.GetRequiredService<OneOffRun>().RunAsync(Ct).WaitAsync(TimeSpan.FromMinutes(2), Ct);
        report.Results.Where(r => r.Failed).ShouldBeEmpty();
        return report;
    }

    private static async Task<bool> StoppedAsync(NomadClient admin, string job) =>
        (await admin.Jobs.ReadAsync(job, ct: Ct)).Value?["Stop"]?.GetValue<bool>() ?? false;
}
