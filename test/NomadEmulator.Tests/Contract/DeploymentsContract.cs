using System.Net;
using System.Text.Json.Nodes;
using Nomad.Emulator.Tests.Support;

namespace Nomad.Emulator.Tests.Contract;

/// <summary>Nomad's deployments API as job registers drive it, against the emulator and, when configured, a real Nomad.</summary>
public abstract class DeploymentsContract(ContractTarget target)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private HttpClient Http => target.Http;

    [Fact]
    public async Task Register_of_a_service_job_starts_a_deployment_of_its_version()
    {
        var id = Some.Name("dep");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id, count: 2)), _ct);

        var latest = (await Http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok().Body;

        latest["JobID"]!.GetValue<string>().ShouldBe(id);
        latest["JobVersion"]!.GetValue<long>().ShouldBe(0);
        latest["Namespace"]!.GetValue<string>().ShouldBe("default");
        latest["Status"]!.GetValue<string>().ShouldBeOneOf("running", "successful");
        latest["TaskGroups"]!["web"]!["DesiredTotal"]!.GetValue<int>().ShouldBe(2);
        var byId = (await Http.NomadGetAsync($"/v1/deployment/{latest["ID"]}", _ct)).Ok().Body;
        byId["ID"]!.GetValue<string>().ShouldBe(latest["ID"]!.GetValue<string>());
    }

    [Fact]
    public async Task Latest_deployment_of_a_job_without_one_is_null()
    {
        var id = Some.Name("batch");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Batch(id)), _ct);

        var answer = (await Http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok();

        answer.Text.Trim().ShouldBe("null");
        answer.Index.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_service_job_whose_groups_have_max_parallel_0_gets_no_deployment()
    {
        var id = Some.Name("noupdate");
        var job = TestJobs.Service(id, count: 2);
        job["TaskGroups"]![0]!["Update"] = new JsonObject { ["MaxParallel"] = 0 };
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(job), _ct);

        var answer = (await Http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok();
        var stored = (await Http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body;

        answer.Text.Trim().ShouldBe("null");
        stored["Status"]!.GetValue<string>().ShouldNotBe("dead");
    }

    [Fact]
    public async Task A_new_version_cancels_the_running_deployment_of_the_previous_one()
    {
        var id = Some.Name("dep");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);
        var first = (await Http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok().Body;

        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id, count: 2)), _ct);

        var deployments = (await Http.NomadGetAsync($"/v1/job/{id}/deployments", _ct)).Ok().Json!.AsArray();
        deployments.Select(d => d!["JobVersion"]!.GetValue<long>()).ShouldBe([1L, 0L]);
        var old = (await Http.NomadGetAsync($"/v1/deployment/{first["ID"]}", _ct)).Ok().Body;
        if (first["Status"]!.GetValue<string>() == "running")
        {
            old["Status"]!.GetValue<string>().ShouldBe("cancelled");
            old["StatusDescription"]!.GetValue<string>().ShouldBe("Cancelled due to newer version of job");
        }
    }

    [Fact]
    public async Task Deployments_list_includes_a_new_deployment_with_prefix_and_all_namespaces()
    {
        var id = Some.Name("dep");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);
        var latest = (await Http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok().Body;
        var deploymentId = latest["ID"]!.GetValue<string>();

        var all = (await Http.NomadGetAsync("/v1/deployments?namespace=*", _ct)).Ok().Json!.AsArray();
        var byPrefix = (await Http.NomadGetAsync($"/v1/deployments?prefix={deploymentId[..8]}", _ct)).Ok().Json!.AsArray();

        all.Select(d => d!["ID"]!.GetValue<string>()).ShouldContain(deploymentId);
        byPrefix.Select(d => d!["ID"]!.GetValue<string>()).ShouldContain(deploymentId);
    }

    [Fact]
    public async Task Deployment_of_an_unknown_id_answers_404_deployment_not_found()
    {
        var answer = await Http.NomadGetAsync($"/v1/deployment/{Guid.NewGuid()}", _ct);

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Text.ShouldBe("deployment not found");
    }

    [Fact]
    public async Task A_stopped_job_makes_no_new_deployment()
    {
        target.RequireEmulator();
        var id = Some.Name("dep");
        await Http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);

        await Http.NomadDeleteAsync($"/v1/job/{id}", _ct);

        var deployments = (await Http.NomadGetAsync($"/v1/job/{id}/deployments", _ct)).Ok().Json!.AsArray();
        deployments.Count.ShouldBe(1);
    }
}

public sealed class DeploymentsContractOnEmulator(EmulatorTarget target) : DeploymentsContract(target), IClassFixture<EmulatorTarget>;

public sealed class DeploymentsContractOnRealNomad(RealNomadTarget target) : DeploymentsContract(target), IClassFixture<RealNomadTarget>;
