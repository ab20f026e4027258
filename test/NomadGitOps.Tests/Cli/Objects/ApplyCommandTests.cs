using NomadGitOps.Cli;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Cli.Objects;

public sealed class ApplyCommandTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("apply-").FullName;
    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync() => _cli = await CliHarness.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _cli.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Apply_of_a_yaml_file_with_several_objects_creates_them_and_sums_up()
    {
        var file = Write("objects.yaml", """
            kind: GitRepository
            name: apps
            spec:
              url: https://git.example.com/apps.git
              branch: main
              prune: true
            ---
            kind: job
            name: report
            namespace: batch
            spec:
              repository: apps
              file: jobs/report.hcl
            """);

        var run = await _cli.RunAsync("apply", "-f", file);

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        run.Stdout.ShouldContain("gitrepository/apps created");
        run.Stdout.ShouldContain("nomadjob/batch/report created");
        run.Stdout.ShouldContain("2 objects: 2 created, 0 configured, 0 unchanged");
        (await _cli.ItemsAsync(ObjectKey.GitRepository("apps")))["prune"].ShouldBe("true");
        var job = await _cli.ItemsAsync(ObjectKey.NomadJob("batch", "report"));
        job["job_id"].ShouldBe("report");
        job["namespace"].ShouldBe("batch");
    }

    [Fact]
    public async Task Apply_again_is_unchanged_and_a_changed_spec_is_configured_keeping_the_status()
    {
        await _cli.CreateRepoAsync("apps", "url=https://git.example.com/apps.git\nbranch=main\ninterval=5m\nstatus_ready=True");
        var file = Write("apps.json", """[{"kind": "repo", "name": "apps", "spec": {"url": "https://git.example.com/apps.git", "branch": "release"}}]""");

        var first = await _cli.RunAsync("apply", "-f", file, "-o", "json");
        var second = await _cli.RunAsync("apply", "-f", _dir, "-o", "json");

        first.Json["objects"]![0]!["action"]!.GetValue<string>().ShouldBe("configured");
        second.Json["objects"]![0]!["action"]!.GetValue<string>().ShouldBe("unchanged");
        var items = await _cli.ItemsAsync(ObjectKey.GitRepository("apps"));
        items["branch"].ShouldBe("release");
        items.ShouldNotContainKey("interval");
        items[ItemKeys.StatusReady].ShouldBe("True");
    }

    [Fact]
    public async Task Apply_with_one_invalid_object_writes_nothing_and_names_the_file_and_item()
    {
        var file = Write("bad.yaml", """
            - kind: repo
              name: good
              spec: { url: "https://git.example.com/good.git" }
            - kind: repo
              name: bad
              spec: { url: "https://git.example.com/bad.git", interval: "soon" }
            """);

        var run = await _cli.RunAsync("apply", "-f", file);

        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Stderr.ShouldContain("bad.yaml[2]");
        run.Stderr.ShouldContain("interval");
        run.Stderr.ShouldContain("Nothing was applied.");
        (await _cli.Store.ReadAsync(ObjectKey.GitRepository("good"), TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task Apply_refuses_status_items_and_unknown_kinds()
    {
        var file = Write("odd.yaml", """
            kind: Deployment
            name: x
            ---
            kind: repo
            name: y
            spec:
              url: https://git.example.com/y.git
              status_ready: "True"
            """);

        var run = await _cli.RunAsync("apply", "-f", file);

        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Stderr.ShouldContain("\"Deployment\"");
        run.Stderr.ShouldContain("status_ready");
    }

    [Fact]
    public async Task Apply_of_a_missing_file_is_a_usage_error()
    {
        (await _cli.RunAsync("apply", "-f", Path.Combine(_dir, "nope.yaml"))).Exit.ShouldBe(ExitCodes.Usage);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
