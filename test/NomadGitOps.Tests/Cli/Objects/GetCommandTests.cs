using NomadGitOps.Cli;

namespace NomadGitOps.Tests.Cli.Objects;

public sealed class GetCommandTests : IAsyncLifetime
{
    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync() => _cli = await CliHarness.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _cli.DisposeAsync();

    [Fact]
    public async Task Get_repos_prints_a_table_with_name_ready_reason_revision_message_and_age()
    {
        await _cli.CreateRepoAsync("apps", """
            url=https://git.example.com/apps.git
            status_ready=True
            status_reason=Succeeded
            status_current_commit=0123456789abcdef0123456789abcdef01234567
            status_message=Fetched main at 0123456789ab
            """);
        await _cli.CreateRepoAsync("infra", "url=https://git.example.com/infra.git\nsuspend=true");

        var run = await _cli.RunAsync("get", "repos");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToArray();
        lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["NAME", "READY", "REASON", "REVISION", "MESSAGE", "AGE"]);
        lines[1].ShouldStartWith("apps");
        lines[1].ShouldContain("True");
        lines[1].ShouldContain("Succeeded");
        lines[1].ShouldContain("0123456789ab ");
        lines[1].ShouldContain("Fetched main at 0123456789ab");
        lines[2].ShouldStartWith("infra");
        lines[2].ShouldContain("Suspended");
        run.Stdout.ShouldNotContain("\u001b[", customMessage: "no colour codes in a pipe");
    }

    [Fact]
    public async Task Get_jobs_json_gives_every_job_with_its_spec_and_status_apart()
    {
        await _cli.CreateJobAsync("batch", "report", "job_id=report\nnamespace=batch\nrepository=apps\nfile=report.hcl\nstatus_ready=False\nstatus_reason=RenderFailed\nstatus_message=bad HCL");

        var run = await _cli.RunAsync("get", "jobs", "-o", "json");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        var item = run.Json["items"]!.AsArray().Single()!;
        item["kind"]!.GetValue<string>().ShouldBe("job");
        item["name"]!.GetValue<string>().ShouldBe("report");
        item["namespace"]!.GetValue<string>().ShouldBe("batch");
        item["ready"]!.GetValue<string>().ShouldBe("False");
        item["reason"]!.GetValue<string>().ShouldBe("RenderFailed");
        item["suspended"]!.GetValue<bool>().ShouldBeFalse();
        item["spec"]!["file"]!.GetValue<string>().ShouldBe("report.hcl");
        item["status"]!["status_message"]!.GetValue<string>().ShouldBe("bad HCL");
        item["spec"]!.AsObject().ContainsKey("status_ready").ShouldBeFalse();
        run.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_of_one_job_takes_namespace_slash_job_and_a_bare_job_means_namespace_default()
    {
        await _cli.CreateJobAsync("default", "web", "job_id=web\nrepository=apps\nfile=web.hcl");
        await _cli.CreateJobAsync("batch", "web", "job_id=web\nnamespace=batch\nrepository=apps\nfile=batch-web.hcl");

        var bare = await _cli.RunAsync("get", "jobs", "web", "-o", "json");
        var qualified = await _cli.RunAsync("get", "job", "batch/web", "-o", "json");

        bare.Json["items"]!.AsArray().Single()!["spec"]!["file"]!.GetValue<string>().ShouldBe("web.hcl");
        qualified.Json["items"]!.AsArray().Single()!["spec"]!["file"]!.GetValue<string>().ShouldBe("batch-web.hcl");
    }

    [Fact]
    public async Task Get_of_a_missing_object_fails_with_exit_1_and_says_so()
    {
        var run = await _cli.RunAsync("get", "repo", "nothing");

        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Stderr.ShouldContain("gitrepository/nothing does not exist");
        run.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_with_an_empty_list_says_there_are_none()
    {
        var run = await _cli.RunAsync("get", "receivers");

        run.Exit.ShouldBe(ExitCodes.Ok);
        run.Stdout.ShouldContain("No receiver objects.");
    }

    [Fact]
    public async Task Get_of_an_unknown_kind_is_a_usage_error()
    {
        var run = await _cli.RunAsync("get", "pods");

        run.Exit.ShouldBe(ExitCodes.Usage);
    }

    [Fact]
    public async Task Get_watch_prints_again_when_an_object_changes_and_stops_on_cancel()
    {
        await _cli.CreateRepoAsync("apps");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var parsed = NomadGitOpsCli.Create(stdout, stderr).Parse(["get", "repos", "--watch", "-o", "json", "--address", _cli.Nomad.Address.ToString()]);
        var watching = parsed.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr }, cts.Token);

        await WaitForAsync(() => stdout.ToString().Contains("\"apps\"", StringComparison.Ordinal));
        await _cli.CreateRepoAsync("infra");
        await WaitForAsync(() => stdout.ToString().Contains("\"infra\"", StringComparison.Ordinal));
        await cts.CancelAsync();

        (await watching.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).ShouldBe(ExitCodes.Ok);
        stdout.ToString().Split("\"items\"").Length.ShouldBe(3, "two documents: the first list and the one after the change");
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
