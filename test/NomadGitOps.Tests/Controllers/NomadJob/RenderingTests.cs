using System.Text.Json.Nodes;
using NomadGitOps.Rendering;

namespace NomadGitOps.Tests.Controllers.NomadJob;

public sealed class RenderingTests
{
    [Fact]
    public void Job_hash_ignores_key_order_and_formatting()
    {
        var a = JsonNode.Parse("""{"ID":"web","Meta":{"a":"1","b":"2"},"Count":1}""")!.AsObject();
        var b = JsonNode.Parse("""
            {
              "Count": 1,
              "Meta": { "b": "2", "a": "1" },
              "ID": "web"
            }
            """)!.AsObject();

        JobSpecHash.Of(a).ShouldBe(JobSpecHash.Of(b));
    }

    [Fact]
    public void Job_hash_changes_with_any_value_and_keeps_array_order()
    {
        var job = JsonNode.Parse("""{"ID":"web","Datacenters":["dc1","dc2"]}""")!.AsObject();
        var reordered = JsonNode.Parse("""{"ID":"web","Datacenters":["dc2","dc1"]}""")!.AsObject();
        var renamed = JsonNode.Parse("""{"ID":"api","Datacenters":["dc1","dc2"]}""")!.AsObject();

        JobSpecHash.Of(job).ShouldNotBe(JobSpecHash.Of(reordered));
        JobSpecHash.Of(job).ShouldNotBe(JobSpecHash.Of(renamed));
        JobSpecHash.CanonicalJson(job).ShouldBe("""{"Datacenters":["dc1","dc2"],"ID":"web"}""");
    }

    [Fact]
    public void Ownership_meta_is_added_beside_the_jobs_own_meta()
    {
        var job = JsonNode.Parse("""{"ID":"web","Meta":{"team":"payments"}}""")!.AsObject();

        OwnershipMeta.Apply(job, "nomad-gitops", "nomad-gitops/v1/nomadjob/default/web", prune: true);

        OwnershipMeta.Read(job, "team").ShouldBe("payments");
        OwnershipMeta.Read(job, OwnershipMeta.ManagedByKey).ShouldBe("nomad-gitops");
        OwnershipMeta.Read(job, OwnershipMeta.PruneKey).ShouldBe("true");
        OwnershipMeta.IsOwnedBy(job, "nomad-gitops", "nomad-gitops/v1/nomadjob/default/web").ShouldBeTrue();
        OwnershipMeta.IsOwnedBy(job, "nomad-gitops", "nomad-gitops/v1/nomadjob/default/api").ShouldBeFalse();
        OwnershipMeta.IsOwnedBy(job, "other-controller", "nomad-gitops/v1/nomadjob/default/web").ShouldBeFalse();
    }

    [Fact]
    public void Ownership_meta_is_created_on_a_job_without_meta_and_is_stable()
    {
        var job = JsonNode.Parse("""{"ID":"web","Meta":null}""")!.AsObject();
        OwnershipMeta.Apply(job, "nomad-gitops", "p/nomadjob/default/web", prune: false);
        var first = JobSpecHash.Of(job);

        OwnershipMeta.Apply(job, "nomad-gitops", "p/nomadjob/default/web", prune: false);

        JobSpecHash.Of(job).ShouldBe(first);
        ((JsonObject)job["Meta"]!).Count.ShouldBe(3);
    }
}
