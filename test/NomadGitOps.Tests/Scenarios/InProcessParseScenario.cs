using Microsoft.Extensions.Logging;
using Nomad.Emulator.Faults;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Tests.Controllers.NomadJob;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>
/// HCL2 job files are parsed in the controller's process, as <c>nomad job run</c> parses on the client; Nomad's parse
/// endpoint judges what the in-process parser refuses, and <c>NOMAD_GITOPS_PARSE_ON=server</c> sends every file there.
/// </summary>
public sealed class InProcessParseScenario
{
    private const string ParseEndpoint = "POST /v1/jobs/parse";
    private const string File = "jobs/web.nomad.hcl";
    private const string Job = """
        job "web" {
          datacenters = ["dc1"]

          group "web" {
            count = 2

            task "nginx" {
              driver = "docker"

              config {
                image = "nginx:1.27"
              }
            }
          }
        }
        """;

    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_valid_job_file_is_registered_with_no_call_to_nomads_parse_endpoint()
    {
        await using var h = await NomadJobHarness.StartAsync(ct);
        h.Repo.WithFile(File, Job);
        await h.PublishAsync("web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>(outcome.Message);
        h.Calls(ParseEndpoint).ShouldBe(0);
        h.Calls("POST /v1/jobs").ShouldBe(1);
        var live = (await h.LiveJobAsync("web", ct))!;
        live["TaskGroups"]![0]!["Count"]!.GetValue<int>().ShouldBe(2);
        live["TaskGroups"]![0]!["Tasks"]![0]!["Config"]!["image"]!.GetValue<string>().ShouldBe("nginx:1.27");
        h.Graph.Logs.Events.ShouldContain(e => e.Level == LogLevel.Debug && e.Message.Contains($"rendered by {JobFileRenderer.InProcess}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_job_file_stalls_with_the_error_text_of_nomads_parse_endpoint()
    {
        await using var h = await NomadJobHarness.StartAsync(ct);
        h.Nomad.Faults.Add(new FaultRule
        {
            Method = "POST",
            PathPrefix = "/v1/jobs/parse",
            Status = 400,
            Body = "Failed to parse job: input.hcl:3,10-11: Text only this server writes; the file's group is not closed",
        });
        h.Repo.WithFile(File, "job \"web\" {\n  group \"web\" {\n    count = {\n}\n");
        await h.PublishAsync("broken", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.RenderFailed);
        var status = await h.StatusAsync(key, ct);
        status.Reason.ShouldBe(Reasons.RenderFailed);
        status.Message.ShouldNotBeNull().ShouldContain($"{File}:3,10-11: Text only this server writes; the file's group is not closed");
        h.Calls(ParseEndpoint).ShouldBe(1);
        (await h.VersionCountAsync("web", ct)).ShouldBe(0);
    }

    [Fact]
    public async Task With_parsing_on_the_server_a_valid_job_file_is_sent_to_nomads_parse_endpoint()
    {
        await using var h = await NomadJobHarness.StartAsync(ct, parser: new JobFileParserOptions { ParseOn = ParseOn.Server });
        h.Repo.WithFile(File, Job);
        await h.PublishAsync("web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>(outcome.Message);
        h.Calls(ParseEndpoint).ShouldBe(1);
        (await h.LiveJobAsync("web", ct))!["TaskGroups"]![0]!["Count"]!.GetValue<int>().ShouldBe(2);
    }

    [Theory]
    [InlineData("Parsed in process", false, 0)]
    [InlineData("Parsed by Nomad", true, 1)]
    public async Task The_index_and_the_NomadJob_share_one_parse_of_a_file(string sentence, bool onServer, int parseCalls)
    {
        _ = sentence;
        await using var h = await NomadJobHarness.StartAsync(ct, parser: new JobFileParserOptions { ParseOn = onServer ? ParseOn.Server : ParseOn.Local });
        h.Repo.WithFile(File, Job);
        await h.PublishAsync("web", ct);
        // What the index does with the file at the commit: its job ID and namespace, from the shared parser.
        var identity = await h.Graph.Parser.IdentifyAsync(File, Job, JobFileVariables.None, artifact: null, ct);
        identity.JobId.ShouldBe("web");
        var key = await h.CreateJobObjectAsync("web", File, ct);

        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();

        h.Calls(ParseEndpoint).ShouldBe(parseCalls);
    }
}
