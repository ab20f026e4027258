using NomadGitOps.Cli;

namespace NomadGitOps.Tests.Cli;

public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("validate . --no-such-flag", "nomad-gitops validate --help")]
    [InlineData("validate -o xml", "nomad-gitops validate --help")]
    [InlineData("no-such-verb", "nomad-gitops --help")]
    public async Task A_command_line_that_does_not_parse_is_a_usage_error_with_exit_2_and_says_where_help_is(string line, string help)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await NomadGitOpsCli.RunAsync(line.Split(' '), stdout, stderr);

        exit.ShouldBe(ExitCodes.Usage);
        stderr.ToString().ShouldNotBeEmpty();
        stderr.ToString().ShouldContain($"Run '{help}' for usage.");
    }

    [Fact]
    public async Task Help_is_not_an_error()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await NomadGitOpsCli.RunAsync(["validate", "--help"], stdout, stderr);

        exit.ShouldBe(ExitCodes.Ok);
        stdout.ToString().ShouldContain("validate");
    }
}
