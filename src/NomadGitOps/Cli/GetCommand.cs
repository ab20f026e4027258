using System.CommandLine;
using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops get repos|jobs|receivers|alerts [NAME] [-o json] [--watch]</c>: the objects and their status, read straight
/// from Nomad's variables; <c>--watch</c> prints them again whenever one changes (a blocking query, no polling).
/// </summary>
internal static class GetCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var kind = ObjectTarget.KindArgument(ObjectKind.GitRepository, ObjectKind.NomadJob, ObjectKind.Receiver, ObjectKind.Alert);
        var name = new Argument<string?>("NAME") { Description = "One object (a job as NAMESPACE/JOB); all when left out", Arity = ArgumentArity.ZeroOrOne };
        var output = OutputOption.Create();
        var watch = new Option<bool>("--watch", "-w") { Description = "Print again whenever an object changes, until Ctrl-C" };
        var flags = new ObjectFlags();
        var command = new Command("get", "Show objects with their status: name, ready, reason, revision, message, age") { kind, name, output, watch };
        flags.AddTo(command);
        command.SetAction((parse, ct) => flags.RunAsync(parse, stderr, async connection =>
        {
            var objectKind = ObjectTarget.Kind(parse.GetValue(kind)!);
            var format = parse.GetValue(output);
            ObjectKey? only = null;
            if (parse.GetValue(name) is { } text)
            {
                only = ObjectTarget.Key(objectKind, text, out var error);
                if (only is null)
                {
                    await stderr.WriteLineAsync(error).ConfigureAwait(false);
                    return ExitCodes.Usage;
                }
            }

            ulong? index = null;
            var first = true;
            try
            {
                do
                {
                    var (views, lastIndex) = await ObjectView.ListAsync(connection, objectKind, index, ct).ConfigureAwait(false);
                    if (!first && lastIndex == index)
                    {
                        continue;
                    }

                    index = lastIndex;
                    if (only is not null)
                    {
                        views = [.. views.Where(v => v.Key == only)];
                        if (views.Count == 0)
                        {
                            await stderr.WriteLineAsync($"{only} does not exist: list them with 'nomad-gitops get {ObjectTarget.Word(objectKind)}s'.").ConfigureAwait(false);
                            return ExitCodes.Failed;
                        }
                    }

                    await PrintAsync(stdout, views, format, objectKind, first, clock.GetUtcNow()).ConfigureAwait(false);
                    first = false;
                }
                while (parse.GetValue(watch) && !ct.IsCancellationRequested);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested && !first)
            {
                // Ctrl-C ends --watch; what was printed stands.
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task PrintAsync(TextWriter stdout, IReadOnlyList<ObjectView> views, OutputFormat format, ObjectKind kind, bool first, DateTimeOffset now)
    {
        if (format == OutputFormat.Json)
        {
            // One document per line set: the first list, then one per change under --watch.
            await CliJson.WriteAsync(stdout, new { items = views.Select(v => v.ToJson(now)) }).ConfigureAwait(false);
            return;
        }

        if (!first)
        {
            await stdout.WriteLineAsync().ConfigureAwait(false);
        }

        if (views.Count == 0)
        {
            await stdout.WriteLineAsync($"No {ObjectTarget.Word(kind)} objects.").ConfigureAwait(false);
            return;
        }

        CliTable.Write(stdout, ObjectView.Header, views.Select(v => v.Row(now)), (column, value) => column == 1 ? CliTable.Ready(value) : null);
    }
}
