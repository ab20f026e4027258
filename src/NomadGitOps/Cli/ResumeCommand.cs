using System.CommandLine;

namespace NomadGitOps.Cli;

/// <summary><c>nomad-gitops resume repo|job|receiver NAME</c>: removes <c>suspend</c>, keeping every other item.</summary>
internal static class ResumeCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr) => ObjectActionVerb.ForObject(
        "resume", "Reconcile a suspended object again (removes suspend)", stdout, stderr, (commands, key, ct) => commands.ResumeAsync(key, ct));
}
