using Nomad.Client.Tests.Support;

namespace Nomad.Client.Tests.Deployments;

public sealed class DeploymentsClientTests
{
    [Fact]
    public async Task Read_parses_status_and_task_group_progress_and_is_null_when_missing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedNomad.StartAsync(ct: ct);
        server
            .On("GET /v1/deployment/d-1", CannedResponse.Json(
                """{"ID":"d-1","Namespace":"default","JobID":"web","JobVersion":3,"JobModifyIndex":17,"JobSpecModifyIndex":17,"JobCreateIndex":10,"IsMultiregion":false,"TaskGroups":{"web":{"AutoRevert":true,"AutoPromote":false,"ProgressDeadline":600000000000,"RequireProgressBy":"2024-01-01T00:00:00Z","Promoted":false,"PlacedCanaries":null,"DesiredCanaries":0,"DesiredTotal":2,"PlacedAllocs":2,"HealthyAllocs":1,"UnhealthyAllocs":0}},"Status":"running","StatusDescription":"Deployment is running","CreateIndex":18,"ModifyIndex":19}""",
                index: 19))
            .On("GET /v1/deployment/gone", CannedResponse.Text(404, "deployment not found"));
        using var client = Clients.Create(Clients.For(server.Address));

        var read = await client.Deployments.ReadAsync("d-1", new QueryOptions { Index = 18, Wait = TimeSpan.FromSeconds(10) }, ct);
        var missing = await client.Deployments.ReadAsync("gone", ct: ct);

        var deployment = read.Value.ShouldNotBeNull();
        deployment.Status.ShouldBe(DeploymentStatus.Running);
        deployment.IsTerminal.ShouldBeFalse();
        deployment.JobVersion.ShouldBe(3ul);
        deployment.TaskGroups!["web"].ShouldBe(new DeploymentState { DesiredTotal = 2, PlacedAllocs = 2, HealthyAllocs = 1, AutoRevert = true });
        read.LastIndex.ShouldBe(19ul);
        server.Requests[0].Query["index"].ShouldBe("18");
        server.Requests[0].Query["wait"].ShouldBe("10000ms");
        missing.Value.ShouldBeNull();
    }
}
