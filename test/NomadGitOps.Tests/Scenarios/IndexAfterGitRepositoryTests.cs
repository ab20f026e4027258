using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Controllers;
using NomadGitOps.Controllers.GitRepository;
using NomadGitOps.Controllers.NomadJobIndex;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Sources;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

public sealed class IndexAfterGitRepositoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_repository_controller_fetches_triggers_the_index_and_the_index_creates_the_jobs_of_the_fetched_commit()
    {
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), Ct);
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "apps", Ct);
        var commit = await repo.WithFile("jobs/web.nomad.hcl", "job \"web\" {\n  group \"g\" {\n    task \"t\" {\n      driver = \"docker\"\n    }\n  }\n}\n")
            .WithFile("jobs/report.json", JobFiles.Json("report", ns: "batch"))
            .CommitAsync("first", Ct);
        var cacheRoot = Path.Combine(Path.GetTempPath(), "index-e2e-" + Guid.NewGuid().ToString("N")[..10]);
        var trigger = new RecordingTrigger();
        using var client = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)))
            .AddSingleton(client)
            .AddSingleton(new ObjectStoreOptions())
            .AddSingleton<ObjectStore>()
            .AddSingleton<IReconcileTrigger>(trigger)
            .AddSingleton(new Backoff(BackoffOptions.Default, new Random(7)))
            .AddGitSources(cacheRoot)
            .AddGitRepositoryController()
            .AddNomadJobIndexController()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var store = provider.GetRequiredService<ObjectStore>();
        var key = ObjectKey.GitRepository("apps");
        await store.CreateAsync(key, new Dictionary<string, string> { [ItemKeys.Url] = repo.Url, [ItemKeys.Include] = @"\.(nomad\.hcl|json)$" }, Ct);

        await provider.GetRequiredService<GitRepositoryController>().ReconcileAsync(key, Ct);
        trigger.Triggered.ShouldContain((ControllerName.NomadJobIndex, key));
        var outcome = await provider.GetRequiredService<NomadJobIndexController>().ReconcileAsync(key, Ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        (await store.ReadAsync(ObjectKey.NomadJob("default", "web"), Ct)).ShouldNotBeNull().Items[ItemKeys.File].ShouldBe("jobs/web.nomad.hcl");
        (await store.ReadAsync(ObjectKey.NomadJob("batch", "report"), Ct)).ShouldNotBeNull();
        var items = (await store.ReadAsync(key, Ct))!.Items;
        items[ItemKeys.StatusIndexedCommit].ShouldBe(commit);
        items[ItemKeys.StatusCurrentCommit].ShouldBe(commit);
        items[ItemKeys.StatusReady].ShouldBe("True");
        Directory.Delete(cacheRoot, recursive: true);
    }
}
