using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nomad.Client;
using Nomad.Emulator;
using Nomad.Emulator.Faults;
using NomadGitOps.Rendering;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Rendering;

public sealed class JobFileParserTests : IAsyncLifetime
{
    private const string ParseEndpoint = "POST /v1/jobs/parse";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private NomadEmulator _nomad = null!;
    private NomadClient _client = null!;
    private JobFileParser _parser = null!;
    private JobFileParser _serverParser = null!;

    public async ValueTask InitializeAsync()
    {
        _nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), _ct);
        _client = new NomadClient(new NomadClientOptions { Address = _nomad.Address.ToString() });
        _parser = new JobFileParser(_client, NullLogger<JobFileParser>.Instance);
        _serverParser = new JobFileParser(_client, NullLogger<JobFileParser>.Instance, new JobFileParserOptions { ParseOn = ParseOn.Server });
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _nomad.DisposeAsync();
    }

    [Fact]
    public async Task A_json_job_file_is_read_directly_with_its_id_and_namespace()
    {
        var parsed = await _parser.ParseAsync("jobs/web.json", """{ "ID": "web", "Namespace": "prod", "Type": "service" }""", JobFileVariables.None, _ct);

        parsed.Format.ShouldBe("json");
        parsed.JobId.ShouldBe("web");
        parsed.Namespace.ShouldBe("prod");
        parsed.Job["Type"]!.GetValue<string>().ShouldBe("service");
        _nomad.Calls.Count(ParseEndpoint).ShouldBe(0);
    }

    [Fact]
    public async Task A_json_file_holding_Job_as_nomad_job_inspect_prints_it_gives_the_inner_job()
    {
        var parsed = await _parser.ParseAsync("web.json", """{ "Job": { "ID": "web", "Type": "batch" } }""", JobFileVariables.None, _ct);

        parsed.JobId.ShouldBe("web");
        parsed.Namespace.ShouldBeNull();
        parsed.Job.ContainsKey("Job").ShouldBeFalse();
        parsed.Job["Type"]!.GetValue<string>().ShouldBe("batch");
    }

    [Theory]
    [InlineData("Field names match without regard to case, as Go's JSON decoding does", """{ "job": { "id": "web" } }""", "web")]
    [InlineData("A job with a Name and no ID takes its Name", """{ "Name": "named" }""", "named")]
    public async Task The_job_id_of_a_json_file_is_found_as_the_nomad_cli_finds_it(string sentence, string source, string expected)
    {
        _ = sentence;
        (await _parser.ParseAsync("a.json", source, JobFileVariables.None, _ct)).JobId.ShouldBe(expected);
    }

    [Theory]
    [InlineData("Invalid JSON names the line", "{\n  \"ID\": \"web\",\n  nope\n}", "Job file jobs/web.json is not valid JSON at line 3")]
    [InlineData("A JSON array is no job", "[1, 2]", "Job file jobs/web.json is not a JSON job")]
    [InlineData("A job without ID or Name is refused", """{ "Type": "service" }""", "Job file jobs/web.json holds no job ID")]
    public async Task A_malformed_json_file_is_a_JobFileException_naming_the_file(string sentence, string source, string expectedStart)
    {
        _ = sentence;
        var error = await Should.ThrowAsync<JobFileException>(() => _parser.ParseAsync("jobs/web.json", source, JobFileVariables.None, _ct));

        error.Message.ShouldStartWith(expectedStart);
    }

    [Fact]
    public async Task Each_caller_gets_its_own_copy_of_a_cached_job()
    {
        var first = await _parser.ParseAsync("web.json", """{ "ID": "web" }""", JobFileVariables.None, _ct);
        first.Job["ID"] = "changed";

        var second = await _parser.ParseAsync("web.json", """{ "ID": "web" }""", JobFileVariables.None, _ct);

        second.Job["ID"]!.GetValue<string>().ShouldBe("web");
    }

    [Fact]
    public async Task An_hcl_file_nomad_refuses_with_400_is_a_JobFileException_naming_the_file_and_is_not_parsed_again()
    {
        var error = await Should.ThrowAsync<JobFileException>(() => _parser.ParseAsync("jobs/empty.nomad", "", JobFileVariables.None, _ct));
        var again = await Should.ThrowAsync<JobFileException>(() => _parser.ParseAsync("other/empty.nomad", "", JobFileVariables.None, _ct));

        error.Message.ShouldBe("Job file jobs/empty.nomad is not a valid HCL2 job: Job spec is empty.");
        again.Message.ShouldStartWith("Job file other/empty.nomad ");
        _nomad.Calls.Count(ParseEndpoint).ShouldBe(1);
    }

    [Fact]
    public async Task An_hcl_file_on_a_nomad_that_answers_501_is_a_JobFileException_and_is_asked_again_next_time()
    {
        _nomad.Faults.Add(new FaultRule { Method = "POST", PathPrefix = "/v1/jobs/parse", Status = 501, Body = "no HCL here" });

        var error = await Should.ThrowAsync<JobFileException>(() => _serverParser.ParseAsync("web.nomad.hcl", Hcl("web"), JobFileVariables.None, _ct));
        await Should.ThrowAsync<JobFileException>(() => _serverParser.ParseAsync("web.nomad.hcl", Hcl("web"), JobFileVariables.None, _ct));

        error.Message.ShouldStartWith("Job file web.nomad.hcl cannot be parsed: this Nomad answers 501 Not Implemented");
        _nomad.Calls.Count(ParseEndpoint).ShouldBe(2);
    }

    [Fact]
    public async Task An_hcl_file_nomad_cannot_reach_for_is_a_NomadApiException_not_the_files_fault()
    {
        _nomad.Faults.Add(new FaultRule { Method = "POST", PathPrefix = "/v1/jobs/parse", Status = 403, Body = "Permission denied" });

        await Should.ThrowAsync<NomadApiException>(() => _serverParser.ParseAsync("web.nomad.hcl", Hcl("web"), JobFileVariables.None, _ct));
    }

    [Fact]
    public async Task With_parsing_on_the_server_an_hcl_job_is_parsed_canonical_by_nomad_and_not_sent_again_when_unchanged()
    {
        var parsed = await _serverParser.ParseAsync("jobs/web.nomad.hcl", Hcl("web", ns: "prod"), JobFileVariables.None, _ct);
        var again = await _serverParser.ParseAsync("other/copy.nomad.hcl", Hcl("web", ns: "prod"), JobFileVariables.None, _ct);

        parsed.Renderer.ShouldBe(JobFileRenderer.NomadParseEndpoint);
        parsed.Format.ShouldBe("hcl2");
        parsed.JobId.ShouldBe("web");
        parsed.Namespace.ShouldBe("prod");
        parsed.Job["Type"]!.GetValue<string>().ShouldBe("service");
        again.JobId.ShouldBe("web");
        _nomad.Calls.Count(ParseEndpoint).ShouldBe(1);
    }

    [Theory]
    [InlineData("A job naming no namespace has none, though the canonical job says default", null, null)]
    [InlineData("A job naming the default namespace keeps it", "default", "default")]
    public async Task Only_a_namespace_written_in_the_hcl_file_counts_as_the_jobs_own(string sentence, string? written, string? expected)
    {
        _ = sentence;
        var parsed = await _parser.ParseAsync("web.nomad.hcl", Hcl("web", ns: written), JobFileVariables.None, _ct);

        parsed.Namespace.ShouldBe(expected);
        parsed.Job["Namespace"]!.GetValue<string>().ShouldBe("default");
    }

    [Theory]
    [InlineData("A file without the word namespace is parsed once", null, 1)]
    [InlineData("A file naming the default namespace is parsed again without canonicalizing", "default", 2)]
    public async Task With_parsing_on_the_server_only_a_file_that_can_name_a_namespace_costs_a_second_parse_call(string sentence, string? written, int calls)
    {
        _ = sentence;
        await _serverParser.ParseAsync("web.nomad.hcl", Hcl("web", ns: written), JobFileVariables.None, _ct);

        _nomad.Calls.Count(ParseEndpoint).ShouldBe(calls);
    }

    [Fact]
    public async Task With_parsing_on_the_server_variables_reach_nomads_parser_and_a_change_of_them_parses_again()
    {
        var first = await _serverParser.ParseAsync("v.nomad", NamespaceFromVariable, new JobFileVariables("ns = \"alpha\"", []), _ct);
        var second = await _serverParser.ParseAsync("v.nomad", NamespaceFromVariable, new JobFileVariables(null, ["ns = \"beta\"\n"]), _ct);

        first.Namespace.ShouldBe("alpha");
        second.Namespace.ShouldBe("beta");
        _nomad.Calls.Count(ParseEndpoint).ShouldBe(2);
    }

    [Fact]
    public async Task Malformed_hcl_is_a_JobFileException_naming_the_file_where_nomad_named_input_hcl()
    {
        var error = await Should.ThrowAsync<JobFileException>(() => _parser.ParseAsync("jobs/bad.nomad", "job \"web\" {\n  type = \n}\n", JobFileVariables.None, _ct));

        error.Message.ShouldStartWith("Job file jobs/bad.nomad is not a valid HCL2 job: jobs/bad.nomad:");
        error.Message.ShouldNotContain("input.hcl");
    }

    [Fact]
    public async Task Different_variables_are_a_different_cache_entry()
    {
        await Should.ThrowAsync<JobFileException>(() => _parser.ParseAsync("a.nomad", "", new JobFileVariables("x = 1", []), _ct));
        await Should.ThrowAsync<JobFileException>(() => _parser.ParseAsync("a.nomad", "", new JobFileVariables("x = 2", []), _ct));
        await Should.ThrowAsync<JobFileException>(() => _parser.ParseAsync("a.nomad", "", new JobFileVariables("x = 2", []), _ct));

        _nomad.Calls.Count(ParseEndpoint).ShouldBe(2);
    }

    [Fact]
    public void Var_files_come_before_the_variables_item_in_the_one_text_sent_to_nomad()
    {
        new JobFileVariables("b = 2", ["a = 1\n", "  "]).Combined().ShouldBe("a = 1\nb = 2\n");
        JobFileVariables.None.Combined().ShouldBeNull();
    }

    [Fact]
    public async Task A_valid_hcl_file_is_parsed_in_process_into_the_json_nomads_parse_endpoint_answers_with_no_call_to_nomad()
    {
        var variables = new JobFileVariables("ns = \"alpha\"", []);
        var local = await _parser.ParseAsync("jobs/v.nomad", NamespaceFromVariable, variables, _ct);
        _nomad.Calls.Count(ParseEndpoint).ShouldBe(0);

        var server = await _serverParser.ParseAsync("jobs/v.nomad", NamespaceFromVariable, variables, _ct);

        local.Renderer.ShouldBe(JobFileRenderer.InProcess);
        server.Renderer.ShouldBe(JobFileRenderer.NomadParseEndpoint);
        JsonNode.DeepEquals(local.Job, server.Job).ShouldBeTrue($"in process: {local.Job.ToJsonString()}\nendpoint: {server.Job.ToJsonString()}");
        (local.Format, local.JobId, local.Namespace).ShouldBe((server.Format, server.JobId, server.Namespace));
        local.Namespace.ShouldBe("alpha");
        local.Job["TaskGroups"]![0]!["RestartPolicy"].ShouldNotBeNull(); // canonical: the api package's defaults filled in
    }

    [Fact]
    public async Task A_file_the_in_process_parser_refuses_is_judged_by_nomads_parse_endpoint_whose_error_text_is_reported_and_cached()
    {
        _nomad.Faults.Add(new FaultRule
        {
            Method = "POST",
            PathPrefix = "/v1/jobs/parse",
            Status = 400,
            Body = "Failed to parse job: input.hcl:2,3-8: The server's own words; about this file",
        });

        var error = await Should.ThrowAsync<JobFileException>(() => _parser.ParseAsync("jobs/bad.nomad", "job \"web\" {\n  type = \n}\n", JobFileVariables.None, _ct));
        await Should.ThrowAsync<JobFileException>(() => _parser.ParseAsync("jobs/bad.nomad", "job \"web\" {\n  type = \n}\n", JobFileVariables.None, _ct));

        error.Message.ShouldBe("Job file jobs/bad.nomad is not a valid HCL2 job: jobs/bad.nomad:2,3-8: The server's own words; about this file.");
        _nomad.Calls.Count(ParseEndpoint).ShouldBe(1);
    }

    [Fact]
    public async Task A_file_the_in_process_parser_refuses_and_nomad_accepts_is_rendered_from_nomads_answer()
    {
        // An argument newer than the library: Nomad.Hcl says "Unsupported argument", this Nomad knows it.
        const string source = "job \"web\" {\n  brand_new_argument = true\n  group \"g\" {\n    task \"t\" {\n      driver = \"docker\"\n    }\n  }\n}\n";
        const string answer = """{ "ID": "web", "Name": "web", "Namespace": "default", "Type": "service", "BrandNewArgument": true, "TaskGroups": [] }""";
        _nomad.Faults.Add(new FaultRule { Method = "POST", PathPrefix = "/v1/jobs/parse", Status = 200, Body = answer });
        var logs = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var parser = new JobFileParser(_client, factory.CreateLogger<JobFileParser>());

        var parsed = await parser.ParseAsync("jobs/web.nomad.hcl", source, JobFileVariables.None, _ct);

        parsed.Renderer.ShouldBe(JobFileRenderer.NomadParseEndpoint);
        parsed.JobId.ShouldBe("web");
        parsed.Job["BrandNewArgument"]!.GetValue<bool>().ShouldBeTrue();
        _nomad.Calls.Count(ParseEndpoint).ShouldBe(1);
        logs.Events.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("jobs/web.nomad.hcl", StringComparison.Ordinal)
            && e.Message.Contains("Unsupported argument", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_the_in_process_parser_refuses_on_a_nomad_that_answers_501_gets_the_in_process_error_and_is_asked_again_next_time()
    {
        _nomad.Faults.Add(new FaultRule { Method = "POST", PathPrefix = "/v1/jobs/parse", Status = 501, Body = "no HCL here" });

        var error = await Should.ThrowAsync<JobFileException>(() => _parser.ParseAsync("jobs/bad.nomad", "job \"web\" {\n  type = \n}\n", JobFileVariables.None, _ct));
        await Should.ThrowAsync<JobFileException>(() => _parser.ParseAsync("jobs/bad.nomad", "job \"web\" {\n  type = \n}\n", JobFileVariables.None, _ct));

        error.Message.ShouldStartWith("Job file jobs/bad.nomad is not a valid HCL2 job: jobs/bad.nomad:");
        error.Message.ShouldNotContain("501");
        _nomad.Calls.Count(ParseEndpoint).ShouldBe(2);
    }

    private const string NamespaceFromVariable =
        "variable \"ns\" {\n  type = string\n}\n\njob \"web\" {\n  namespace = var.ns\n  group \"g\" {\n    task \"t\" {\n      driver = \"docker\"\n    }\n  }\n}\n";

    private static string Hcl(string id, string? ns = null) =>
        $"job \"{id}\" {{\n{(ns is null ? "" : $"  namespace = \"{ns}\"\n")}  type = \"service\"\n  group \"g\" {{\n    task \"t\" {{\n      driver = \"docker\"\n    }}\n  }}\n}}\n";
}
