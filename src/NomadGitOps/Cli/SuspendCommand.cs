using System.CommandLine;

namespace NomadGitOps.Cli;

/// <summary><c>nomad-gitops suspend repo|job|receiver NAME</c>: sets <c>suspend=true</c>, keeping every other item.</summary>
internal static class SuspendCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr) => ObjectActionVerb.ForObject(
        "suspend", "Stop reconciling an object (sets suspend=true)", stdout, stderr, (commands, key, ct) => commands.SuspendAsync(key, ct));
}
