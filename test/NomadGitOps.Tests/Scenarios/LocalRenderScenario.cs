using System.Text.Json.Nodes;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Cli;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>
/// A job file whose template reads another file of the repository (<c>file(...)</c>, which Nomad's parse endpoint
/// refuses), synced by `nomad-gitops run --once` with the real controllers, git over git:// and the emulator.
/// </summary>
public sealed class LocalRenderScenario
{
    private const string ReportJob = """
        job "report" {
          type = "batch"
          meta {
            run = "1"
          }
          group "report" {
            task "generate" {
              driver = "exec"
              config {
                command = "/bin/true"
              }
            }
          }
        }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string WebJob(string templatePath) => $$"""
        job "web" {
          group "web" {
            task "nginx" {
              driver = "docker"
              config {
                image = "nginx:1.27"
              }
              template {
                data        = file("{{templatePath}}")
                destination = "local/web.conf"
              }
            }
          }
        }
        """;

    [Fact]
    public async Task A_job_reading_a_file_of_its_repository_registers_with_its_content_follows_it_and_cannot_read_outside()
    {
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), Ct);
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "apps", Ct);
        using var client = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
        var cache = Path.Combine(Path.GetTempPath(), "localrender-" + Guid.NewGuid().ToString("N")[..10]);
        var webPath = ObjectKey.NomadJob("default", "web").ToPath(ObjectKey.DefaultPrefix);
        await repo
            .WithFile("jobs/web.nomad.hcl", WebJob("templates/web.conf"))
            .WithFile("templates/web.conf", "listen 8080;\n")
            .WithFile("jobs/report.nomad.hcl", ReportJob)
            .CommitAsync("web reads its template from a file", Ct);
        var repositoryPath = ObjectKey.GitRepository("apps").ToPath(ObjectKey.DefaultPrefix);
        await client.Variables.PutAsync(
            new Variable { Path = repositoryPath, Items = new Dictionary<string, string> { ["url"] = repo.Url } },
            cas: 0, ct: Ct);

        try
        {
            // 1. The template holds the file's content; the file's own text is the submission.
            var (exit, json, logs) = await RunOnceAsync(nomad, cache);

            exit.ShouldBe(ExitCodes.Ok, json + logs);
            var web = await ReadJobAsync(client, "web");
            Template(web).ShouldBe("listen 8080;\n");
            web["Version"]!.GetValue<int>().ShouldBe(0);
            (await ReadJobAsync(client, "report"))["Version"]!.GetValue<int>().ShouldBe(0);
            using (var http = new HttpClient { BaseAddress = nomad.Address })
            {
                var submission = JsonNode.Parse(await http.GetStringAsync(new Uri("v1/job/web/submission?version=0", UriKind.Relative), Ct))!;
                submission["Source"]!.GetValue<string>().ShouldBe(WebJob("templates/web.conf"), "the file's own text is the submission");
                submission["Format"]!.GetValue<string>().ShouldBe("hcl2");
            }

            var status = await ItemsAsync(client, webPath);
            status[ItemKeys.StatusReady].ShouldBe("True");
            status[ItemKeys.StatusMessage].ShouldContain("rendered it from a checkout of the commit");

            // 2. A commit changing only the file it reads is a new job version.
            await repo.WithFile("templates/web.conf", "listen 9090;\n").CommitAsync("new port", Ct);
            (exit, json, logs) = await RunOnceAsync(nomad, cache);

            exit.ShouldBe(ExitCodes.Ok, json + logs);
            web = await ReadJobAsync(client, "web");
            Template(web).ShouldBe("listen 9090;\n");
            web["Version"]!.GetValue<int>().ShouldBe(1);
            (await ReadJobAsync(client, "report"))["Version"]!.GetValue<int>().ShouldBe(0);

            // 3. A path leading out of the repository stops that job with a clear error; the others still register.
            await repo
                .WithFile("jobs/web.nomad.hcl", WebJob("../../../etc/hostname"))
                .WithFile("jobs/report.nomad.hcl", ReportJob.Replace("run = \"1\"", "run = \"2\"", StringComparison.Ordinal))
                .CommitAsync("web reads outside, report changes", Ct);
            (exit, json, logs) = await RunOnceAsync(nomad, cache);

            exit.ShouldBe(ExitCodes.Failed, json + logs);
            status = await ItemsAsync(client, webPath);
            status[ItemKeys.StatusReady].ShouldBe("False");
            status[ItemKeys.StatusReason].ShouldBe(Reasons.RenderFailed);
            status[ItemKeys.StatusMessage].ShouldContain("Job file jobs/web.nomad.hcl is not a valid HCL2 job: jobs/web.nomad.hcl:9,");
            status[ItemKeys.StatusMessage].ShouldContain("path ../../../etc/hostname is outside the file system root");
            (await ItemsAsync(client, repositoryPath))[ItemKeys.StatusIndexErrors].ShouldContain("path ../../../etc/hostname is outside the file system root");
            web = await ReadJobAsync(client, "web");
            web["Version"]!.GetValue<int>().ShouldBe(1, "the running job is left as it was");
            Template(web).ShouldBe("listen 9090;\n");
            var report = await ReadJobAsync(client, "report");
            report["Version"]!.GetValue<int>().ShouldBe(1);
            report["Meta"]!["run"]!.GetValue<string>().ShouldBe("2");
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    private static string Template(JsonObject job) =>
        job["TaskGroups"]![0]!["Tasks"]![0]!["Templates"]![0]!["EmbeddedTmpl"]!.GetValue<string>();

    private static async Task<JsonObject> ReadJobAsync(NomadClient client, string id) =>
        (await client.Jobs.ReadAsync(id, ct: Ct)).Value.ShouldNotBeNull();

    private static async Task<IReadOnlyDictionary<string, string>> ItemsAsync(NomadClient client, string path) =>
        (await client.Variables.ReadAsync(path, ct: Ct)).Value.ShouldNotBeNull().Items!;

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
