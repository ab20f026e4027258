namespace NomadGitOps.Tests.Scenarios;

/// <summary>
/// Tests that count on a <c>dev</c> they start themselves, through its <c>/metrics</c>. Not run in parallel with other
/// tests: the <c>NomadGitOps</c> meter is process-wide, so the reconciles of any other test's controllers running at the
/// same time are counted too (seen in CI: ten deliveries, 9 GitRepository reconciles, while other scenarios ran).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMetricsCollection
{
    public const string Name = "process metrics";
}
