using NomadGitOps.Cli;

namespace NomadGitOps.Tests.Cli.Objects;

public sealed class ObjectVerbHelpTests
{
    [Theory]
    [InlineData("get", "--watch")]
    [InlineData("reconcile", "--with-source")]
    [InlineData("suspend", "repo|job|receiver")]
    [InlineData("resume", "repo|job|receiver")]
    [InlineData("pause", "--output")]
    [InlineData("unpause", "--output")]
    [InlineData("apply", "--filename")]
    [InlineData("delete", "--prune")]
    [InlineData("bootstrap", "--url")]
    [InlineData("create", "--secret-path")]
    [InlineData("diff", "--controller-name")]
    [InlineData("restart", "--output")]
    public async Task Every_object_verb_has_help_naming_its_flags_and_the_connection_flags(string verb, string flag)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await NomadGitOpsCli.RunAsync([verb, "--help"], stdout, stderr);

        exit.ShouldBe(ExitCodes.Ok);
        stdout.ToString().ShouldContain(flag);
        stdout.ToString().ShouldContain("--address");
        stdout.ToString().ShouldContain("--token");
    }

    [Theory]
    [InlineData("reconcile repo")]
    [InlineData("suspend")]
    [InlineData("delete job")]
    [InlineData("bootstrap")]
    [InlineData("create receiver hook --type github")]
    [InlineData("apply")]
    public async Task A_verb_missing_its_arguments_is_a_usage_error(string line)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await NomadGitOpsCli.RunAsync(line.Split(' '), stdout, stderr);

        exit.ShouldBe(ExitCodes.Usage);
        stderr.ToString().ShouldContain("--help");
    }
}
