using System.CommandLine;
using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops restart job NAMESPACE/JOB</c>: restarts every running allocation of the job in place (as
/// <c>nomad job restart</c> does by default), without a Git change or a new job version, and records it on the
/// NomadJob (<c>status_last_restart_at</c>, <c>status_last_restart</c>). Exit 1 when the object does not exist or
/// its job is not in Nomad. See docs/cli.md.
/// </summary>
internal static class RestartCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var kind = ObjectTarget.KindArgument(ObjectKind.NomadJob);
        var name = new Argument<string>("NAME") { Description = "The NomadJob as NAMESPACE/JOB (JOB alone: namespace default)" };
        var output = OutputOption.Create();
        var flags = new ObjectFlags();
        var command = new Command("restart", "Restart a job's allocations in place, without a Git change (recorded in the NomadJob's status)") { kind, name, output };
        flags.AddTo(command);
        command.SetAction((parse, ct) => flags.RunAsync(parse, stderr, async connection =>
        {
            var key = ObjectTarget.Key(ObjectKind.NomadJob, parse.GetValue(name)!, out var error);
            if (key is null)
            {
                await stderr.WriteLineAsync(error).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var result = await new JobRestart(connection.Nomad, connection.Store, clock).RunAsync(key, ct).ConfigureAwait(false);
            var ok = result.Found && result.JobVersion is not null;
            if (parse.GetValue(output) == OutputFormat.Json)
            {
                await CliJson.WriteAsync(stdout, new
                {
                    @object = key.ToString(),
                    job = result.JobId,
                    @namespace = result.Namespace,
                    version = result.JobVersion,
                    restarted = result.Restarted,
                    at = result.At.Length > 0 ? result.At : null,
                    outcome = !result.Found ? "not-found" : ok ? "restarted" : "job-not-in-nomad",
                    message = result.Message,
                }).ConfigureAwait(false);
            }
            else if (ok)
            {
                await stdout.WriteLineAsync($"{key}: {result.Message} (recorded at {result.At}).").ConfigureAwait(false);
                foreach (var id in result.Restarted)
                {
                    await stdout.WriteLineAsync($"  {id}").ConfigureAwait(false);
                }
            }
            else
            {
                await stderr.WriteLineAsync(result.Message).ConfigureAwait(false);
            }

            return ok ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }
}
