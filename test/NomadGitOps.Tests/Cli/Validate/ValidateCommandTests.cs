using System.Text.Json;
using NomadGitOps.Cli;

namespace NomadGitOps.Tests.Cli.Validate;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly ValidateCheckout _checkout = new();

    public void Dispose() => _checkout.Dispose();

    [Fact]
    public async Task A_checkout_of_valid_job_files_exits_zero_with_a_table_and_a_summary()
    {
        _checkout.WithFile("jobs/web.nomad.hcl", ValidateCheckout.Job("web"))
            .WithFile("jobs/api.nomad", ValidateCheckout.Job("api"))
            .WithFile("README.md", "not a job");

        var (exit, stdout, stderr) = await _checkout.ValidateAsync();

        exit.ShouldBe(ExitCodes.Ok, stdout + stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("FILE                JOB  NAMESPACE  RESULT  MESSAGE");
        lines[1].ShouldBe("jobs/api.nomad      api  default    valid");
        lines[2].ShouldBe("jobs/web.nomad.hcl  web  default    valid");
        lines[^1].ShouldBe("2 job files: 2 valid, 0 invalid");
        stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Malformed_hcl_exits_one_naming_the_file_line_and_column()
    {
        _checkout.WithFile("good.nomad.hcl", ValidateCheckout.Job("good"))
            .WithFile("jobs/broken.nomad.hcl", "job \"broken\" {\n  group \"g\" {\n    count =\n  }\n}\n");

        var (exit, stdout, _) = await _checkout.ValidateAsync();

        exit.ShouldBe(ExitCodes.Failed);
        stdout.ShouldContain("jobs/broken.nomad.hcl  -     -          invalid  jobs/broken.nomad.hcl:3,12-4,1: Invalid expression;");
        stdout.ShouldNotContain("input.hcl");
        stdout.ShouldEndWith("2 job files: 1 valid, 1 invalid\n");
    }

    [Fact]
    public async Task A_file_holding_two_jobs_is_invalid()
    {
        _checkout.WithFile("two.nomad.hcl", ValidateCheckout.Job("one") + "\n" + ValidateCheckout.Job("two"));

        var (exit, stdout, _) = await _checkout.ValidateAsync("-o", "json");

        exit.ShouldBe(ExitCodes.Failed);
        var file = JsonDocument.Parse(stdout).RootElement.GetProperty("files")[0];
        file.GetProperty("valid").GetBoolean().ShouldBeFalse();
        file.GetProperty("errors")[0].GetString().ShouldStartWith("two.nomad.hcl:");
    }

    [Fact]
    public async Task The_file_function_reads_a_file_relative_to_the_top_directory_as_nomad_job_run_there_does()
    {
        var job = ValidateCheckout.Job("web", extra: "meta {\n    motd = file(\"jobs/motd.txt\")\n  }");
        _checkout.WithFile("jobs/web.nomad.hcl", job).WithFile("jobs/motd.txt", "hello");

        var (exit, stdout, _) = await _checkout.ValidateAsync();

        exit.ShouldBe(ExitCodes.Ok, stdout);
    }

    [Fact]
    public async Task The_file_function_works_when_a_parent_of_the_directory_is_a_symbolic_link()
    {
        var job = ValidateCheckout.Job("web", extra: "meta {\n    motd = file(\"jobs/motd.txt\")\n  }");
        _checkout.WithFile("real/repo/jobs/web.nomad.hcl", job).WithFile("real/repo/jobs/motd.txt", "hello");
        var link = Path.Combine(_checkout.Directory, "link");
        Directory.CreateSymbolicLink(link, Path.Combine(_checkout.Directory, "real"));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await NomadGitOpsCli.RunAsync(["validate", Path.Combine(link, "repo")], stdout, stderr);

        exit.ShouldBe(ExitCodes.Ok, stdout.ToString() + stderr);
    }

    [Fact]
    public async Task The_file_function_cannot_read_outside_the_directory_and_the_error_names_the_path()
    {
        var job = ValidateCheckout.Job("web", extra: "meta {\n    secret = file(\"../etc/passwd\")\n  }");
        _checkout.WithFile("jobs/web.nomad.hcl", job);

        var (exit, stdout, _) = await _checkout.ValidateAsync();

        exit.ShouldBe(ExitCodes.Failed);
        stdout.ShouldContain("jobs/web.nomad.hcl:3,14-19: Error in function call; Call to function \"file\" failed: path ../etc/passwd is outside the file system root");
    }

    [Fact]
    public async Task Two_files_defining_one_job_in_one_namespace_fail_and_the_error_names_both_files()
    {
        _checkout.WithFile("a.nomad.hcl", ValidateCheckout.Job("web"))
            .WithFile("b.nomad.hcl", ValidateCheckout.Job("web"))
            .WithFile("c.nomad.hcl", ValidateCheckout.Job("web", extra: "namespace = \"staging\""));

        var (exit, stdout, _) = await _checkout.ValidateAsync("-o", "json");

        exit.ShouldBe(ExitCodes.Failed);
        var files = JsonDocument.Parse(stdout).RootElement.GetProperty("files").EnumerateArray().ToList();
        files.Select(f => (f.GetProperty("file").GetString(), f.GetProperty("namespace").GetString(), f.GetProperty("valid").GetBoolean())).ShouldBe(
        [
            ("a.nomad.hcl", "default", true),
            ("b.nomad.hcl", "default", false),
            ("c.nomad.hcl", "staging", true),
        ]);
        var error = files[1].GetProperty("errors")[0].GetString()!;
        error.ShouldContain("job \"web\" in namespace \"default\" is also defined by a.nomad.hcl");
        error.ShouldContain("b.nomad.hcl");
    }

    [Fact]
    public async Task Json_job_files_are_read_bare_or_wrapped_in_Job_when_include_selects_them()
    {
        const string task = "\"TaskGroups\": [{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"exec\", \"Config\": {\"command\": \"true\"}}]}]";
        _checkout.WithFile("bare.json", "{\"ID\": \"bare\", " + task + "}")
            .WithFile("wrapped.json", "{\"Job\": {\"ID\": \"wrapped\", \"Namespace\": \"ops\", " + task + "}}")
            .WithFile("broken.json", "{\"ID\": ");

        var (exit, stdout, _) = await _checkout.ValidateAsync("--include", @"\.json$", "-o", "json");

        exit.ShouldBe(ExitCodes.Failed);
        var files = JsonDocument.Parse(stdout).RootElement.GetProperty("files").EnumerateArray().ToList();
        files.Select(f => (f.GetProperty("file").GetString(), f.GetProperty("format").GetString(), f.GetProperty("job").GetString(), f.GetProperty("valid").GetBoolean())).ShouldBe(
        [
            ("bare.json", "json", "bare", true),
            ("broken.json", "json", null, false),
            ("wrapped.json", "json", "wrapped", true),
        ]);
        files[2].GetProperty("namespace").GetString().ShouldBe("ops");
        files[1].GetProperty("errors")[0].GetString()!.ShouldStartWith("broken.json: is not valid JSON at line 1");
    }

    [Fact]
    public async Task A_job_nomad_refuses_at_register_fails_with_nomads_validation_error()
    {
        _checkout.WithFile("web.nomad.hcl", ValidateCheckout.Job("web", count: -1));

        var (exit, stdout, _) = await _checkout.ValidateAsync();

        exit.ShouldBe(ExitCodes.Failed);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[1].ShouldBe("web.nomad.hcl  web  default    invalid  Task group app validation failed: 1 error occurred:");
        lines[2].ShouldBe(new string(' ', 42) + "* Task group count can't be negative");
    }

    [Fact]
    public async Task A_warning_is_printed_and_the_file_stays_valid()
    {
        const string job = """
            job "report" {
              type = "batch"
              periodic {
                cron = "0 * * * *"
              }
              group "g" {
                task "t" {
                  driver = "exec"
                  config {
                    command = "true"
                  }
                }
              }
            }
            """;
        _checkout.WithFile("report.nomad.hcl", job);

        var (exit, stdout, _) = await _checkout.ValidateAsync();

        exit.ShouldBe(ExitCodes.Ok, stdout);
        stdout.ShouldContain("report.nomad.hcl  report  default    valid   warning: cron is deprecated and may be removed in a future release. Use crons instead");
    }

    [Fact]
    public async Task Var_files_and_vars_set_the_variables_of_hcl_jobs()
    {
        const string job = """
            variable "image" {
              type = string
            }
            variable "replicas" {
              type = number
            }
            job "web" {
              group "g" {
                count = var.replicas
                task "t" {
                  driver = "docker"
                  config {
                    image = var.image
                  }
                }
              }
            }
            """;
        _checkout.WithFile("web.nomad.hcl", job).WithFile("vars/prod.hcl", "image = \"nginx:1.27\"\n");
        var varFile = Path.Combine(_checkout.Directory, "vars", "prod.hcl");

        var withBoth = await _checkout.ValidateAsync("--var-file", varFile, "--var", "replicas=3");
        var withoutVarFile = await _checkout.ValidateAsync("--var", "replicas=3");
        var negative = await _checkout.ValidateAsync("--var-file", varFile, "--var", "replicas=-2");

        withBoth.Exit.ShouldBe(ExitCodes.Ok, withBoth.Stdout);
        withoutVarFile.Exit.ShouldBe(ExitCodes.Failed);
        withoutVarFile.Stdout.ShouldContain("Unset variable \"image\"");
        negative.Exit.ShouldBe(ExitCodes.Failed);
        negative.Stdout.ShouldContain("Task group count can't be negative");
    }

    [Fact]
    public async Task A_var_file_that_does_not_parse_fails_every_hcl_job_and_names_the_var_file()
    {
        _checkout.WithFile("web.nomad.hcl", ValidateCheckout.Job("web")).WithFile("bad.hcl", "image = \n");

        var (exit, stdout, _) = await _checkout.ValidateAsync("--var-file", Path.Combine(_checkout.Directory, "bad.hcl"));

        exit.ShouldBe(ExitCodes.Failed);
        stdout.ShouldContain($"Var file {Path.Combine(_checkout.Directory, "bad.hcl")} does not parse: {Path.Combine(_checkout.Directory, "bad.hcl")}:1,");
    }

    [Fact]
    public async Task Include_and_exclude_match_the_path_below_path_as_the_index_does()
    {
        _checkout.WithFile("deploy/web.nomad.hcl", ValidateCheckout.Job("web"))
            .WithFile("deploy/old/api.nomad.hcl", ValidateCheckout.Job("api"))
            .WithFile("deploy/batch.hcl", ValidateCheckout.Job("batch"))
            .WithFile("elsewhere/skipped.nomad.hcl", "not even HCL {");

        var byDefault = await _checkout.ValidateAsync("--path", "./deploy/", "-o", "json");
        var selected = await _checkout.ValidateAsync("--path", "deploy", "--include", @"^[^/]+\.hcl$", "--exclude", "^web", "-o", "json");

        byDefault.Exit.ShouldBe(ExitCodes.Ok, byDefault.Stdout);
        Files(byDefault.Stdout).ShouldBe(["deploy/old/api.nomad.hcl", "deploy/web.nomad.hcl"]);
        selected.Exit.ShouldBe(ExitCodes.Ok, selected.Stdout);
        Files(selected.Stdout).ShouldBe(["deploy/batch.hcl"]);
    }

    [Fact]
    public async Task Symbolic_links_and_the_git_folder_are_skipped_as_the_index_skips_them()
    {
        _checkout.WithFile("real/web.nomad.hcl", ValidateCheckout.Job("web"))
            .WithFile(".git/hooks/broken.nomad.hcl", "not HCL {")
            .WithFile(".github/ci.nomad.hcl", ValidateCheckout.Job("ci"));
        File.CreateSymbolicLink(Path.Combine(_checkout.Directory, "link.nomad.hcl"), Path.Combine(_checkout.Directory, "real", "web.nomad.hcl"));
        Directory.CreateSymbolicLink(Path.Combine(_checkout.Directory, "linked"), Path.Combine(_checkout.Directory, "real"));

        var (exit, stdout, _) = await _checkout.ValidateAsync("-o", "json");

        exit.ShouldBe(ExitCodes.Ok, stdout);
        Files(stdout).ShouldBe([".github/ci.nomad.hcl", "real/web.nomad.hcl"]);
    }

    [Fact]
    public async Task An_empty_job_file_is_invalid_as_nomads_parse_endpoint_says()
    {
        _checkout.WithFile("empty.nomad.hcl", "");

        var (exit, stdout, _) = await _checkout.ValidateAsync();

        exit.ShouldBe(ExitCodes.Failed);
        stdout.ShouldContain("invalid  empty.nomad.hcl: Job spec is empty");
    }

    [Fact]
    public async Task Namespace_applies_to_jobs_whose_file_names_none()
    {
        _checkout.WithFile("a.nomad.hcl", ValidateCheckout.Job("a"))
            .WithFile("b.nomad.hcl", ValidateCheckout.Job("b", extra: "namespace = \"ops\""));

        var (exit, stdout, _) = await _checkout.ValidateAsync("--namespace", "apps", "-o", "json");

        exit.ShouldBe(ExitCodes.Ok, stdout);
        JsonDocument.Parse(stdout).RootElement.GetProperty("files").EnumerateArray()
            .Select(f => f.GetProperty("namespace").GetString()).ShouldBe(["apps", "ops"]);
    }

    [Fact]
    public async Task Output_json_prints_only_one_document_with_the_summary_and_every_file()
    {
        _checkout.WithFile("web.nomad.hcl", ValidateCheckout.Job("web")).WithFile("bad.nomad.hcl", ValidateCheckout.Job("bad", count: -1));

        var (exit, stdout, _) = await _checkout.ValidateAsync("-o", "json");

        exit.ShouldBe(ExitCodes.Failed);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        root.GetProperty("valid").GetBoolean().ShouldBeFalse();
        root.GetProperty("directory").GetString().ShouldBe(_checkout.Directory);
        root.GetProperty("path").GetString().ShouldBe(".");
        root.GetProperty("include").GetString().ShouldBe(@"\.nomad(\.hcl)?$");
        root.GetProperty("exclude").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("summary").GetString().ShouldBe("2 job files: 1 valid, 1 invalid");
        root.GetProperty("counts").GetProperty("invalid").GetInt32().ShouldBe(1);
        var bad = root.GetProperty("files")[0];
        bad.GetProperty("file").GetString().ShouldBe("bad.nomad.hcl");
        bad.GetProperty("job").GetString().ShouldBe("bad");
        bad.GetProperty("namespace").GetString().ShouldBe("default");
        bad.GetProperty("format").GetString().ShouldBe("hcl2");
        bad.GetProperty("errors")[0].GetString().ShouldBe("Task group app validation failed: 1 error occurred:\n\t* Task group count can't be negative");
        bad.GetProperty("warnings").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Nothing_selected_fails_because_a_typo_in_include_must_not_pass_ci()
    {
        _checkout.WithFile("web.nomad.hcl", ValidateCheckout.Job("web"));

        var (exit, stdout, _) = await _checkout.ValidateAsync("--include", @"\.nmoad$");

        exit.ShouldBe(ExitCodes.Failed);
        stdout.ShouldStartWith($"0 job files: nothing under {_checkout.Directory} matches include \"\\.nmoad$\"");
    }

    [Theory]
    [InlineData("a regular expression that does not compile", new[] { "--include", "(" }, "--include is \"(\", not a valid regular expression")]
    [InlineData("a path climbing out of the directory", new[] { "--path", "../elsewhere" }, "--path is \"../elsewhere\": '..' may lead out")]
    [InlineData("a path that does not exist", new[] { "--path", "nowhere" }, "path nowhere does not exist in")]
    [InlineData("a var without a value", new[] { "--var", "image" }, "--var \"image\" is not name=value")]
    [InlineData("a var file that does not exist", new[] { "--var-file", "/no/such/vars.hcl" }, "--var-file /no/such/vars.hcl does not exist")]
    [InlineData("a namespace Nomad would refuse", new[] { "--namespace", "a b" }, "--namespace is \"a b\", not a Nomad namespace name")]
    [InlineData("a repository file that does not exist", new[] { "--repository", "/no/such/repo.json" }, "--repository /no/such/repo.json does not exist")]
    public async Task Usage_errors_exit_two_and_say_what_is_wrong(string because, string[] args, string message)
    {
        _checkout.WithFile("web.nomad.hcl", ValidateCheckout.Job("web"));

        var (exit, stdout, stderr) = await _checkout.ValidateAsync(args);

        exit.ShouldBe(ExitCodes.Usage, because);
        stderr.ShouldContain(message);
        stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_directory_that_does_not_exist_is_a_usage_error()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var missing = Path.Combine(_checkout.Directory, "missing");

        var exit = await NomadGitOpsCli.RunAsync(["validate", missing], stdout, stderr);

        exit.ShouldBe(ExitCodes.Usage);
        stderr.ToString().ShouldContain($"directory {missing} does not exist");
    }

    private static List<string?> Files(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString())];
}
