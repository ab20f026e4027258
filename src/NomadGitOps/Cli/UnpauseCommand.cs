using System.CommandLine;

namespace NomadGitOps.Cli;

/// <summary><c>nomad-gitops unpause</c>: lifts the controller-wide pause; reconciles held meanwhile run.</summary>
internal static class UnpauseCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr) => ObjectActionVerb.ForController(
        "unpause", "Lift the controller-wide pause", stdout, stderr, (commands, ct) => commands.ResumeControllerAsync(ct));
}
