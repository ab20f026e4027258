using System.CommandLine;

namespace NomadGitOps.Cli;

/// <summary><c>nomad-gitops pause</c>: the controller-wide pause (<c>suspend=true</c> on <c>&lt;prefix&gt;/controller</c>).</summary>
internal static class PauseCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr) => ObjectActionVerb.ForController(
        "pause", "Pause the whole controller: no object is reconciled until unpause", stdout, stderr, (commands, ct) => commands.PauseControllerAsync(ct));
}
