using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Objects;

public sealed class SpecHashTests
{
    [Fact]
    public void The_hash_ignores_status_items_so_a_status_write_is_no_spec_change()
    {
        var spec = Items.Of("url=u\nbranch=main");
        var withStatus = Items.Of("url=u\nbranch=main\nstatus_ready=True\nstatus_message=ok");

        SpecHash.Of(withStatus).ShouldBe(SpecHash.Of(spec));
    }

    [Fact]
    public void The_hash_does_not_depend_on_item_order()
    {
        var forward = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" };
        var backward = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" };

        SpecHash.Of(forward).ShouldBe(SpecHash.Of(backward));
    }

    [Theory]
    [InlineData("a changed value", "url=u\nbranch=dev")]
    [InlineData("an added item", "url=u\nbranch=main\nsuspend=true")]
    [InlineData("a removed item", "url=u")]
    [InlineData("a value moved across the key boundary", "url=u\nbranchm=ain")]
    [InlineData("a reconcile request", "url=u\nbranch=main\nreconcile_requested_at=2026-11-25T17:00:00Z")]
    public void Any_spec_change_changes_the_hash(string why, string changed)
    {
        SpecHash.Of(Items.Of(changed)).ShouldNotBe(SpecHash.Of(Items.Of("url=u\nbranch=main")), why);
    }

    [Fact]
    public void The_hash_is_stable_across_runs()
    {
        SpecHash.Of(Items.Of("url=u\nbranch=main")).ShouldBe("40b1c5067938f240");
    }
}
