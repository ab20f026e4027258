using System.Diagnostics;
using System.Text.RegularExpressions;
using Nomad.Client;
using Nomad.Emulator;

namespace NomadGitOps.Tests.Cli;

/// <summary>
/// The built <c>nomad-gitops</c> run as a child process, once on a pseudo-terminal (util-linux <c>script</c>, as a person's
/// shell) and once with its output in a pipe (as a script): colour only on the terminal and never with <c>NO_COLOR</c>,
/// and in a pipe the plain table alone.
/// </summary>
public sealed partial class TerminalOutputTests : IAsyncLifetime
{
    private NomadEmulator _nomad = null!;

    public async ValueTask InitializeAsync()
    {
        _nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), TestContext.Current.CancellationToken);
        using var client = new NomadClient(new NomadClientOptions { Address = _nomad.Address.ToString() });
        var repository = new Variable
        {
            Path = "nomad-gitops/v1/gitrepository/apps",
            Items = new Dictionary<string, string>
            {
                ["url"] = "https://git.example.com/apps.git",
                ["status_ready"] = "True",
                ["status_reason"] = "Succeeded",
                ["status_message"] = "Fetched 0123456789ab",
            },
        };
        (await client.Variables.PutAsync(repository, ct: TestContext.Current.CancellationToken)).ShouldBeOfType<VariableWriteResult.Written>();
    }

    public ValueTask DisposeAsync() => _nomad.DisposeAsync();

    [Fact]
    public async Task On_a_terminal_ready_is_coloured_and_NO_COLOR_turns_colour_off()
    {
        var coloured = await RunOnTerminalAsync(noColor: false);
        var plain = await RunOnTerminalAsync(noColor: true);

        coloured.ShouldContain("apps");
        ColourCode().IsMatch(coloured).ShouldBeTrue($"a colour escape on the terminal:\n{Visible(coloured)}");
        plain.ShouldContain("apps");
        ColourCode().IsMatch(plain).ShouldBeFalse($"no colour with NO_COLOR:\n{Visible(plain)}");
    }

    [Fact]
    public async Task In_a_pipe_get_prints_the_plain_table_alone()
    {
        var start = Start("nomad-gitops.dll");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment.Remove("NO_COLOR");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        process.ExitCode.ShouldBe(0, await stderr);
        (await stderr).ShouldBeEmpty();
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2, await stdout);
        lines[0].ShouldStartWith("NAME");
        lines[1].ShouldStartWith("apps");
        lines[1].ShouldContain("True");
        (await stdout).ShouldNotContain("\u001b");
    }

    private async Task<string> RunOnTerminalAsync(bool noColor)
    {
        // script(1) gives the child a pseudo-terminal and copies what it prints to our stdout.
        var inner = Start("nomad-gitops.dll");
        var command = string.Join(' ', new[] { inner.FileName }.Concat(inner.ArgumentList).Select(Quote));
        var start = new ProcessStartInfo("script", ["-qec", command, "/dev/null"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["TERM"] = "xterm-256color";
        start.Environment["COLUMNS"] = "160";
        start.Environment.Remove("NO_COLOR");
        start.Environment.Remove("CI");
        if (noColor)
        {
            start.Environment["NO_COLOR"] = "1";
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, $"{await stdout}\n{await stderr}");
        return await stdout;
    }

    private ProcessStartInfo Start(string dll) =>
        new(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [Path.Combine(AppContext.BaseDirectory, dll), "get", "repos", "--address", _nomad.Address.ToString()]);

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Visible(string text) => text.Replace("\u001b", "\\e", StringComparison.Ordinal);

    // An SGR sequence that sets a foreground colour: 30-37, 90-97, or 38;5;n / 38;2;r;g;b.
    [GeneratedRegex(@"\u001b\[(?:[0-9]+;)*(?:3[0-7]|9[0-7]|38;[25];[0-9;]+)m")]
    private static partial Regex ColourCode();
}
