using System.Text.Json.Nodes;
using Nomad.Client;
using NomadGitOps.Controllers.NomadJob;

namespace NomadGitOps.Tests.Controllers.NomadJob;

public sealed class FailedReleaseTests
{
    private const string RolledBack = "Failed due to unhealthy allocations - rolling back to job version 0";

    [Fact]
    public void The_failed_deployment_of_our_register_is_found_by_version_and_job_modify_index()
    {
        Deployment[] deployments =
        [
            new() { ID = "rollback", JobVersion = 2, JobSpecModifyIndex = 30, Status = DeploymentStatus.Running },
            new() { ID = "ours", JobVersion = 1, JobSpecModifyIndex = 20, Status = DeploymentStatus.Failed, StatusDescription = RolledBack },
            new() { ID = "before-a-purge", JobVersion = 1, JobSpecModifyIndex = 5, Status = DeploymentStatus.Failed },
        ];

        FailedRelease.Find(deployments, 1, 20).ShouldBe(new FailedRelease("ours", 1, RolledBack));
    }

    [Theory]
    [InlineData("it succeeded", DeploymentStatus.Successful, 20UL)]
    [InlineData("it is still running", DeploymentStatus.Running, 20UL)]
    [InlineData("the failed one is another register of that version", DeploymentStatus.Failed, 21UL)]
    public void No_failed_release_is_found_when(string because, string status, ulong jobModifyIndex)
    {
        Deployment[] deployments = [new() { ID = "d", JobVersion = 1, JobSpecModifyIndex = 20, Status = status }];

        FailedRelease.Find(deployments, 1, jobModifyIndex).ShouldBeNull(because);
    }

    [Theory]
    [InlineData("Failed due to unhealthy allocations - rolling back to job version 0", 0UL)]
    [InlineData("Failed due to progress deadline - rolling back to job version 17", 17UL)]
    [InlineData("Failed due to unhealthy allocations - not rolling back to stable job version 3 as current job has same specification", null)]
    [InlineData("Failed due to unhealthy allocations - no stable job version to auto revert to", null)]
    [InlineData("Failed due to unhealthy allocations", null)]
    [InlineData("Deployment marked as failed", null)]
    public void The_rollback_target_is_read_from_nomads_description(string description, ulong? target)
    {
        new FailedRelease("d", 1, description).RolledBackTo.ShouldBe(target);
    }

    [Theory]
    [InlineData("the version right after ours, running", 2, false, true)]
    [InlineData("our own version: nothing was rolled back", 1, false, false)]
    [InlineData("a later version: someone registered after the rollback", 3, false, false)]
    [InlineData("the version after ours, but stopped", 2, true, false)]
    public void The_live_job_is_the_rollback_only_when(string because, int version, bool stopped, bool expected)
    {
        // As read from Nomad: numbers parsed from JSON text.
        var live = JsonNode.Parse($$"""{"Version": {{version}}, "Stop": {{(stopped ? "true" : "false")}}}""")!.AsObject();

        new FailedRelease("d", 1, RolledBack).IsRolledBackBy(live).ShouldBe(expected, because);
    }

    [Fact]
    public void A_failure_without_a_rollback_is_never_taken_for_one()
    {
        new FailedRelease("d", 1, "Failed due to unhealthy allocations").IsRolledBackBy(JsonNode.Parse("""{"Version": 2}""")!.AsObject()).ShouldBeFalse();
    }

    [Fact]
    public void The_message_names_the_deployment_the_versions_and_what_makes_it_register_again()
    {
        var message = new FailedRelease("d-1", 1, RolledBack).Describe("job \"web\" in namespace \"default\"", "jobs/web.json", "0123456789ab", 2);

        message.ShouldBe("Deployment d-1 of job \"web\" in namespace \"default\" version 1 (jobs/web.json at commit 0123456789ab) failed: " + RolledBack +
            ". Nomad rolled back to version 0 (registered as version 2), which keeps running. nomad-gitops registers it again only when the job in Git" +
            " changes, this object changes, or reconcile_requested_at is set anew: fix the job in Git.");
    }
}
