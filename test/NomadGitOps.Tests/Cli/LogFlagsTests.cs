using System.CommandLine;
using NomadGitOps.Cli;

namespace NomadGitOps.Tests.Cli;

public sealed class LogFlagsTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("dev")]
    public void Run_and_dev_take_log_format_and_log_level(string verb)
    {
        var root = new RootCommand { RunCommand.Create(TextWriter.Null, TextWriter.Null), DevCommand.Create(TextWriter.Null, TextWriter.Null) };

        var parse = root.Parse([verb, "--log-format", "json", "--log-level", "debug"]);

        parse.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_refuses_an_unknown_log_format_or_level_with_a_usage_exit_before_contacting_nomad()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var root = new RootCommand { RunCommand.Create(stdout, stderr) };

        var exit = await root.Parse(["run", "--once", "--log-format", "xml", "--log-level", "loud", "--address", "http://127.0.0.1:1"])
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, TestContext.Current.CancellationToken);

        exit.ShouldBe(ExitCodes.Usage);
        stderr.ToString().ShouldContain("--log-format \"xml\" is not a log format");
        stderr.ToString().ShouldContain("--log-level \"loud\" is not a log level");
        stdout.ToString().ShouldBeEmpty();
    }
}
