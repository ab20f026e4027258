using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nomad.Client;
using NomadGitOps.Controllers;
using NomadGitOps.Controllers.GitRepository;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Sources;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Controllers.GitRepository;

public sealed class GitRepositoryRegistrationTests
{
    [Fact]
    public void The_controller_is_registered_as_the_GitRepository_reconciler_with_a_default_backoff()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(new NomadClient(new NomadClientOptions { Address = "http://127.0.0.1:1" }));
        services.AddSingleton(new ObjectStoreOptions());
        services.AddSingleton<ObjectStore>();
        services.AddSingleton<IReconcileTrigger, RecordingTrigger>();
        services.AddGitSources(Path.GetTempPath());

        services.AddGitRepositoryController();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var reconciler = provider.GetServices<IReconciler>().ShouldHaveSingleItem();
        reconciler.ShouldBeSameAs(provider.GetRequiredService<GitRepositoryController>());
        reconciler.Name.ShouldBe(ControllerName.GitRepository);
        reconciler.Kind.ShouldBe(ObjectKind.GitRepository);
        provider.GetRequiredService<Backoff>().ShouldNotBeNull();
    }
}
