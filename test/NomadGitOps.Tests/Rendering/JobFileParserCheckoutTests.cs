using Microsoft.Extensions.Logging.Abstractions;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Rendering;
using NomadGitOps.Sources;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Rendering;

/// <summary>Which renderer a job file goes to when the parser is given the artifact of its commit.</summary>
public sealed class JobFileParserCheckoutTests : IAsyncLifetime
{
    private const string ParseEndpoint = "POST /v1/jobs/parse";
    private const string JobPath = "jobs/web.nomad.hcl";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly GitSourcesHarness _git = new();
    private NomadEmulator _nomad = null!;
    private NomadClient _client = null!;
    private JobFileParser _parser = null!;
    private GitServer _server = null!;
    private RepoBuilder _repo = null!;

    public async ValueTask InitializeAsync()
    {
        _nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), _ct);
        _client = new NomadClient(new NomadClientOptions { Address = _nomad.Address.ToString() });
        _parser = new JobFileParser(_client, NullLogger<JobFileParser>.Instance);
        _server = await GitServer.StartAsync(GitServerKind.File, _ct);
        _repo = await RepoBuilder.CreateAsync(_server, "app", _ct);
    }

    public async ValueTask DisposeAsync()
    {
        _repo.Dispose();
        await _server.DisposeAsync();
        _client.Dispose();
        await _nomad.DisposeAsync();
        _git.Dispose();
    }

    private static string Job(string templateData, string? ns = null, string extra = "") => $$"""
        job "web" {
          {{(ns is null ? "" : $"namespace = \"{ns}\"")}}
          {{extra}}
          group "web" {
            task "web" {
              driver = "docker"
              config {
                image = "nginx"
              }
              template {
                data        = {{templateData}}
                destination = "local/web.conf"
              }
            }
          }
        }
        """;

    private static string Template(ParsedJobFile parsed) =>
        parsed.Job["TaskGroups"]![0]!["Tasks"]![0]!["Templates"]![0]!["EmbeddedTmpl"]!.GetValue<string>();

    private async Task<Artifact> CommitAsync(string job, string template)
    {
        var commit = await _repo.WithFile(JobPath, job).WithFile("templates/web.conf", template).CommitAsync("change", _ct);
        var source = GitSourcesHarness.Source(_repo.Url);
        await _git.Cache.SyncAsync(source, null, _ct);
        return _git.Cache.Open(source, commit);
    }

    [Fact]
    public async Task A_file_calling_file_is_rendered_from_the_checkout_with_paths_from_its_own_folder_and_never_sent_to_nomad()
    {
        var job = Job("file(\"templates/web.conf\")");
        var artifact = await CommitAsync(job, "port = 8080\n");

        var parsed = await _parser.ParseAsync(JobPath, job, JobFileVariables.None, artifact, _ct);

        parsed.Renderer.ShouldBe(JobFileRenderer.Checkout);
        parsed.Format.ShouldBe(JobFileParser.Hcl2Format);
        parsed.JobId.ShouldBe("web");
        parsed.Namespace.ShouldBeNull();
        Template(parsed).ShouldBe("port = 8080\n");
        parsed.Job["Priority"]!.GetValue<int>().ShouldBe(50, "canonical, as the parse endpoint answers");
        _nomad.Calls.Count(ParseEndpoint).ShouldBe(0);
    }

    [Fact]
    public async Task A_file_calling_no_filesystem_function_is_parsed_in_process_and_makes_no_checkout()
    {
        var job = Job("\"port = 8080\"");
        var artifact = await CommitAsync(job, "unused");

        var parsed = await _parser.ParseAsync(JobPath, job, JobFileVariables.None, artifact, _ct);

        parsed.Renderer.ShouldBe(JobFileRenderer.InProcess);
        Template(parsed).ShouldBe("port = 8080");
        _nomad.Calls.Count(ParseEndpoint).ShouldBe(0);
        _git.Git.CountOf("archive").ShouldBe(0);
    }

    [Fact]
    public async Task With_parsing_on_the_server_a_file_calling_no_filesystem_function_goes_to_nomads_parse_endpoint_and_makes_no_checkout()
    {
        var parser = new JobFileParser(_client, NullLogger<JobFileParser>.Instance, new JobFileParserOptions { ParseOn = ParseOn.Server });
        var job = Job("\"port = 8080\"");
        var artifact = await CommitAsync(job, "unused");

        var parsed = await parser.ParseAsync(JobPath, job, JobFileVariables.None, artifact, _ct);

        parsed.Renderer.ShouldBe(JobFileRenderer.NomadParseEndpoint);
        Template(parsed).ShouldBe("port = 8080");
        _nomad.Calls.Count(ParseEndpoint).ShouldBeGreaterThan(0);
        _git.Git.CountOf("archive").ShouldBe(0);
    }

    [Fact]
    public async Task A_file_that_does_not_parse_goes_to_nomad_which_reports_the_syntax_error()
    {
        var job = "job \"web\" {\n  meta = { x = file(\"a\") \n";
        var artifact = await CommitAsync(job, "unused");

        var error = await Should.ThrowAsync<JobFileException>(() => _parser.ParseAsync(JobPath, job, JobFileVariables.None, artifact, _ct));

        error.Message.ShouldStartWith($"Job file {JobPath} is not a valid HCL2 job: {JobPath}:");
        _nomad.Calls.Count(ParseEndpoint).ShouldBe(1);
        _git.Git.CountOf("archive").ShouldBe(0);
    }

    [Fact]
    public async Task A_path_escaping_the_repository_is_an_error_in_the_endpoints_words_naming_the_file_and_position()
    {
        var job = Job("file(\"../../../etc/hostname\")");
        var artifact = await CommitAsync(job, "unused");

        var error = await Should.ThrowAsync<JobFileException>(() => _parser.ParseAsync(JobPath, job, JobFileVariables.None, artifact, _ct));

        error.Message.ShouldStartWith($"Job file {JobPath} is not a valid HCL2 job: {JobPath}:11,");
        error.Message.ShouldContain("Error in function call");
        error.Message.ShouldContain("path ../../../etc/hostname is outside the file system root");
        _nomad.Calls.Count(ParseEndpoint).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_text_at_a_commit_changing_only_the_file_it_reads_renders_the_new_content()
    {
        var job = Job("file(\"templates/web.conf\")");
        var first = await CommitAsync(job, "port = 8080\n");
        var second = await CommitAsync(job, "port = 9090\n");

        var atFirst = await _parser.ParseAsync(JobPath, job, JobFileVariables.None, first, _ct);
        var atFirstAgain = await _parser.ParseAsync(JobPath, job, JobFileVariables.None, first, _ct);
        var atSecond = await _parser.ParseAsync(JobPath, job, JobFileVariables.None, second, _ct);

        Template(atFirst).ShouldBe("port = 8080\n");
        Template(atFirstAgain).ShouldBe("port = 8080\n");
        Template(atSecond).ShouldBe("port = 9090\n");
        _git.Git.CountOf("archive").ShouldBe(2, "one checkout per commit; the repeat is a cache hit");
    }

    [Theory]
    [InlineData("No namespace in the file is none", null, null)]
    [InlineData("namespace = \"default\" written in the file counts", "default", "default")]
    [InlineData("Another namespace is the file's own", "prod", "prod")]
    public async Task Only_a_namespace_written_in_a_file_rendered_here_counts_as_the_jobs_own(string sentence, string? written, string? expected)
    {
        _ = sentence;
        var job = Job("file(\"templates/web.conf\")", written);
        var artifact = await CommitAsync(job, "x");

        (await _parser.ParseAsync(JobPath, job, JobFileVariables.None, artifact, _ct)).Namespace.ShouldBe(expected);
    }

    [Fact]
    public async Task Variables_reach_a_file_rendered_here()
    {
        var job = "variable \"name\" {\n  type = string\n}\n\n" + Job("\"${var.name}: ${file(\"templates/web.conf\")}\"");
        var artifact = await CommitAsync(job, "port = 8080");

        var parsed = await _parser.ParseAsync(JobPath, job, new JobFileVariables("name = \"edge\"\n", []), artifact, _ct);

        Template(parsed).ShouldBe("edge: port = 8080");
    }

    [Fact]
    public async Task Without_an_artifact_a_file_calling_file_goes_to_nomad_which_refuses_it()
    {
        var job = Job("file(\"templates/web.conf\")");

        var error = await Should.ThrowAsync<JobFileException>(() => _parser.ParseAsync(JobPath, job, JobFileVariables.None, _ct));

        error.Message.ShouldContain("filesystem function");
        _nomad.Calls.Count(ParseEndpoint).ShouldBe(1);
    }
}
