using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NomadGitOps.Cli;

/// <summary><c>nomad-gitops version</c>: prints the version of this build.</summary>
internal static class VersionCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout)
    {
        var output = OutputOption.Create();
        var command = new Command("version", "Print the version of nomad-gitops") { output };
        command.SetAction(parse =>
        {
            var text = parse.GetValue(output) == OutputFormat.Json
                ? JsonSerializer.Serialize(new { version = BuildInfo.Version, runtime = Environment.Version.ToString() }, JsonOptions)
                : $"nomad-gitops {BuildInfo.Version} (.NET {Environment.Version})";
            stdout.WriteLine(text);
            return ExitCodes.Ok;
        });
        return command;
    }
}
