using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Cli;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>
/// <c>install</c> on an emulator with ACLs on (Nomad 1.10.5, whose plan refuses a workload identity), then the
/// controller job's own workload identity, issued by the emulator, runs <c>run --once</c>: it is exchanged through
/// the installed auth method for an ACL token carrying the installed policy, and syncs the sample jobs. Then
/// <c>uninstall</c> removes the job, binding rule, auth method and policy and keeps the objects.
/// </summary>
public sealed class InstallScenario
{
    private static readonly string SamplesDirectory = Path.Combine(AppContext.BaseDirectory, "samples", "jobs");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Install_then_the_jobs_identity_syncs_a_repository_then_uninstall_removes_all_but_the_objects()
    {
        var options = new EmulatorOptions { AclEnabled = true, NomadVersion = "1.10.5" };
        await using var nomad = await NomadEmulator.StartAsync(options, Ct);
        using var admin = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString(), Token = options.ManagementToken });
        var cache = Path.Combine(Path.GetTempPath(), "install-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            var (exit, output) = await CliAsync("install", "--address", nomad.Address.ToString(), "--token", options.ManagementToken, "--artifact", "https://releases.example/nomad-gitops.tar.gz");
            exit.ShouldBe(ExitCodes.Ok, output);

            var job = (await admin.Jobs.ReadAsync("nomad-gitops", new QueryOptions { Namespace = "nomad-gitops" }, Ct)).Value.ShouldNotBeNull();
            var group = job["TaskGroups"]!.AsArray().Single()!;
            group["Count"]!.GetValue<int>().ShouldBe(2);
            group["Constraints"]!.AsArray().ShouldContain(c => c!["Operand"]!.GetValue<string>() == "distinct_hosts");
            group["EphemeralDisk"]!["Sticky"]!.GetValue<bool>().ShouldBeTrue();
            group["Services"]!.AsArray().Single()!["Checks"]!.AsArray().Single()!["Path"]!.GetValue<string>().ShouldBe("/readyz");
            var task = group["Tasks"]!.AsArray().Single()!;
            task["Env"]!["NOMAD_GITOPS_AUTH_METHOD"]!.GetValue<string>().ShouldBe("nomad-gitops");
            var policy = (await admin.Acl.ReadPolicyAsync("nomad-gitops", Ct)).ShouldNotBeNull();
            policy["JobACL"]!["JobID"]!.GetValue<string>().ShouldBe("nomad-gitops");
            (await admin.Acl.BindingRuleIdsAsync("nomad-gitops", Ct)).ShouldHaveSingleItem();

            // Installing again updates each piece in place.
            (await CliAsync("install", "--address", nomad.Address.ToString(), "--token", options.ManagementToken)).Exit.ShouldBe(ExitCodes.Ok);
            (await admin.Acl.BindingRuleIdsAsync("nomad-gitops", Ct)).ShouldHaveSingleItem();

            // A repository object in the controller's namespace; the controller job's identity syncs it.
            await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
            using var repo = await RepoBuilder.CreateAsync(server, "samples", Ct);
            foreach (var file in Directory.EnumerateFiles(SamplesDirectory, "*.nomad.hcl"))
            {
                repo.WithFile("jobs/" + Path.GetFileName(file), await File.ReadAllTextAsync(file, Ct));
            }

            await repo.CommitAsync("sample jobs", Ct);
            var path = ObjectKey.GitRepository("samples").ToPath(ObjectKey.DefaultPrefix);
            await admin.Variables.PutAsync(
                new Variable { Path = path, Namespace = "nomad-gitops", Items = new Dictionary<string, string> { [ItemKeys.Url] = repo.Url } }, cas: 0, ct: Ct);
            var identity = nomad.State.Acl.Identities.Issue("nomad-gitops", "nomad-gitops", "controller", "controller");

            var report = await RunOnceAsync(nomad, identity, cache);

            report.Results.Where(r => r.Failed).ShouldBeEmpty();
            (await admin.Jobs.ListAllAsync(ct: Ct)).Value.Select(j => j.ID).Order(StringComparer.Ordinal).ShouldBe(["cleanup", "report", "web"]);
            nomad.Calls.Count("PUT /v1/acl/login").ShouldBeGreaterThanOrEqualTo(1);
            nomad.State.Acl.Tokens().ShouldAllBe(t => t.Policies.SequenceEqual(new[] { "nomad-gitops" }));

            (exit, output) = await CliAsync("uninstall", "--address", nomad.Address.ToString(), "--token", options.ManagementToken);
            exit.ShouldBe(ExitCodes.Ok, output);

            (await admin.Jobs.ReadAsync("nomad-gitops", new QueryOptions { Namespace = "nomad-gitops" }, Ct)).Value.ShouldBeNull();
            (await admin.Acl.ReadPolicyAsync("nomad-gitops", Ct)).ShouldBeNull();
            (await admin.Acl.ReadAuthMethodAsync("nomad-gitops", Ct)).ShouldBeNull();
            (await admin.Acl.BindingRuleIdsAsync("nomad-gitops", Ct)).ShouldBeEmpty();
            nomad.State.Variables.Get("nomad-gitops", path).ShouldNotBeNull();
            (await admin.Jobs.ReadAsync("web", ct: Ct)).Value.ShouldNotBeNull();
            output.ShouldContain("objects       kept");
        }
        finally
        {
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Export_writes_the_job_policy_auth_method_binding_rule_and_the_commands_that_apply_them()
    {
        var folder = Directory.CreateTempSubdirectory("install-export-").FullName;
        try
        {
            var (exit, output) = await CliAsync("install", "--export", folder, "--driver", "docker", "--image", "registry.example/nomad-gitops:0.1.0", "--replicas", "3", "--namespaces", "apps,web");

            exit.ShouldBe(ExitCodes.Ok, output);
            var job = await File.ReadAllTextAsync(Path.Combine(folder, "nomad-gitops.nomad.hcl"), Ct);
            job.ShouldContain("count = 3");
            job.ShouldContain("image = \"registry.example/nomad-gitops:0.1.0\"");
            job.ShouldContain("sticky  = true");
            var policy = await File.ReadAllTextAsync(Path.Combine(folder, "nomad-gitops.policy.hcl"), Ct);
            policy.ShouldBe(PolicyDocument.Render(ControllerPermissions.All, "nomad-gitops", ObjectKey.DefaultPrefix, ["apps", "web"]));
            var rule = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "binding-rule.json"), Ct))!;
            rule["Selector"]!.GetValue<string>().ShouldBe("value.nomad_namespace == \"nomad-gitops\" and value.nomad_job_id == \"nomad-gitops\"");
            var script = await File.ReadAllTextAsync(Path.Combine(folder, "install.sh"), Ct);
            script.ShouldContain("nomad acl policy apply -namespace nomad-gitops -job nomad-gitops");
            script.ShouldContain("nomad job run nomad-gitops.nomad.hcl");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> CliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await NomadGitOpsCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString() + stderr);
    }

    private static async Task<OneOffReport> RunOnceAsync(NomadEmulator nomad, string identity, string cache)
    {
        var settings = new EngineSettings { Namespace = "nomad-gitops", CacheDir = cache, OneOff = true, LeaderElection = false };
        var services = new ServiceCollection();
        services.AddNomadGitOpsEngine(settings, new NomadClientOptions { Address = nomad.Address.ToString(), Token = identity, AuthMethod = "nomad-gitops", MaxAttempts = 1 });
        RunCommand.AddControllers(services, settings);
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<OneOffRun>().RunAsync(Ct).WaitAsync(TimeSpan.FromMinutes(2), Ct);
    }
}
