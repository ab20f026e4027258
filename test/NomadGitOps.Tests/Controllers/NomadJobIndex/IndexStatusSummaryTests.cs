using NomadGitOps.Controllers;
using NomadGitOps.Controllers.NomadJobIndex;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Controllers.NomadJobIndex;

public sealed class IndexStatusSummaryTests
{
    private static readonly RepositoryIndexStatus Previous = new(["default/old"], null, "c0");

    [Fact]
    public void A_failed_run_keeps_the_previous_status_so_the_commit_is_indexed_again()
    {
        var run = Run();
        run.Inventory.Add("default/web");

        IndexStatusSummary.For(Previous, run, new ReconcileOutcome.Failed(Reasons.NomadUnavailable, "down")).ShouldBe(Previous);
    }

    [Fact]
    public void A_run_that_went_through_records_its_inventory_errors_commit_and_conflicts()
    {
        var run = Run();
        run.Inventory.Add("default/web");
        run.Errors.Add("Job file x.json is not valid JSON");
        run.Conflicts.Add("default/api");

        var next = IndexStatusSummary.For(Previous, run, IndexStatusSummary.Outcome(run));

        next.ShouldBe(new RepositoryIndexStatus(["default/web"], "Job file x.json is not valid JSON", "c1", ["default/api"]));
    }

    [Theory]
    [InlineData("No error is up to date", 0, 0, "Succeeded")]
    [InlineData("A malformed file stalls with IndexFailed", 1, 0, "IndexFailed")]
    [InlineData("A conflict stalls with Conflict", 2, 1, "Conflict")]
    public void The_outcome_follows_the_errors(string sentence, int errors, int conflicts, string reason)
    {
        _ = sentence;
        var run = Run();
        run.Errors.AddRange(Enumerable.Range(0, errors).Select(i => $"error {i}"));
        run.ConflictErrors = conflicts;

        var outcome = IndexStatusSummary.Outcome(run);

        outcome.Reason.ShouldBe(reason);
        outcome.IsFailure.ShouldBe(errors > 0);
    }

    private static NomadJobIndexRun Run()
    {
        var spec = GitRepositorySpec.Parse(new Dictionary<string, string> { [ItemKeys.Url] = "https://example.com/apps.git" }).Spec!;
        return new NomadJobIndexRun(ObjectKey.GitRepository("apps"), spec, "c1", Previous);
    }
}
