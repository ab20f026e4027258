using NomadGitOps.Controllers.NomadJobIndex;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Controllers.NomadJobIndex;

public sealed class IndexDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_job_is_created_owned_by_the_first_file_with_the_others_noted()
    {
        var change = IndexDecision.For("apps", prune: false, [Claim("a.json"), Claim("b.json")], existing: null, Now);

        change.SpecChanged.ShouldBeTrue();
        change.Owned.ShouldBeTrue();
        var items = change.Items.ShouldNotBeNull();
        items[ItemKeys.File].ShouldBe("a.json");
        items[ItemKeys.Prune].ShouldBe("false");
        items[ItemKeys.StatusIndexConflict].ShouldBe("gitrepository/apps: b.json also defines this job; it stays with a.json.");
        change.Errors.ShouldHaveSingleItem().ShouldContain("b.json");
    }

    [Fact]
    public void An_object_already_as_wanted_is_not_written()
    {
        var created = IndexDecision.For("apps", prune: true, [Claim("a.json")], existing: null, Now).Items!;

        var again = IndexDecision.For("apps", prune: true, [Claim("a.json")], created, Now.AddHours(1));

        again.Items.ShouldBeNull();
        again.SpecChanged.ShouldBeFalse();
        again.Owned.ShouldBeTrue();
    }

    [Fact]
    public void The_file_an_object_names_keeps_it_even_when_another_file_sorts_first()
    {
        var stored = IndexDecision.For("apps", prune: false, [Claim("z.json")], existing: null, Now).Items!;

        var change = IndexDecision.For("apps", prune: false, [Claim("a.json"), Claim("z.json")], stored, Now);

        change.SpecChanged.ShouldBeFalse();
        change.Items.ShouldNotBeNull()[ItemKeys.File].ShouldBe("z.json");
        change.Items[ItemKeys.StatusIndexConflict].ShouldBe("gitrepository/apps: a.json also defines this job; it stays with z.json.");
    }

    [Fact]
    public void A_persons_extra_spec_items_on_a_managed_object_are_kept_when_the_index_updates_it()
    {
        var stored = new Dictionary<string, string>(IndexDecision.For("apps", false, [Claim("a.json")], null, Now).Items!)
        {
            [ItemKeys.Wait] = "true",
        };

        var change = IndexDecision.For("apps", prune: true, [Claim("a.json")], stored, Now);

        change.SpecChanged.ShouldBeTrue();
        change.Items.ShouldNotBeNull()[ItemKeys.Wait].ShouldBe("true");
        change.Items[ItemKeys.Prune].ShouldBe("true");
    }

    [Fact]
    public void Another_repositorys_note_survives_an_update_by_the_owner()
    {
        var stored = new Dictionary<string, string>(IndexDecision.For("apps", false, [Claim("a.json")], null, Now).Items!)
        {
            [ItemKeys.StatusIndexConflict] = "gitrepository/other: x.json also defines this job; it stays with gitrepository/apps (a.json).",
        };

        var change = IndexDecision.For("apps", prune: false, [Claim("a.json"), Claim("b.json")], stored, Now);

        change.Items.ShouldNotBeNull()[ItemKeys.StatusIndexConflict].Split('\n').ShouldBe(
        [
            "gitrepository/apps: b.json also defines this job; it stays with a.json.",
            "gitrepository/other: x.json also defines this job; it stays with gitrepository/apps (a.json).",
        ]);
    }

    [Fact]
    public void An_orphaned_object_of_another_repository_is_taken_over_and_its_mark_removed()
    {
        var stored = new Dictionary<string, string>(IndexDecision.For("old", false, [Claim("a.json")], null, Now).Items!)
        {
            [ItemKeys.StatusOrphanedAt] = "2026-11-25T11:00:00Z",
        };

        var change = IndexDecision.For("apps", prune: false, [Claim("jobs/a.json")], stored, Now);

        change.Owned.ShouldBeTrue();
        change.Items.ShouldNotBeNull()[ItemKeys.Repository].ShouldBe("apps");
        change.Items.ShouldNotContainKey(ItemKeys.StatusOrphanedAt);
    }

    [Fact]
    public void Withdrawing_removes_only_the_repositorys_own_lines()
    {
        var stored = new Dictionary<string, string>
        {
            [ItemKeys.ManagedBy] = "index",
            [ItemKeys.StatusIndexConflict] = "gitrepository/a: x\ngitrepository/b: y",
        };

        IndexDecision.Withdraw("a", stored).ShouldNotBeNull()[ItemKeys.StatusIndexConflict].ShouldBe("gitrepository/b: y");
        IndexDecision.Withdraw("c", stored).ShouldBeNull();
    }

    private static JobClaim Claim(string file) => new(file, "web", "default");
}
