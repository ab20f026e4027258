using System.Text.Json;
using Nomad.Client;
using Nomad.Emulator;
using Nomad.Emulator.Faults;
using NomadGitOps.Cli;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>
/// The whole loop as an operator runs it in CI: `nomad-gitops run --once` against a Nomad holding one
/// GitRepository object, with the real controllers, git over git://, and the sample job files.
/// </summary>
public sealed class OneOffRunScenario
{
    private static readonly string SamplesDirectory = Path.Combine(AppContext.BaseDirectory, "samples", "jobs");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_once_registers_every_job_of_the_repository_and_a_second_run_changes_nothing()
    {
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), Ct);
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "samples", Ct);
        foreach (var file in Directory.EnumerateFiles(SamplesDirectory, "*.nomad.hcl"))
        {
            repo.WithFile("jobs/" + Path.GetFileName(file), await File.ReadAllTextAsync(file, Ct));
        }

        await repo.CommitAsync("sample jobs", Ct);
        using var client = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
        var path = ObjectKey.GitRepository("samples").ToPath(ObjectKey.DefaultPrefix);
        await client.Variables.PutAsync(new Variable { Path = path, Items = new Dictionary<string, string> { ["url"] = repo.Url } }, cas: 0, ct: Ct);
        var cache = Path.Combine(Path.GetTempPath(), "oneoff-" + Guid.NewGuid().ToString("N")[..10]);

        try
        {
            var (exit, json, logs) = await RunOnceAsync(nomad, cache);

            exit.ShouldBe(ExitCodes.Ok, json + logs);
            var jobs = await client.Jobs.ListAllAsync(ct: Ct);
            jobs.Value.Select(j => j.ID).Order(StringComparer.Ordinal).ShouldBe(["cleanup", "report", "web"]);
            jobs.Value.ShouldAllBe(j => j.Meta != null && j.Meta["gitops_managed_by"] == "nomad-gitops");
            using (var report = JsonDocument.Parse(json))
            {
                report.RootElement.ToString().ShouldContain("web");
            }

            nomad.Calls.Reset();
            var (again, _, againLogs) = await RunOnceAsync(nomad, cache);

            again.ShouldBe(ExitCodes.Ok, againLogs);
            nomad.Calls.Count("POST /v1/jobs").ShouldBe(0);
            nomad.Calls.Count("POST /v1/job/:id/plan").ShouldBe(0);
            nomad.Calls.CountMethod("PUT").ShouldBe(0);
            (await client.Jobs.ReadAsync("web", ct: Ct)).Value!["Version"]!.GetValue<int>().ShouldBe(0);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public async Task A_run_cut_off_after_registering_but_before_recording_converges_with_no_duplicate_versions()
    {
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), Ct);
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "samples", Ct);
        repo.WithFile("jobs/web.nomad.hcl", await File.ReadAllTextAsync(Path.Combine(SamplesDirectory, "web.nomad.hcl"), Ct));
        await repo.CommitAsync("web", Ct);
        using var client = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
        var path = ObjectKey.GitRepository("samples").ToPath(ObjectKey.DefaultPrefix);
        await client.Variables.PutAsync(new Variable { Path = path, Items = new Dictionary<string, string> { ["url"] = repo.Url, ["include"] = "^none$" } }, cas: 0, ct: Ct);
        var jobPath = ObjectKey.NomadJob("default", "web").ToPath(ObjectKey.DefaultPrefix);
        var spec = new Dictionary<string, string> { ["repository"] = "samples", ["file"] = "jobs/web.nomad.hcl", ["job_id"] = "web", ["namespace"] = "default" };
        await client.Variables.PutAsync(new Variable { Path = jobPath, Items = spec }, cas: 0, ct: Ct);
        var cache = Path.Combine(Path.GetTempPath(), "oneoff-" + Guid.NewGuid().ToString("N")[..10]);

        try
        {
            // A hand-made NomadJob (the index creates none here), so the only write to its variable is its status.
            // The first run registers the job, then loses every connection when it records the NomadJob's status,
            // as if the controller were killed between the two.
            nomad.Faults.Add(new FaultRule { Method = "PUT", PathPrefix = "/v1/var/nomad-gitops/v1/nomadjob/", Kind = FaultKind.Drop });
            var (cut, _, _) = await RunOnceAsync(nomad, cache);
            cut.ShouldBe(ExitCodes.Failed);
            (await client.Jobs.ReadAsync("web", ct: Ct)).Value.ShouldNotBeNull()["Version"]!.GetValue<int>().ShouldBe(0);

            nomad.Faults.Clear();
            var (exit, json, logs) = await RunOnceAsync(nomad, cache);

            exit.ShouldBe(ExitCodes.Ok, json + logs);
            var versions = await client.Jobs.VersionsAsync("web", ct: Ct);
            versions.Value.ShouldNotBeNull().Versions.Count.ShouldBe(1);
            var status = (await client.Variables.ReadAsync(jobPath, ct: Ct)).Value!.Items!;
            status[ItemKeys.StatusReady].ShouldBe("True");
            status[ItemKeys.StatusJobVersion].ShouldBe("0");
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunOnceAsync(NomadEmulator nomad, string cache)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await NomadGitOpsCli.RunAsync(
            ["run", "--once", "-o", "json", "--address", nomad.Address.ToString(), "--cache-dir", cache], stdout, stderr)
            .WaitAsync(TimeSpan.FromMinutes(2), Ct);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
