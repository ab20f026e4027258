using System.Net;
using System.Text.Json.Nodes;
using Nomad.Emulator.Tests.Support;

namespace Nomad.Emulator.Tests.Contract;

/// <summary>
/// Nomad's jobs API (register, read, list, stop, purge, versions, plan, submissions, evaluations, parse), run against
/// the emulator and, when <c>NOMAD_GITOPS_CONTRACT_ADDR</c> is set, against a real Nomad.
/// </summary>
public abstract class JobsContract(ContractTarget target)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private HttpClient Http => target.Http;

    [Fact]
    public async Task Register_of_a_new_job_answers_an_evaluation_and_the_job_modify_index()
    {
        var id = Some.Name("job");

        var answer = (await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct)).Ok();

        var reply = answer.Body;
        reply["EvalID"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        var jobModifyIndex = reply["JobModifyIndex"]!.GetValue<long>();
        jobModifyIndex.ShouldBeGreaterThan(0);
        reply["EvalCreateIndex"]!.GetValue<long>().ShouldBe(jobModifyIndex);
        reply["Warnings"]!.GetValue<string>().ShouldBe("");
        answer.Index.ShouldBe(jobModifyIndex);
    }

    [Fact]
    public async Task Get_returns_the_stored_job_with_version_indexes_and_status()
    {
        var id = Some.Name("job");
        var registered = (await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct)).Ok().Body;

        var answer = (await Http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok();

        var job = answer.Body;
        job["ID"]!.GetValue<string>().ShouldBe(id);
        job["Namespace"]!.GetValue<string>().ShouldBe("default");
        job["Version"]!.GetValue<long>().ShouldBe(0);
        job["JobModifyIndex"]!.GetValue<long>().ShouldBe(registered["JobModifyIndex"]!.GetValue<long>());
        job["CreateIndex"]!.GetValue<long>().ShouldBe(registered["JobModifyIndex"]!.GetValue<long>());
        job["ModifyIndex"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(job["JobModifyIndex"]!.GetValue<long>());
        job["SubmitTime"]!.GetValue<long>().ShouldBeGreaterThan(0);
        job["Stop"]!.GetValue<bool>().ShouldBeFalse();
        job["Status"]!.GetValue<string>().ShouldBeOneOf("pending", "running");
        answer.Index.ShouldBe(job["ModifyIndex"]!.GetValue<long>());
    }

    [Fact]
    public async Task Get_of_an_unknown_job_answers_404_job_not_found()
    {
        var answer = await Http.NomadGetAsync($"/v1/job/{Some.Name("missing")}", _ct);

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Text.ShouldBe("job not found");
    }

    [Fact]
    public async Task Register_of_a_bare_job_fills_the_api_defaults_as_nomad_canonicalizes_it()
    {
        var id = Some.Name("bare");
        var job = JsonNode.Parse($$$"""
            {"ID":"{{{id}}}","Name":"{{{id}}}","Datacenters":["*"],
             "TaskGroups":[{"Name":"g","Tasks":[{"Name":"t","Driver":"docker","Config":{"image":"nginx:1.27"}}]}]}
            """)!;

        (await Http.NomadPostAsync("/v1/jobs", new JsonObject { ["Job"] = job }, _ct)).Ok();

        var stored = (await Http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Json!;
        stored["Type"]!.GetValue<string>().ShouldBe("service");
        stored["Priority"]!.GetValue<int>().ShouldBe(50);
        var group = stored["TaskGroups"]![0]!;
        group["Count"]!.GetValue<int>().ShouldBe(1);
        group["Tasks"]![0]!["Resources"]!["CPU"]!.GetValue<int>().ShouldBe(100);
        group["Tasks"]![0]!["Resources"]!["MemoryMB"]!.GetValue<int>().ShouldBe(300);
    }

    [Fact]
    public async Task Register_of_an_unchanged_job_keeps_the_version_but_still_makes_an_evaluation()
    {
        var id = Some.Name("job");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);
        var before = (await Http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body;

        var reply = (await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct)).Ok().Body;

        var after = (await Http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body;
        after["Version"]!.GetValue<long>().ShouldBe(0);
        after["JobModifyIndex"]!.GetValue<long>().ShouldBe(before["JobModifyIndex"]!.GetValue<long>());
        reply["EvalID"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        // Nomad answers the job's ModifyIndex here (not its JobModifyIndex); status updates may move it between reads.
        reply["JobModifyIndex"]!.GetValue<long>().ShouldBeInRange(before["ModifyIndex"]!.GetValue<long>(), after["ModifyIndex"]!.GetValue<long>());
        reply["EvalCreateIndex"]!.GetValue<long>().ShouldBeGreaterThan(before["JobModifyIndex"]!.GetValue<long>());
    }

    [Fact]
    public async Task Register_of_a_changed_job_makes_a_new_version()
    {
        var id = Some.Name("job");
        var first = (await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct)).Ok().Body;

        var second = (await Http.NomadPutAsync($"/v1/job/{id}", TestJobs.Register(TestJobs.Service(id, count: 2)), _ct)).Ok().Body;

        second["JobModifyIndex"]!.GetValue<long>().ShouldBeGreaterThan(first["JobModifyIndex"]!.GetValue<long>());
        var job = (await Http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body;
        job["Version"]!.GetValue<long>().ShouldBe(1);
        job["JobModifyIndex"]!.GetValue<long>().ShouldBe(second["JobModifyIndex"]!.GetValue<long>());
        job["CreateIndex"]!.GetValue<long>().ShouldBe(first["JobModifyIndex"]!.GetValue<long>());
        job["TaskGroups"]![0]!["Count"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Register_with_enforce_index_and_the_current_index_succeeds()
    {
        var id = Some.Name("job");
        var first = (await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct)).Ok().Body;
        var extra = new JsonObject { ["EnforceIndex"] = true, ["JobModifyIndex"] = first["JobModifyIndex"]!.GetValue<long>() };

        var answer = await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id, count: 3), extra), _ct);

        answer.Ok();
        (await Http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body["Version"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task Register_with_enforce_index_and_a_stale_index_answers_500_with_nomads_text()
    {
        var id = Some.Name("job");
        var first = (await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct)).Ok().Body;
        var current = first["JobModifyIndex"]!.GetValue<long>();
        var stale = current - 1;

        var answer = await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id, count: 2), new JsonObject { ["EnforceIndex"] = true, ["JobModifyIndex"] = stale }), _ct);

        answer.Status.ShouldBe(HttpStatusCode.InternalServerError);
        answer.Text.ShouldBe($"Enforcing job modify index {stale}: job exists with conflicting job modify index: {current}");
    }

    [Fact]
    public async Task Register_with_enforce_index_0_of_an_existing_job_answers_job_already_exists()
    {
        var id = Some.Name("job");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);

        var answer = await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id), new JsonObject { ["EnforceIndex"] = true, ["JobModifyIndex"] = 0 }), _ct);

        answer.Status.ShouldBe(HttpStatusCode.InternalServerError);
        answer.Text.ShouldBe("Enforcing job modify index 0: job already exists");
    }

    [Fact]
    public async Task Register_with_enforce_index_0_of_a_stopped_job_answers_job_already_exists()
    {
        var id = Some.Name("job");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);
        (await Http.NomadDeleteAsync($"/v1/job/{id}", _ct)).Ok();

        var answer = await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id), new JsonObject { ["EnforceIndex"] = true, ["JobModifyIndex"] = 0 }), _ct);

        answer.Status.ShouldBe(HttpStatusCode.InternalServerError);
        answer.Text.ShouldBe("Enforcing job modify index 0: job already exists");
    }

    [Fact]
    public async Task Register_with_enforce_index_0_of_a_purged_job_registers_it_anew()
    {
        var id = Some.Name("job");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);
        (await Http.NomadDeleteAsync($"/v1/job/{id}?purge=true", _ct)).Ok();

        var answer = (await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id), new JsonObject { ["EnforceIndex"] = true, ["JobModifyIndex"] = 0 }), _ct)).Ok().Body;

        var job = (await Http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body;
        (job["Version"]!.GetValue<long>(), job["JobModifyIndex"]!.GetValue<long>()).ShouldBe((0L, answer["JobModifyIndex"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Register_with_enforce_index_0_of_an_existing_job_that_is_invalid_answers_the_validation_error_first()
    {
        var id = Some.Name("job");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);
        var invalid = TestJobs.Service(id);
        invalid["Priority"] = 500;

        var answer = await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(invalid, new JsonObject { ["EnforceIndex"] = true, ["JobModifyIndex"] = 0 }), _ct);

        answer.Status.ShouldBe(HttpStatusCode.InternalServerError);
        answer.Text.ShouldContain("priority must be between [1, 100]", Case.Insensitive);
        answer.Text.ShouldNotContain("Enforcing job modify index");
    }

    [Fact]
    public async Task Register_with_enforce_index_of_a_missing_job_answers_job_does_not_exist()
    {
        var answer = await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(Some.Name("job")), new JsonObject { ["EnforceIndex"] = true, ["JobModifyIndex"] = 42 }), _ct);

        answer.Status.ShouldBe(HttpStatusCode.InternalServerError);
        answer.Text.ShouldBe("Enforcing job modify index 42: job does not exist");
    }

    [Fact]
    public async Task Register_at_a_url_naming_another_job_answers_400()
    {
        var answer = await Http.NomadPutAsync($"/v1/job/{Some.Name("other")}", TestJobs.Register(TestJobs.Service(Some.Name("job"))), _ct);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Text.ShouldBe("Job ID does not match name");
    }

    [Fact]
    public async Task Register_without_a_job_answers_400_job_must_be_specified()
    {
        var answer = await Http.NomadPostAsync("/v1/jobs", new JsonObject { ["EnforceIndex"] = false }, _ct);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Text.ShouldBe("Job must be specified");
    }

    [Fact]
    public async Task Register_of_a_job_with_a_value_of_the_wrong_json_type_answers_400_with_gos_decode_error()
    {
        // decodeBody into api.JobRegisterRequest: decode.go's UnmarshalTypeError names the innermost struct (TaskGroup),
        // the JSON field path from the request root (Job.TaskGroups.Count, no array index) and the Go type (int).
        var job = TestJobs.Service(Some.Name("job"));
        job["TaskGroups"]![0]!["Count"] = "2";

        var answer = await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(job), _ct);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Text.ShouldBe("json: cannot unmarshal string into Go struct field TaskGroup.Job.TaskGroups.Count of type int");
    }

    [Fact]
    public async Task Register_answers_the_first_wrong_value_in_document_order()
    {
        // Go keeps decoding after a type error and returns the first one (savedError): EnforceIndex comes before Job here.
        var job = TestJobs.Service(Some.Name("job"));
        job["Priority"] = "high";
        var body = new JsonObject { ["EnforceIndex"] = "yes", ["Job"] = job };

        var answer = await Http.NomadPostAsync("/v1/jobs", body, _ct);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Text.ShouldBe("json: cannot unmarshal string into Go struct field JobRegisterRequest.EnforceIndex of type bool");
    }

    [Fact]
    public async Task Register_names_the_embedded_write_request_in_the_path_of_its_fields()
    {
        // Region is promoted from the embedded WriteRequest; since Go 1.24 the path holds the embedded struct's name.
        var body = TestJobs.Register(TestJobs.Service(Some.Name("job")), new JsonObject { ["Region"] = 1 });

        var answer = await Http.NomadPostAsync("/v1/jobs", body, _ct);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Text.ShouldBe("json: cannot unmarshal number into Go struct field JobRegisterRequest.WriteRequest.Region of type string");
    }

    [Fact]
    public async Task Plan_of_a_job_keyed_with_the_kelvin_sign_decodes_it_as_the_k_field()
    {
        // fold.go folds the Kelvin sign U+212A to K, so the key names KillTimeout, and 1.5 is no time.Duration (int64).
        var id = Some.Name("job");
        var job = TestJobs.Service(id);
        job["TaskGroups"]![0]!["Tasks"]![0]!["\u212AillTimeout"] = 1.5;

        var answer = await Http.NomadPostAsync($"/v1/job/{id}/plan", new JsonObject { ["Job"] = job, ["Diff"] = true }, _ct);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Text.ShouldBe("json: cannot unmarshal number 1.5 into Go struct field Task.Job.TaskGroups.Tasks.KillTimeout of type time.Duration");
    }

    [Fact]
    public async Task Plan_with_a_diff_flag_of_the_wrong_type_answers_400()
    {
        var id = Some.Name("job");

        var answer = await Http.NomadPostAsync($"/v1/job/{id}/plan", new JsonObject { ["Job"] = TestJobs.Service(id), ["Diff"] = "true" }, _ct);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Text.ShouldBe("json: cannot unmarshal string into Go struct field JobPlanRequest.Diff of type bool");
    }

    [Fact]
    public async Task Register_of_a_job_without_an_id_answers_400()
    {
        var job = TestJobs.Service("x");
        job.Remove("ID");

        var answer = await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(job), _ct);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Text.ShouldBe("Job ID hasn't been provided");
    }

    [Fact]
    public async Task Register_with_malformed_json_answers_400()
    {
        var answer = await Http.NomadPostRawAsync("/v1/jobs", "{\"Job\": {", _ct);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Text.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Register_of_an_invalid_job_answers_500_with_the_validation_text()
    {
        var job = TestJobs.Service(Some.Name("job"));
        job["TaskGroups"] = new JsonArray();

        var answer = await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(job), _ct);

        answer.Status.ShouldBe(HttpStatusCode.InternalServerError);
        answer.Text.ShouldContain("Missing job task groups");
    }

    [Fact]
    public async Task Register_that_changes_the_job_type_answers_500()
    {
        var id = Some.Name("job");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);

        var answer = await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Batch(id)), _ct);

        answer.Status.ShouldBe(HttpStatusCode.InternalServerError);
        answer.Text.ShouldBe("cannot update job from type \"service\" to \"batch\"");
    }

    [Fact]
    public async Task Register_with_preserve_counts_keeps_the_live_group_counts()
    {
        var id = Some.Name("job");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id, count: 3)), _ct);
        var changed = TestJobs.Service(id, count: 1, meta: new JsonObject { ["rev"] = "2" });

        (await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(changed, new JsonObject { ["PreserveCounts"] = true }), _ct)).Ok();

        var job = (await Http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body;
        job["Version"]!.GetValue<long>().ShouldBe(1);
        job["Meta"]!["rev"]!.GetValue<string>().ShouldBe("2");
        job["TaskGroups"]![0]!["Count"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task Register_of_a_periodic_job_makes_no_evaluation()
    {
        var reply = (await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Periodic(Some.Name("cron"))), _ct)).Ok().Body;

        reply["EvalID"]!.GetValue<string>().ShouldBe("");
        reply["EvalCreateIndex"]!.GetValue<long>().ShouldBe(0);
        reply["JobModifyIndex"]!.GetValue<long>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Submission_is_kept_per_version_and_served_by_version()
    {
        var id = Some.Name("job");
        var submission = new JsonObject { ["Source"] = "job \"x\" {}", ["Format"] = "hcl2", ["Variables"] = "a = 1", ["VariableFlags"] = new JsonObject { ["b"] = "2" } };
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id), new JsonObject { ["Submission"] = submission }), _ct);

        var answer = (await Http.NomadGetAsync($"/v1/job/{id}/submission?version=0", _ct)).Ok().Body;

        answer["Source"]!.GetValue<string>().ShouldBe("job \"x\" {}");
        answer["Format"]!.GetValue<string>().ShouldBe("hcl2");
        answer["Variables"]!.GetValue<string>().ShouldBe("a = 1");
        answer["VariableFlags"]!["b"]!.GetValue<string>().ShouldBe("2");
        answer["JobID"]!.GetValue<string>().ShouldBe(id);
        answer["Version"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task Submission_of_a_version_without_source_answers_404_job_source_not_found()
    {
        var id = Some.Name("job");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);

        var answer = await Http.NomadGetAsync($"/v1/job/{id}/submission?version=0", _ct);

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Text.ShouldBe("job source not found");
    }

    [Fact]
    public async Task Submission_without_a_version_answers_400()
    {
        var answer = await Http.NomadGetAsync($"/v1/job/{Some.Name("job")}/submission", _ct);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Text.ShouldBe("Unable to parse job submission version parameter");
    }

    [Fact]
    public async Task Register_and_plan_of_a_template_with_a_vault_grace_answer_its_deprecation_warning()
    {
        var id = Some.Name("job");
        var job = TestJobs.Service(id);
        job["TaskGroups"]![0]!["Tasks"]![0]!["Templates"] = new JsonArray(
            new JsonObject { ["DestPath"] = "local/a.env", ["EmbeddedTmpl"] = "A=1", ["VaultGrace"] = 15_000_000_000 });
        const string Expected = "1 warning:\n\n* Group \"web\" has warnings: 1 error occurred:\n\t* Task \"main\" has warnings: 1 error occurred:\n"
            + "\t* Template[0] VaultGrace has been deprecated as of Nomad 0.11 and ignored since Vault 0.5. Please remove VaultGrace / vault_grace from template block.";

        var plan = (await Http.NomadPostAsync($"/v1/job/{id}/plan", new JsonObject { ["Job"] = job.DeepClone() }, _ct)).Ok().Body;
        var register = (await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(job), _ct)).Ok().Body;

        plan["Warnings"]!.GetValue<string>().ShouldBe(Expected);
        register["Warnings"]!.GetValue<string>().ShouldBe(Expected);
    }

    [Fact]
    public async Task Submission_over_the_size_limit_is_discarded_with_a_warning()
    {
        var id = Some.Name("job");
        var submission = new JsonObject { ["Source"] = new string('x', 1_000_001), ["Format"] = "hcl2" };

        var reply = (await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id), new JsonObject { ["Submission"] = submission }), _ct)).Ok().Body;

        reply["Warnings"]!.GetValue<string>().ShouldBe("1 warning:\n\n* job source size of 1.0 MB exceeds maximum of 1.0 MB and will be discarded");
        (await Http.NomadGetAsync($"/v1/job/{id}/submission?version=0", _ct)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_returns_stubs_sorted_by_id_and_filtered_by_prefix()
    {
        var prefix = Some.Name("ls");
        foreach (var suffix in new[] { "c", "a", "b" })
        {
            await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service($"{prefix}-{suffix}")), _ct);
        }

        var answer = (await Http.NomadGetAsync($"/v1/jobs?prefix={prefix}", _ct)).Ok();

        var stubs = answer.Json!.AsArray();
        stubs.Select(s => s!["ID"]!.GetValue<string>()).ShouldBe([$"{prefix}-a", $"{prefix}-b", $"{prefix}-c"]);
        var stub = stubs[0]!.AsObject();
        foreach (var field in new[] { "ID", "Name", "Namespace", "Type", "Status", "Stop", "JobModifyIndex", "ModifyIndex", "CreateIndex", "SubmitTime", "JobSummary" })
        {
            stub.ContainsKey(field).ShouldBeTrue(field);
        }

        stub.ContainsKey("Meta").ShouldBeFalse();
        stub.ContainsKey("TaskGroups").ShouldBeFalse();
        answer.Index.ShouldNotBeNull();
    }

    [Fact]
    public async Task List_pages_with_per_page_and_the_next_token_header()
    {
        var prefix = Some.Name("page");
        foreach (var suffix in new[] { "a", "b", "c" })
        {
            await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service($"{prefix}-{suffix}")), _ct);
        }

        using var first = await Http.GetAsync(new Uri($"/v1/jobs?prefix={prefix}&per_page=2", UriKind.Relative), _ct);
        var token = first.Headers.GetValues("X-Nomad-NextToken").Single();
        using var second = await Http.GetAsync(new Uri($"/v1/jobs?prefix={prefix}&per_page=2&next_token={Uri.EscapeDataString(token)}", UriKind.Relative), _ct);

        var firstIds = JsonNode.Parse(await first.Content.ReadAsStringAsync(_ct))!.AsArray().Select(s => s!["ID"]!.GetValue<string>());
        var secondIds = JsonNode.Parse(await second.Content.ReadAsStringAsync(_ct))!.AsArray().Select(s => s!["ID"]!.GetValue<string>());
        firstIds.ShouldBe([$"{prefix}-a", $"{prefix}-b"]);
        token.ShouldBe($"default.{prefix}-c");
        secondIds.ShouldBe([$"{prefix}-c"]);
        second.Headers.Contains("X-Nomad-NextToken").ShouldBeFalse();
    }

    [Fact]
    public async Task List_with_meta_true_adds_job_meta_and_omits_it_when_empty()
    {
        var prefix = Some.Name("meta");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service($"{prefix}-a", meta: new JsonObject { ["owner"] = "gitops" })), _ct);
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service($"{prefix}-b")), _ct);

        var stubs = (await Http.NomadGetAsync($"/v1/jobs?prefix={prefix}&meta=true", _ct)).Ok().Json!.AsArray();

        stubs[0]!["Meta"]!["owner"]!.GetValue<string>().ShouldBe("gitops");
        stubs[1]!.AsObject().ContainsKey("Meta").ShouldBeFalse();
    }

    [Fact]
    public async Task List_filter_is_evaluated_against_the_full_job_meta()
    {
        var prefix = Some.Name("flt");
        var owner = Some.Name("owner");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service($"{prefix}-mine", meta: new JsonObject { ["gitops_managed_by"] = owner })), _ct);
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service($"{prefix}-other", meta: new JsonObject { ["gitops_managed_by"] = "someone" })), _ct);
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service($"{prefix}-none")), _ct);

        var equal = (await Http.NomadGetAsync($"/v1/jobs?prefix={prefix}&filter={Uri.EscapeDataString($"Meta.gitops_managed_by == \"{owner}\"")}", _ct)).Ok().Json!.AsArray();
        var notEqual = (await Http.NomadGetAsync($"/v1/jobs?prefix={prefix}&filter={Uri.EscapeDataString($"Meta[\"gitops_managed_by\"] != \"{owner}\"")}", _ct)).Ok().Json!.AsArray();

        equal.Select(s => s!["ID"]!.GetValue<string>()).ShouldBe([$"{prefix}-mine"]);
        notEqual.Select(s => s!["ID"]!.GetValue<string>()).ShouldBe([$"{prefix}-none", $"{prefix}-other"]);
    }

    [Fact]
    public async Task List_filter_combines_status_type_and_meta_presence()
    {
        var prefix = Some.Name("cmb");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service($"{prefix}-svc", meta: new JsonObject { ["team"] = "a" })), _ct);
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Batch($"{prefix}-bat", meta: new JsonObject { ["team"] = "a" })), _ct);
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service($"{prefix}-bare")), _ct);
        var filter = Uri.EscapeDataString("Type == \"service\" and \"team\" in Meta and Stop == false");

        var stubs = (await Http.NomadGetAsync($"/v1/jobs?prefix={prefix}&filter={filter}", _ct)).Ok().Json!.AsArray();

        stubs.Select(s => s!["ID"]!.GetValue<string>()).ShouldBe([$"{prefix}-svc"]);
    }

    [Fact]
    public async Task Blocking_list_wakes_when_a_job_is_stopped()
    {
        var id = Some.Name("blk");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);
        var current = (await Http.NomadGetAsync($"/v1/jobs?prefix={id}", _ct)).Ok();

        var blocked = Http.NomadGetAsync($"/v1/jobs?prefix={id}&index={current.Index}&wait=1m", _ct);
        await Http.NomadDeleteAsync($"/v1/job/{id}", _ct);
        var woken = (await blocked.WaitAsync(Patience, _ct)).Ok();

        woken.Json!.AsArray().Single()!["Stop"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task List_filter_with_a_syntax_error_answers_400()
    {
        var answer = await Http.NomadGetAsync($"/v1/jobs?filter={Uri.EscapeDataString("Meta.x ==")}", _ct);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Text.ShouldStartWith("failed to create result paginator: failed to read filter expression: ");
    }

    [Fact]
    public async Task List_filter_naming_an_unknown_field_answers_400_once_a_job_exists()
    {
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(Some.Name("job"))), _ct);

        var answer = await Http.NomadGetAsync($"/v1/jobs?filter={Uri.EscapeDataString("NoSuchField == \"x\"")}", _ct);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Text.ShouldStartWith("failed to read result page: error finding value in datum: /NoSuchField at part 0: couldn't find key");
    }

    [Fact]
    public async Task List_of_every_namespace_includes_default()
    {
        var id = Some.Name("all");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);

        var stubs = (await Http.NomadGetAsync($"/v1/jobs?namespace=*&prefix={id}", _ct)).Ok().Json!.AsArray();

        stubs.Single()!["Namespace"]!.GetValue<string>().ShouldBe("default");
    }

    [Fact]
    public async Task Delete_stops_the_job_as_a_new_dead_version()
    {
        var id = Some.Name("job");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);

        var reply = (await Http.NomadDeleteAsync($"/v1/job/{id}", _ct)).Ok().Body;

        reply["EvalID"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        var job = (await Http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body;
        job["Stop"]!.GetValue<bool>().ShouldBeTrue();
        job["Version"]!.GetValue<long>().ShouldBe(1);
        job["JobModifyIndex"]!.GetValue<long>().ShouldBe(reply["JobModifyIndex"]!.GetValue<long>());
    }

    [Fact]
    public async Task Register_of_a_stopped_job_starts_it_again_as_a_new_version()
    {
        var id = Some.Name("job");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);
        await Http.NomadDeleteAsync($"/v1/job/{id}", _ct);

        var reply = (await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct)).Ok().Body;

        var job = (await Http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body;
        job["Stop"]!.GetValue<bool>().ShouldBeFalse();
        job["Version"]!.GetValue<long>().ShouldBe(2);
        job["JobModifyIndex"]!.GetValue<long>().ShouldBe(reply["JobModifyIndex"]!.GetValue<long>());
        job["Status"]!.GetValue<string>().ShouldNotBe("dead");
    }

    [Fact]
    public async Task Delete_with_purge_removes_the_job()
    {
        var id = Some.Name("job");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);

        (await Http.NomadDeleteAsync($"/v1/job/{id}?purge=true", _ct)).Ok();

        (await Http.NomadGetAsync($"/v1/job/{id}", _ct)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_of_an_unknown_job_answers_200_with_no_evaluation()
    {
        var reply = (await Http.NomadDeleteAsync($"/v1/job/{Some.Name("missing")}", _ct)).Ok().Body;

        reply["EvalID"]!.GetValue<string>().ShouldBe("");
    }

    [Fact]
    public async Task Versions_lists_newest_first_with_diffs_when_asked()
    {
        var id = Some.Name("job");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id, count: 2)), _ct);

        var plain = (await Http.NomadGetAsync($"/v1/job/{id}/versions", _ct)).Ok().Body;
        var withDiffs = (await Http.NomadGetAsync($"/v1/job/{id}/versions?diffs=true", _ct)).Ok().Body;

        plain["Versions"]!.AsArray().Select(v => v!["Version"]!.GetValue<long>()).ShouldBe([1L, 0L]);
        plain["Diffs"].ShouldBeNull();
        withDiffs["Diffs"]!.AsArray().Count.ShouldBe(1);
        withDiffs["Diffs"]![0]!["Type"]!.GetValue<string>().ShouldBe("Edited");
    }

    [Fact]
    public async Task Versions_of_an_unknown_job_answers_404()
    {
        var answer = await Http.NomadGetAsync($"/v1/job/{Some.Name("missing")}/versions", _ct);

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Text.ShouldBe("job versions not found");
    }

    [Fact]
    public async Task Plan_of_a_new_job_shows_an_added_diff_and_index_0()
    {
        var id = Some.Name("job");

        var plan = (await Http.NomadPostAsync($"/v1/job/{id}/plan", new JsonObject { ["Job"] = TestJobs.Service(id, count: 2), ["Diff"] = true }, _ct)).Ok().Body;

        plan["JobModifyIndex"]!.GetValue<long>().ShouldBe(0);
        plan["Diff"]!["Type"]!.GetValue<string>().ShouldBe("Added");
        plan["Annotations"]!["DesiredTGUpdates"]!["web"]!["Place"]!.GetValue<long>().ShouldBe(2);
        plan.ContainsKey("FailedTGAllocs").ShouldBeTrue();
        plan["Warnings"]!.GetValue<string>().ShouldBe("");
        (await Http.NomadGetAsync($"/v1/job/{id}", _ct)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Plan_of_an_unchanged_job_shows_no_diff_and_the_current_index()
    {
        var id = Some.Name("job");
        var registered = (await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct)).Ok().Body;

        var plan = (await Http.NomadPostAsync($"/v1/job/{id}/plan", new JsonObject { ["Job"] = TestJobs.Service(id), ["Diff"] = true }, _ct)).Ok().Body;
        var withoutDiff = (await Http.NomadPostAsync($"/v1/job/{id}/plan", new JsonObject { ["Job"] = TestJobs.Service(id) }, _ct)).Ok().Body;

        plan["JobModifyIndex"]!.GetValue<long>().ShouldBe(registered["JobModifyIndex"]!.GetValue<long>());
        plan["Diff"]!["Type"]!.GetValue<string>().ShouldBe("None");
        withoutDiff["Diff"].ShouldBeNull();
    }

    [Fact]
    public async Task Plan_at_a_url_naming_another_job_answers_400()
    {
        var answer = await Http.NomadPostAsync($"/v1/job/{Some.Name("other")}/plan", new JsonObject { ["Job"] = TestJobs.Service(Some.Name("job")) }, _ct);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Text.ShouldBe("Job ID does not match");
    }

    [Fact]
    public async Task Plan_of_an_invalid_job_answers_500()
    {
        var job = TestJobs.Service(Some.Name("job"));
        job["TaskGroups"] = new JsonArray();

        var answer = await Http.NomadPostAsync($"/v1/job/{job["ID"]}/plan", new JsonObject { ["Job"] = job }, _ct);

        answer.Status.ShouldBe(HttpStatusCode.InternalServerError);
        answer.Text.ShouldContain("Missing job task groups");
    }

    [Fact]
    public async Task Evaluation_of_a_register_is_readable_by_its_id()
    {
        var id = Some.Name("job");
        var reply = (await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct)).Ok().Body;

        var eval = (await Http.NomadGetAsync($"/v1/evaluation/{reply["EvalID"]}", _ct)).Ok().Body;

        eval["JobID"]!.GetValue<string>().ShouldBe(id);
        eval["TriggeredBy"]!.GetValue<string>().ShouldBe("job-register");
        eval["Type"]!.GetValue<string>().ShouldBe("service");
    }

    [Fact]
    public async Task Job_evaluations_list_every_register_newest_first()
    {
        var id = Some.Name("job");
        var first = (await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct)).Ok().Body;
        var second = (await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct)).Ok().Body;

        var evals = (await Http.NomadGetAsync($"/v1/job/{id}/evaluations", _ct)).Ok().Json!.AsArray();

        evals.Select(e => e!["ID"]!.GetValue<string>()).ShouldBe([second["EvalID"]!.GetValue<string>(), first["EvalID"]!.GetValue<string>()], ignoreOrder: true);
    }

    [Fact]
    public async Task Job_summary_counts_each_group_and_unknown_jobs_answer_404()
    {
        var id = Some.Name("job");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id, count: 2)), _ct);

        var summary = (await Http.NomadGetAsync($"/v1/job/{id}/summary", _ct)).Ok().Body;
        var missing = await Http.NomadGetAsync($"/v1/job/{Some.Name("missing")}/summary", _ct);

        summary["JobID"]!.GetValue<string>().ShouldBe(id);
        summary["Summary"]!.AsObject().ContainsKey("web").ShouldBeTrue();
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        missing.Text.ShouldBe("job not found");
    }

    [Fact]
    public async Task Evaluation_of_an_unknown_id_answers_404_eval_not_found()
    {
        var answer = await Http.NomadGetAsync($"/v1/evaluation/{Guid.NewGuid()}", _ct);

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Text.ShouldBe("eval not found");
    }

    [Fact]
    public async Task Blocking_get_of_a_job_wakes_when_it_gets_a_new_version()
    {
        var id = Some.Name("job");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);
        var current = (await Http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok();

        var blocked = Http.NomadGetAsync($"/v1/job/{id}?index={current.Index}&wait=1m", _ct);
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id, count: 4)), _ct);
        var woken = (await blocked.WaitAsync(Patience, _ct)).Ok();

        woken.Index!.Value.ShouldBeGreaterThan(current.Index!.Value);
        woken.Body["Version"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task Blocking_list_wakes_when_a_job_is_registered()
    {
        var prefix = Some.Name("blk");
        // A blocking query at index 0 answers at once (Nomad's blockingRPC fast path), and a fresh target's jobs index
        // is 0 when this test runs first: register another job so the index to wait on is not 0.
        (await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(Some.Name("other"))), _ct)).Ok();
        var current = (await Http.NomadGetAsync($"/v1/jobs?prefix={prefix}", _ct)).Ok();

        var blocked = Http.NomadGetAsync($"/v1/jobs?prefix={prefix}&index={current.Index}&wait=1m", _ct);
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service($"{prefix}-new")), _ct);
        var woken = (await blocked.WaitAsync(Patience, _ct)).Ok();

        woken.Json!.AsArray().Single()!["ID"]!.GetValue<string>().ShouldBe($"{prefix}-new");
    }

    [Fact]
    public async Task Parse_of_an_empty_spec_answers_400_job_spec_is_empty()
    {
        var answer = await Http.NomadPostAsync("/v1/jobs/parse", new JsonObject { ["JobHCL"] = "", ["Canonicalize"] = true }, _ct);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Text.ShouldBe("Job spec is empty");
    }

    [Fact]
    public async Task Parse_of_a_body_of_the_wrong_types_answers_400_with_gos_decode_error()
    {
        // decodeBody into api.JobsParseRequest (command/agent/job_endpoint.go): the first wrong type, before the spec.
        var answer = await Http.NomadPostAsync("/v1/jobs/parse", new JsonObject { ["JobHCL"] = 5, ["Canonicalize"] = "yes" }, _ct);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Text.ShouldBe("json: cannot unmarshal number into Go struct field JobsParseRequest.JobHCL of type string");
    }

    [Fact]
    public async Task Parse_answers_the_canonical_api_job()
    {
        var hcl = """
            job "parsed" {
              datacenters = ["*"]
              group "g" {
                task "t" {
                  driver = "docker"
                  config { image = "nginx:1.27" }
                }
              }
            }
            """;

        var answer = await Http.NomadPostAsync("/v1/jobs/parse", new JsonObject { ["JobHCL"] = hcl, ["Canonicalize"] = true }, _ct);

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Text);
        var job = answer.Json!.AsObject();
        job["ID"]!.GetValue<string>().ShouldBe("parsed");
        job["Type"]!.GetValue<string>().ShouldBe("service");
        job["Priority"]!.GetValue<int>().ShouldBe(50);
        var group = job["TaskGroups"]!.AsArray().Single()!.AsObject();
        group["Count"]!.GetValue<int>().ShouldBe(1);
        group["Tasks"]!.AsArray().Single()!["Config"]!["image"]!.GetValue<string>().ShouldBe("nginx:1.27");
    }

    [Fact]
    public async Task Parse_applies_the_variables_given_as_var_file_text()
    {
        var hcl = """
            variable "image" {
              type = string
            }
            job "vars" {
              group "g" {
                task "t" {
                  driver = "docker"
                  config { image = var.image }
                }
              }
            }
            """;

        var answer = await Http.NomadPostAsync(
            "/v1/jobs/parse", new JsonObject { ["JobHCL"] = hcl, ["Canonicalize"] = true, ["Variables"] = "image = \"redis:7\"\n" }, _ct);

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Text);
        answer.Json!["TaskGroups"]![0]!["Tasks"]![0]!["Config"]!["image"]!.GetValue<string>().ShouldBe("redis:7");
    }

    [Fact]
    public async Task Parse_of_malformed_hcl_answers_400_with_the_position_in_input_hcl()
    {
        var answer = await Http.NomadPostAsync("/v1/jobs/parse", new JsonObject { ["JobHCL"] = "job \"x\" {\n  count = \n}\n" }, _ct);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Text.ShouldStartWith("Failed to parse job: input.hcl:2,");
        answer.Text.ShouldContain("Invalid expression");
    }

    [Fact]
    public async Task Parse_of_a_job_file_reading_a_file_fails_as_file_functions_are_off()
    {
        var hcl = """
            job "fs" {
              group "g" {
                task "t" {
                  driver = "docker"
                  config { image = file("image.txt") }
                }
              }
            }
            """;

        var answer = await Http.NomadPostAsync("/v1/jobs/parse", new JsonObject { ["JobHCL"] = hcl }, _ct);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Text.ShouldStartWith("Failed to parse job: input.hcl:5,");
        answer.Text.ShouldContain("filesystem function disabled");
    }

    [Fact]
    public async Task Delete_on_the_jobs_collection_answers_405()
    {
        var answer = await Http.NomadDeleteAsync("/v1/jobs", _ct);

        answer.Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
        answer.Text.ShouldBe("Invalid method");
    }
}

public sealed class JobsContractOnEmulator(EmulatorTarget target) : JobsContract(target), IClassFixture<EmulatorTarget>;

public sealed class JobsContractOnRealNomad(RealNomadTarget target) : JobsContract(target), IClassFixture<RealNomadTarget>;
