using System.Net;
using System.Text.Json.Nodes;
using Nomad.Client.Tests.Jobs.Golden;
using Nomad.Client.Tests.Support;

namespace Nomad.Client.Tests.Jobs;

public sealed class JobsClientTests : IAsyncLifetime
{
    private ScriptedNomad _server = null!;
    private NomadClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ScriptedNomad.StartAsync(ct: TestContext.Current.CancellationToken);
        _client = Clients.Create(Clients.For(_server.Address));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Parse_sends_the_HCL_the_var_file_text_and_canonicalize_and_returns_the_job_JSON()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("POST /v1/jobs/parse", CannedResponse.Json(GoldenFiles.Text("web.parsed.json")));

        var job = await _client.Jobs.ParseAsync(
            new JobParseRequest(GoldenFiles.Text("web.nomad.hcl")) { Variables = GoldenFiles.Text("web.vars.hcl") }, ct: ct);

        JsonNode.DeepEquals(job, GoldenFiles.Json("web.parsed.json")).ShouldBeTrue();
        var body = _server.OnlyRequest.Json!.AsObject();
        body["JobHCL"]!.GetValue<string>().ShouldBe(GoldenFiles.Text("web.nomad.hcl"));
        body["Variables"]!.GetValue<string>().ShouldBe("image = \"nginx:1.27\"\n");
        body["Canonicalize"]!.GetValue<bool>().ShouldBeTrue();
        body["HCLv1"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Parse_of_bad_HCL_throws_Nomads_400_diagnostics()
    {
        var ct = TestContext.Current.CancellationToken;
        const string diagnostics = "Failed to parse job: input.hcl:3,12-4,1: Invalid expression; Expected the start of an expression, but found an invalid expression token.";
        _server.On("POST /v1/jobs/parse", CannedResponse.Text(400, diagnostics));

        var error = await Should.ThrowAsync<NomadApiException>(() => _client.Jobs.ParseAsync(new JobParseRequest("job \"x\" {\n  a = \n}"), ct: ct));

        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error.NomadMessage.ShouldBe(diagnostics);
        _server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Plan_sends_the_parsed_job_unchanged_and_reads_the_typed_fields_and_the_diff()
    {
        var ct = TestContext.Current.CancellationToken;
        var job = GoldenFiles.Json("web.parsed.json");
        job["FieldThisClientDoesNotModel"] = new JsonObject { ["Kept"] = true };
        var answer = new JsonObject
        {
            ["Annotations"] = JsonNode.Parse("""{"DesiredTGUpdates":{"web":{"Ignore":0,"Place":2,"Migrate":0,"Stop":0,"InPlaceUpdate":0,"DestructiveUpdate":0,"Canary":0,"Preemptions":0}},"PreemptedAllocs":null}"""),
            ["Diff"] = GoldenFiles.Json("web.plan-diff.json"),
            ["JobModifyIndex"] = 0,
            ["FailedTGAllocs"] = JsonNode.Parse("""{"web":{"NodesEvaluated":1,"NodesExhausted":1,"DimensionExhausted":{"memory":1}}}"""),
            ["Warnings"] = "Group \"web\" has warnings",
            ["CreatedEvals"] = null,
            ["NextPeriodicLaunch"] = "0001-01-01T00:00:00Z",
        };
        _server.On("POST /v1/job/web/plan", CannedResponse.Json(answer.ToJsonString(), index: 15));

        var plan = await _client.Jobs.PlanAsync(job, ct: ct);

        var body = _server.OnlyRequest.Json!.AsObject();
        JsonNode.DeepEquals(body["Job"], job).ShouldBeTrue();
        body["Diff"]!.GetValue<bool>().ShouldBeTrue();
        body["PolicyOverride"]!.GetValue<bool>().ShouldBeFalse();
        _server.OnlyRequest.Query.ShouldBeEmpty();
        plan.JobModifyIndex.ShouldBe(0ul);
        plan.DiffType.ShouldBe("Added");
        JsonNode.DeepEquals(plan.Diff, GoldenFiles.Json("web.plan-diff.json")).ShouldBeTrue();
        plan.Annotations!.DesiredTGUpdates!["web"].Place.ShouldBe(2ul);
        plan.Warnings.ShouldBe("Group \"web\" has warnings");
        plan.FailedTGAllocs!["web"]["NodesExhausted"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Register_sends_the_job_the_enforce_index_and_the_submission()
    {
        var ct = TestContext.Current.CancellationToken;
        var job = GoldenFiles.Json("web.parsed.json");
        _server.On("POST /v1/jobs", CannedResponse.Json("""{"EvalID":"e-1","EvalCreateIndex":17,"JobModifyIndex":17,"Warnings":"","Index":17,"LastContact":0,"KnownLeader":false}""", index: 17));

        var response = await _client.Jobs.RegisterRequestAsync(job, ct);

        response.ShouldBe(new JobRegisterResponse { EvalID = "e-1", EvalCreateIndex = 17, JobModifyIndex = 17, Warnings = "" });
        var body = _server.OnlyRequest.Json!.AsObject();
        JsonNode.DeepEquals(body["Job"], job).ShouldBeTrue();
        JsonNode.DeepEquals(
            new JsonObject { ["EnforceIndex"] = body["EnforceIndex"]?.DeepClone(), ["JobModifyIndex"] = body["JobModifyIndex"]?.DeepClone(), ["PreserveCounts"] = body["PreserveCounts"]?.DeepClone(), ["PolicyOverride"] = body["PolicyOverride"]?.DeepClone(), ["Submission"] = body["Submission"]?.DeepClone() },
            JsonNode.Parse("""{"EnforceIndex":true,"JobModifyIndex":0,"PreserveCounts":true,"PolicyOverride":false,"Submission":{"Source":"job \"web\" {}","Format":"hcl2","VariableFlags":{"image":"nginx"},"Variables":"image = \"nginx:1.27\"\n"}}""")).ShouldBeTrue(body.ToJsonString());
    }

    [Fact]
    public async Task Register_sends_the_client_namespace_which_Nomad_prefers_over_the_jobs_own()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedNomad.StartAsync(ct: ct);
        server.On("POST /v1/jobs", CannedResponse.Json("""{"EvalID":"e-1","JobModifyIndex":3}"""));
        using var client = Clients.Create(Clients.For(server.Address) with { Namespace = "apps" });

        await client.Jobs.RegisterAsync(new JobRegisterRequest(GoldenFiles.Json("web.parsed.json")), new WriteOptions { Region = "eu" }, ct);

        server.OnlyRequest.Query.ShouldBe(new Dictionary<string, string> { ["namespace"] = "apps", ["region"] = "eu" }, ignoreOrder: true);
        server.OnlyRequest.Json!["Job"]!["Namespace"]!.GetValue<string>().ShouldBe("default");
    }

    [Fact]
    public async Task Register_with_a_stale_enforce_index_throws_Nomads_500_without_retrying()
    {
        var ct = TestContext.Current.CancellationToken;
        const string text = "Enforcing job modify index 0: job already exists";
        _server.On("POST /v1/jobs", CannedResponse.Text(500, text));

        var error = await Should.ThrowAsync<NomadApiException>(() => _client.Jobs.RegisterRequestAsync(GoldenFiles.Json("web.parsed.json"), ct));

        error.NomadMessage.ShouldBe(text);
        error.IsTransient.ShouldBeFalse();
        _server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Read_returns_the_job_JSON_with_every_field()
    {
        var ct = TestContext.Current.CancellationToken;
        var stored = GoldenFiles.Json("web.parsed.json");
        stored["Version"] = 3;
        stored["JobModifyIndex"] = 17;
        stored["Status"] = "running";
        _server.On("GET /v1/job/web", CannedResponse.Json(stored.ToJsonString(), index: 18));

        var read = await _client.Jobs.ReadAsync("web", new QueryOptions { Namespace = "default" }, ct);

        JsonNode.DeepEquals(read.Value, stored).ShouldBeTrue();
        read.LastIndex.ShouldBe(18ul);
    }

    [Fact]
    public async Task Read_of_a_missing_job_is_null()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("GET /v1/job/nope", CannedResponse.Text(404, "job not found", index: 5));

        var read = await _client.Jobs.ReadAsync("nope", ct: ct);

        read.Value.ShouldBeNull();
        read.LastIndex.ShouldBe(5ul);
    }

    [Fact]
    public async Task A_job_ID_with_a_slash_or_dots_is_sent_as_one_escaped_segment()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("GET /v1/job/team/web.v2", CannedResponse.Text(404, "job not found"));

        await _client.Jobs.ReadAsync("team/web.v2", ct: ct);

        _server.OnlyRequest.RawTarget.ShouldBe("/v1/job/team%2Fweb.v2");
    }

    [Fact]
    public async Task List_asks_for_meta_and_reads_the_stubs()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("GET /v1/jobs", CannedResponse.Json(
            """[{"ID":"web","ParentID":"","Name":"web","Namespace":"default","Datacenters":["dc1"],"Type":"service","Priority":50,"Periodic":false,"ParameterizedJob":false,"Stop":false,"Status":"running","StatusDescription":"","JobSummary":{"JobID":"web"},"CreateIndex":10,"ModifyIndex":20,"JobModifyIndex":17,"SubmitTime":1700000000000000000,"Meta":{"gitops_managed_by":"nomad-gitops"}}]""",
            index: 20));

        var list = await _client.Jobs.ListAsync(new QueryOptions { Namespace = "*", Filter = "Meta.gitops_managed_by == \"nomad-gitops\"", Prefix = "w" }, ct: ct);

        _server.OnlyRequest.Query.ShouldBe(
            new Dictionary<string, string> { ["namespace"] = "*", ["filter"] = "Meta.gitops_managed_by == \"nomad-gitops\"", ["prefix"] = "w", ["meta"] = "true" },
            ignoreOrder: true);
        list.Value.ShouldHaveSingleItem().ShouldBe(new JobListStub
        {
            ID = "web",
            Name = "web",
            Namespace = "default",
            Type = "service",
            Status = "running",
            Stop = false,
            JobModifyIndex = 17,
            ModifyIndex = 20,
            CreateIndex = 10,
            SubmitTime = 1700000000000000000,
            Meta = list.Value[0].Meta,
        });
        list.Value[0].Meta!["gitops_managed_by"].ShouldBe("nomad-gitops");
        list.LastIndex.ShouldBe(20ul);
    }

    [Fact]
    public async Task ListAll_follows_the_next_token()
    {
        var ct = TestContext.Current.CancellationToken;
        _server
            .On("GET /v1/jobs", CannedResponse.Json("""[{"ID":"a"}]""", nextToken: "b"))
            .On("GET /v1/jobs", CannedResponse.Json("""[{"ID":"b"}]"""));

        var all = await _client.Jobs.ListAllAsync(new QueryOptions { PerPage = 1 }, ct: ct);

        all.Value.Select(j => j.ID).ShouldBe(["a", "b"]);
        _server.Requests[1].Query["next_token"].ShouldBe("b");
    }

    [Theory]
    [InlineData(false, "false")]
    [InlineData(true, "true")]
    public async Task Deregister_sends_purge_and_reads_the_evaluation(bool purge, string expected)
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("DELETE /v1/job/web", CannedResponse.Json("""{"EvalID":"e-2","EvalCreateIndex":30,"JobModifyIndex":30,"Index":30,"LastContact":0,"KnownLeader":false}"""));

        var response = await _client.Jobs.DeregisterAsync("web", purge, ct: ct);

        response.EvalID.ShouldBe("e-2");
        response.JobModifyIndex.ShouldBe(30ul);
        _server.OnlyRequest.Query["purge"].ShouldBe(expected);
    }

