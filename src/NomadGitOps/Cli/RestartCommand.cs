using System.CommandLine;
using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops restart job NAMESPACE/JOB</c>: restarts every running allocation of the job in place (as
/// <c>nomad job restart</c> does by default), without a Git change or a new job version, and records it on the
/// NomadJob (<c>status_last_restart_at</c>, <c>status_last_restart</c>). <c>--group</c> and <c>--task</c> narrow it and
/// <c>--reschedule</c> stops the allocations for the scheduler to replace, as <c>nomad job restart</c>'s flags do. Exit 1
/// when the object does not exist, its job is not in Nomad, or it cannot be rescheduled. See docs/cli.md.
/// </summary>
internal static class RestartCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var kind = ObjectTarget.KindArgument(ObjectKind.NomadJob);
        var name = new Argument<string>("NAME") { Description = "The NomadJob as NAMESPACE/JOB (JOB alone: namespace default)" };
        var output = OutputOption.Create();
        var reschedule = new Option<bool>("--reschedule") { Description = "Stop the allocations so the scheduler places new ones, instead of restarting them in place (not with --task)" };
        var groups = new Option<string[]>("--group") { Description = "Only allocations of this task group (repeatable)", DefaultValueFactory = _ => [] };
        var tasks = new Option<string[]>("--task") { Description = "Restart only this task, in the allocations that have it (repeatable)", DefaultValueFactory = _ => [] };
        var flags = new ObjectFlags();
        var command = new Command("restart", "Restart a job's allocations in place, without a Git change (recorded in the NomadJob's status)") { kind, name, output, reschedule, groups, tasks };
        flags.AddTo(command);
        command.SetAction((parse, ct) => flags.RunAsync(parse, stderr, async connection =>
        {
            var key = ObjectTarget.Key(ObjectKind.NomadJob, parse.GetValue(name)!, out var error);
            if (key is null)
            {
                await stderr.WriteLineAsync(error).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var options = new JobRestartOptions(parse.GetValue(reschedule), [.. parse.GetValue(groups)!.Distinct(StringComparer.Ordinal)], [.. parse.GetValue(tasks)!.Distinct(StringComparer.Ordinal)]);
            if (options.Validate() is { } invalid)
            {
                await stderr.WriteLineAsync(invalid).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var result = await new JobRestart(connection.Nomad, connection.Store, clock).RunAsync(key, options, ct).ConfigureAwait(false);
            var ok = result.Found && result.JobVersion is not null && !result.Refused;
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
                    outcome = !result.Found ? "not-found" : result.Refused ? "refused" : ok ? (options.Reschedule ? "rescheduled" : "restarted") : "job-not-in-nomad",
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
