using NomadGitOps.Controllers.NomadJobIndex;
using NomadGitOps.Objects;
using NomadGitOps.Sources;

namespace NomadGitOps.Tests.Controllers.NomadJobIndex;

public sealed class IndexIncrementalDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Files_compare_by_blob_id_so_only_new_and_changed_files_are_read_and_gone_ones_listed()
    {
        var before = new Dictionary<string, string>(StringComparer.Ordinal) { ["a.hcl"] = "1", ["b.hcl"] = "2", ["c.hcl"] = "3" };

        var changes = JobFileChanges.Between(before, [new ArtifactFile("a.hcl", "1", 10), new ArtifactFile("b.hcl", "9", 10), new ArtifactFile("d.hcl", "4", 10)]);

        changes.Changed.Select(f => f.Path).ShouldBe(["b.hcl", "d.hcl"]);
        changes.Removed.ShouldBe(["c.hcl"]);
        changes.IsEmpty.ShouldBeFalse();
        JobFileChanges.Between(before, [new ArtifactFile("a.hcl", "1", 1), new ArtifactFile("b.hcl", "2", 1), new ArtifactFile("c.hcl", "3", 1)]).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void An_object_as_the_index_made_it_is_unchanged_exactly_when_the_full_decision_would_write_nothing()
    {
        var claim = new JobClaim("jobs/web.hcl", "web", "default");
        var made = IndexDecision.For("apps", prune: true, [claim], existing: null, Now).Items!;
        IndexDecision.For("apps", prune: true, [claim], made, Now).Items.ShouldBeNull();
        IndexDecision.IsUnchanged("apps", prune: true, claim, made).ShouldBeTrue();

        (string Key, string? Value)[] edits =
        [
            (ItemKeys.File, "jobs/other.hcl"), (ItemKeys.Prune, "false"), (ItemKeys.Repository, "other"), (ItemKeys.ManagedBy, null),
            (ItemKeys.StatusOrphanedAt, "2026-11-25T12:00:00Z"), (ItemKeys.StatusIndexConflict, "gitrepository/apps: jobs/x.hcl also defines this job; it stays with jobs/web.hcl."),
        ];
        foreach (var (key, value) in edits)
        {
            var edited = new Dictionary<string, string>(made, StringComparer.Ordinal);
            if (value is null)
            {
                edited.Remove(key);
            }
            else
            {
                edited[key] = value;
            }

            IndexDecision.IsUnchanged("apps", prune: true, claim, edited).ShouldBeFalse(key);
        }

        IndexDecision.IsUnchanged("apps", prune: true, claim, existing: null).ShouldBeFalse();
        var noted = new Dictionary<string, string>(made, StringComparer.Ordinal) { [ItemKeys.StatusIndexConflict] = "gitrepository/other: jobs/y.hcl also defines this job; it stays with gitrepository/apps (jobs/web.hcl)." };
        IndexDecision.IsUnchanged("apps", prune: true, claim, noted).ShouldBeTrue();
        IndexDecision.For("apps", prune: true, [claim], noted, Now).Items.ShouldBeNull();
    }
}