    [Fact]
    public async Task Versions_reads_every_version_as_JSON()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("GET /v1/job/web/versions", CannedResponse.Json("""{"Versions":[{"ID":"web","Version":1,"X":1},{"ID":"web","Version":0}],"Diffs":null,"Index":9}""", index: 9));

        var versions = await _client.Jobs.VersionsAsync("web", ct: ct);

        versions.Value!.Versions.Select(v => v["Version"]!.GetValue<int>()).ShouldBe([1, 0]);
        versions.Value.Versions[0]["X"]!.GetValue<int>().ShouldBe(1);
        _server.OnlyRequest.Query["diffs"].ShouldBe("false");
    }

    [Fact]
    public async Task Latest_deployment_is_null_when_the_job_has_none()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("GET /v1/job/web/deployment", CannedResponse.Json("null", index: 4));

        var latest = await _client.Jobs.LatestDeploymentAsync("web", ct: ct);

        latest.Value.ShouldBeNull();
        latest.LastIndex.ShouldBe(4ul);
    }

    [Fact]
    public async Task Deployments_reads_the_jobs_deployments_newest_first_with_the_spec_modify_index()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("GET /v1/job/web/deployments", CannedResponse.Json(
            """[{"ID":"d2","JobVersion":2,"JobModifyIndex":40,"JobSpecModifyIndex":31,"Status":"running"},{"ID":"d1","JobVersion":1,"JobModifyIndex":22,"JobSpecModifyIndex":20,"Status":"failed","StatusDescription":"Failed due to unhealthy allocations - rolling back to job version 0"}]""", index: 41));

        var deployments = await _client.Jobs.DeploymentsAsync("web", ct: ct);

        deployments.Value.Select(d => (d.ID, d.JobVersion, d.JobSpecModifyIndex, d.Status)).ShouldBe([("d2", 2UL, 31UL, "running"), ("d1", 1UL, 20UL, "failed")]);
        deployments.Value[1].StatusDescription.ShouldEndWith("rolling back to job version 0");
        deployments.LastIndex.ShouldBe(41ul);
    }

    [Fact]
    public async Task Deployments_of_a_job_without_any_is_empty()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("GET /v1/job/web/deployments", CannedResponse.Json("[]", index: 4));

        (await _client.Jobs.DeploymentsAsync("web", ct: ct)).Value.ShouldBeEmpty();
    }

    [Fact]
    public async Task Submission_asks_for_the_version_and_is_null_when_no_source_was_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        _server
            .On("GET /v1/job/web/submission", CannedResponse.Json("""{"Source":"job \"web\" {}","Format":"hcl2","VariableFlags":{"a":"b"},"Variables":"x = 1"}"""))
            .On("GET /v1/job/web/submission", CannedResponse.Text(404, "job source not found"));

        var found = await _client.Jobs.SubmissionAsync("web", 3, ct: ct);
        var missing = await _client.Jobs.SubmissionAsync("web", 4, ct: ct);

        found.Value.ShouldNotBeNull().Source.ShouldBe("job \"web\" {}");
        found.Value.VariableFlags!["a"].ShouldBe("b");
        missing.Value.ShouldBeNull();
        _server.Requests.Select(r => r.Query["version"]).ShouldBe(["3", "4"]);
    }
}
