using System.Text.Json;
using NomadGitOps.Cli;

namespace NomadGitOps.Tests.Cli;

public sealed class VersionCommandTests
{
    [Fact]
    public async Task Version_prints_the_build_version_for_people()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await NomadGitOpsCli.RunAsync(["version"], stdout, stderr);

        exit.ShouldBe(ExitCodes.Ok);
        stdout.ToString().ShouldStartWith($"nomad-gitops {BuildInfo.Version} ");
        BuildInfo.Version.ShouldMatch(@"^\d+\.\d+\.\d+");
    }

    [Fact]
    public async Task Version_with_output_json_prints_only_json()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await NomadGitOpsCli.RunAsync(["version", "-o", "json"], stdout, stderr);

        exit.ShouldBe(ExitCodes.Ok);
        using var doc = JsonDocument.Parse(stdout.ToString());
        doc.RootElement.GetProperty("version").GetString().ShouldBe(BuildInfo.Version);
    }

    [Fact]
    public async Task An_unknown_verb_is_a_usage_error()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await NomadGitOpsCli.RunAsync(["frobnicate"], stdout, stderr);

        exit.ShouldNotBe(ExitCodes.Ok);
        stderr.ToString().ShouldContain("frobnicate");
    }
}
