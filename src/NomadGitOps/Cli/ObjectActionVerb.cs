using System.CommandLine;
using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>
/// The shape shared by <c>suspend</c>, <c>resume</c>, <c>pause</c> and <c>unpause</c>: one <see cref="ObjectCommands"/>
/// action, its sentence on stdout (or <c>{"object", "outcome", "message"}</c> with <c>-o json</c>), exit 1 when the object
/// does not exist.
/// </summary>
internal static class ObjectActionVerb
{
    /// <summary>A verb taking <c>KIND NAME</c> of a repository or a job.</summary>
    public static Command ForObject(
        string verb, string description, TextWriter stdout, TextWriter stderr,
        Func<ObjectCommands, ObjectKey, CancellationToken, Task<ObjectCommandResult>> action)
    {
        var kind = ObjectTarget.KindArgument(ObjectKind.GitRepository, ObjectKind.NomadJob, ObjectKind.Receiver, ObjectKind.Alert);
        var name = new Argument<string>("NAME") { Description = "The object's name (a job as NAMESPACE/JOB; JOB alone: namespace default)" };
        var output = OutputOption.Create();
        var flags = new ObjectFlags();
        var command = new Command(verb, description) { kind, name, output };
        flags.AddTo(command);
        command.SetAction((parse, ct) => flags.RunAsync(parse, stderr, async connection =>
        {
            var key = ObjectTarget.Key(ObjectTarget.Kind(parse.GetValue(kind)!), parse.GetValue(name)!, out var error);
            if (key is null)
            {
                await stderr.WriteLineAsync(error).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var result = await action(connection.Commands, key, ct).ConfigureAwait(false);
            return await PrintAsync(stdout, stderr, parse.GetValue(output), key.ToString(), result).ConfigureAwait(false);
        }));
        return command;
    }

    /// <summary>A verb on the controller-wide pause.</summary>
    public static Command ForController(
        string verb, string description, TextWriter stdout, TextWriter stderr,
        Func<ObjectCommands, CancellationToken, Task<ObjectCommandResult>> action)
    {
        var output = OutputOption.Create();
        var flags = new ObjectFlags();
        var command = new Command(verb, description) { output };
        flags.AddTo(command);
        command.SetAction((parse, ct) => flags.RunAsync(parse, stderr, async connection =>
        {
            var result = await action(connection.Commands, ct).ConfigureAwait(false);
            return await PrintAsync(stdout, stderr, parse.GetValue(output), "controller", result).ConfigureAwait(false);
        }));
        return command;
    }

    private static async Task<int> PrintAsync(TextWriter stdout, TextWriter stderr, OutputFormat format, string subject, ObjectCommandResult result)
    {
        var exit = result.Outcome == ObjectCommandOutcome.NotFound ? ExitCodes.Failed : ExitCodes.Ok;
        if (format == OutputFormat.Json)
        {
            await CliJson.WriteAsync(stdout, new
            {
                @object = subject,
                path = result.Path,
                outcome = result.Outcome switch
                {
                    ObjectCommandOutcome.Written => "written",
                    ObjectCommandOutcome.Unchanged => "unchanged",
                    _ => "not-found",
                },
                message = result.Message,
            }).ConfigureAwait(false);
        }
        else
        {
            await (exit == ExitCodes.Ok ? stdout : stderr).WriteLineAsync(result.Message).ConfigureAwait(false);
        }

        return exit;
    }
}
