using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Controllers.NomadJob;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>
/// An HCL2 job file with a variable, parsed by the emulator's <c>/v1/jobs/parse</c>: values come from the repository's
/// <c>variables</c> and the object's <c>var_files</c>; the submission keeps the file's text and the var-file text.
/// </summary>
public sealed class NomadJobHclVariablesScenario
{
    private const string File = "jobs/web.nomad.hcl";
    private const string Job = """
        variable "image_tag" {
          type = string
        }

        variable "replicas" {
          type    = number
          default = 1
        }

        job "web" {
          datacenters = ["dc1"]
          type        = "service"

          group "web" {
            count = var.replicas

            task "nginx" {
              driver = "docker"

              config {
                image = "nginx:${var.image_tag}"
              }

              resources {
                cpu    = 100
                memory = 64
              }
            }
          }
        }
        """;

    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Variables_from_the_repository_and_var_files_from_the_object_render_the_job_and_reach_the_submission()
    {
        await using var h = await NomadJobHarness.StartAsync(ct);
        h.Repo.WithFile(File, Job);
        h.Repo.WithFile("vars/prod.hcl", "replicas = 3\n");
        await h.PublishAsync("hcl job", ct, new Dictionary<string, string> { ["variables"] = "image_tag = \"1.27\"" });
        var key = await h.CreateJobObjectAsync("web", File, ct, ("var_files", "vars/prod.hcl"));

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>(outcome.Message);
        var live = (await h.LiveJobAsync("web", ct))!;
        live["TaskGroups"]![0]!["Tasks"]![0]!["Config"]!["image"]!.GetValue<string>().ShouldBe("nginx:1.27");
        live["TaskGroups"]![0]!["Count"]!.GetValue<int>().ShouldBe(3);
        var submission = (await h.Client.Jobs.SubmissionAsync("web", 0, ct: ct)).Value.ShouldNotBeNull();
        submission.Format.ShouldBe("hcl2");
        submission.Source.ShouldBe(Job);
        submission.Variables.ShouldNotBeNull().ShouldContain("replicas = 3");
        submission.Variables.ShouldContain("image_tag = \"1.27\"");

        h.Nomad.Calls.Reset();
        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        h.Calls("POST /v1/job/:id/plan").ShouldBe(0);
        h.Calls("PUT /v1/var/:path").ShouldBe(0);
    }

    [Fact]
    public async Task A_missing_variable_value_is_a_render_failure_with_nomads_parse_error()
    {
        await using var h = await NomadJobHarness.StartAsync(ct);
        h.Repo.WithFile(File, Job);
        await h.PublishAsync("hcl job without values", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.RenderFailed);
        outcome.Message.ShouldContain(File);
        outcome.Message.ShouldContain("image_tag");
        (await h.VersionCountAsync("web", ct)).ShouldBe(0);
    }
}
