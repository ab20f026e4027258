using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NomadGitOps.Sources;

namespace NomadGitOps.Tests.Sources;

public sealed class SourcesRegistrationTests
{
    [Fact]
    public void The_container_builds_one_cache_rooted_where_configured()
    {
        var services = new ServiceCollection().AddLogging().AddGitSources("/var/cache/nomad-gitops");
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var cache = provider.GetRequiredService<GitCache>();

        cache.ShouldBeSameAs(provider.GetRequiredService<GitCache>());
        cache.DirectoryFor(GitUrl.Parse("https://h/x.git")).ShouldStartWith("/var/cache/nomad-gitops/");
        provider.GetRequiredService<ILogger<GitCache>>().ShouldNotBeNull();
    }
}
