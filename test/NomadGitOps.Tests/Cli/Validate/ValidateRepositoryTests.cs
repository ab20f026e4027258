using System.Text.Json;
using NomadGitOps.Cli;

namespace NomadGitOps.Tests.Cli.Validate;

public sealed class ValidateRepositoryTests : IDisposable
{
    private readonly ValidateCheckout _checkout = new();

    public void Dispose() => _checkout.Dispose();

    [Fact]
    public async Task Repository_as_nomad_var_get_prints_it_gives_path_include_namespace_variables_and_var_files()
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
        _checkout.WithFile("deploy/web.hcl", job)
            .WithFile("deploy/ignored.nomad.hcl", "not HCL {")
            .WithFile("vars/prod.hcl", "image = \"nginx:1.27\"\n")
            .WithFile("repo.json", """
                {
                  "Namespace": "default",
                  "Path": "nomad-gitops/v1/gitrepository/apps",
                  "CreateIndex": 12,
                  "Items": {
                    "url": "https://git.example.com/apps.git",
                    "branch": "main",
                    "path": "deploy",
                    "include": "^web\\.hcl$",
                    "namespace": "apps",
                    "variables": "replicas = 2\n",
                    "var_files": "vars/prod.hcl",
                    "status_ready": "True"
                  }
                }
                """);

        var (exit, stdout, stderr) = await _checkout.ValidateAsync("--repository", Path.Combine(_checkout.Directory, "repo.json"), "-o", "json");

        exit.ShouldBe(ExitCodes.Ok, stdout + stderr);
        var file = JsonDocument.Parse(stdout).RootElement.GetProperty("files").EnumerateArray().ShouldHaveSingleItem();
        file.GetProperty("file").GetString().ShouldBe("deploy/web.hcl");
        file.GetProperty("namespace").GetString().ShouldBe("apps");
    }

    [Fact]
    public async Task Repository_as_key_value_lines_is_read_and_flags_win_over_its_items()
    {
        _checkout.WithFile("jobs/web.nomad.hcl", ValidateCheckout.Job("web"))
            .WithFile("other/api.nomad.hcl", ValidateCheckout.Job("api"))
            .WithFile("repo.txt", "# the apps repository\nurl=https://git.example.com/apps.git\npath=jobs\nnamespace=apps\n");
        var repository = Path.Combine(_checkout.Directory, "repo.txt");

        var fromFile = await _checkout.ValidateAsync("--repository", repository, "-o", "json");
        var overridden = await _checkout.ValidateAsync("--repository", repository, "--path", "other", "-o", "json");

        fromFile.Exit.ShouldBe(ExitCodes.Ok, fromFile.Stdout + fromFile.Stderr);
        var web = JsonDocument.Parse(fromFile.Stdout).RootElement.GetProperty("files").EnumerateArray().ShouldHaveSingleItem();
        web.GetProperty("file").GetString().ShouldBe("jobs/web.nomad.hcl");
        web.GetProperty("namespace").GetString().ShouldBe("apps");
        overridden.Exit.ShouldBe(ExitCodes.Ok);
        JsonDocument.Parse(overridden.Stdout).RootElement.GetProperty("files")[0].GetProperty("file").GetString().ShouldBe("other/api.nomad.hcl");
    }

    [Fact]
    public async Task A_var_file_the_repository_lists_but_the_checkout_lacks_fails_the_hcl_jobs()
    {
        _checkout.WithFile("web.nomad.hcl", ValidateCheckout.Job("web"))
            .WithFile("repo.txt", "url=https://git.example.com/apps.git\nvar_files=vars/missing.hcl\n");

        var (exit, stdout, _) = await _checkout.ValidateAsync("--repository", Path.Combine(_checkout.Directory, "repo.txt"));

        exit.ShouldBe(ExitCodes.Failed);
        stdout.ShouldContain("Var file vars/missing.hcl (item var_files) does not exist");
    }

    [Fact]
    public async Task A_repository_object_with_an_unknown_item_is_a_usage_error_naming_the_file()
    {
        _checkout.WithFile("web.nomad.hcl", ValidateCheckout.Job("web")).WithFile("repo.txt", "url=https://git.example.com/apps.git\nincldue=x\n");
        var repository = Path.Combine(_checkout.Directory, "repo.txt");

        var (exit, _, stderr) = await _checkout.ValidateAsync("--repository", repository);

        exit.ShouldBe(ExitCodes.Usage);
        stderr.ShouldContain($"--repository {repository}: item \"incldue\" is not a known item: did you mean \"include\"?");
    }

    [Theory]
    [InlineData("a JSON item that is not a string", "{\"Items\": {\"prune\": true}}", "item \"prune\" is not a string")]
    [InlineData("a line without '='", "url https://x", "line 1 is \"url https://x\", not key=value")]
    public void Unreadable_repository_files_say_why(string because, string text, string problem)
    {
        var (items, message) = ValidateRepositoryFile.Parse(text);

        items.ShouldBeNull(because);
        message.ShouldNotBeNull().ShouldContain(problem);
    }
}
