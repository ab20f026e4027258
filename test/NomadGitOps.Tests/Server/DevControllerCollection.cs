namespace NomadGitOps.Tests.Server;

/// <summary>
/// The tests that share one running <see cref="DevController"/>. Not run in parallel with other tests: the metrics are
/// read from the process-wide <c>NomadGitOps</c> meter, which another dev or run in this process would add to.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DevControllerCollection : ICollectionFixture<DevController>
{
    public const string Name = "dev controller";
}
