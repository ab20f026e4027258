using Microsoft.Extensions.DependencyInjection;
using Nomad.Client;
using NomadGitOps.Controllers;
using NomadGitOps.Controllers.NomadJobIndex;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Scheduling;
using NomadGitOps.Sources;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Controllers.NomadJobIndex;

public sealed class NomadJobIndexRegistrationTests
{
    [Fact]
    public void The_container_builds_one_index_controller_that_is_also_a_reconciler_keyed_by_repositories()
    {
        using var client = new NomadClient(new NomadClientOptions { Address = "http://127.0.0.1:4646" });
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(client)
            .AddSingleton(new ObjectStoreOptions())
            .AddSingleton<ObjectStore>()
            .AddSingleton<IReconcileTrigger, RecordingTrigger>()
            .AddGitSources("/tmp/nomad-gitops-cache")
            .AddNomadJobIndexController();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var controller = provider.GetRequiredService<NomadJobIndexController>();

        provider.GetServices<IReconciler>().ShouldBe([controller]);
        controller.Name.ShouldBe(ControllerName.NomadJobIndex);
        controller.Kind.ShouldBe(ObjectKind.GitRepository);
        provider.GetRequiredService<JobFileParser>().ShouldBeSameAs(provider.GetRequiredService<JobFileParser>());
    }
}
