using System.CommandLine;

namespace NomadGitOps.Cli;

/// <summary>The <c>nomad-gitops</c> command line: one verb per file in this folder.</summary>
internal static class NomadGitOpsCli
{
    /// <summary>Builds the command tree.</summary>
    public static RootCommand Create(TextWriter stdout, TextWriter stderr) =>
        new("nomad-gitops: GitOps for HashiCorp Nomad")
        {
            VersionCommand.Create(stdout),
            DevCommand.Create(stdout, stderr),
            CheckCommand.Create(stdout),
            PolicyCommand.Create(stdout, stderr),
            InstallCommand.Create(stdout, stderr),
            UninstallCommand.Create(stdout, stderr),
            RunCommand.Create(stdout, stderr),
            ValidateCommand.Create(stdout, stderr),
            GetCommand.Create(stdout, stderr, TimeProvider.System),
            ReconcileCommand.Create(stdout, stderr, TimeProvider.System),
            SuspendCommand.Create(stdout, stderr),
            ResumeCommand.Create(stdout, stderr),
            PauseCommand.Create(stdout, stderr),
            UnpauseCommand.Create(stdout, stderr),
            ApplyCommand.Create(stdout, stderr),
            DeleteCommand.Create(stdout, stderr),
            BootstrapCommand.Create(stdout, stderr),
            CreateCommand.Create(stdout, stderr, TimeProvider.System),
            RestartCommand.Create(stdout, stderr, TimeProvider.System),
            DiffCommand.Create(stdout, stderr),
        };

    /// <summary>
    /// Parses <paramref name="args"/> and runs the verb; returns its exit code. A command line that does not parse
    /// (unknown verb or flag, missing value) is a usage error, exit 2, never confused with a verb's own failure (1).
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = Create(stdout, stderr).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine(error.Message);
            }

            stderr.WriteLine($"Run '{CommandName(parsed)} --help' for usage.");
            return Task.FromResult(ExitCodes.Usage);
        }

        var config = new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = RunCommand.TerminationAllowance };
        return parsed.InvokeAsync(config);
    }

    private static string CommandName(ParseResult parsed) =>
        parsed.CommandResult.Command is RootCommand ? "nomad-gitops" : $"nomad-gitops {parsed.CommandResult.Command.Name}";
}
