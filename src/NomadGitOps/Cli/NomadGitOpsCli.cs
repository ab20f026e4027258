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
            RunCommand.Create(stdout, stderr),
            ValidateCommand.Create(stdout, stderr),
        };

    /// <summary>Parses <paramref name="args"/> and runs the verb; returns its exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = RunCommand.TerminationAllowance };
        return Create(stdout, stderr).Parse(args).InvokeAsync(config);
    }
}
