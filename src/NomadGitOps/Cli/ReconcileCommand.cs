using System.CommandLine;
using Nomad.Client;
using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops reconcile repo|job NAME [--with-source] [--no-wait] [--timeout 2m]</c>: writes
/// <c>reconcile_requested_at</c> (keeping every other item), waits until the controller records that value in
/// <c>status_last_handled_reconcile_at</c>, prints the result, and exits 1 when the object is not ready afterwards,
/// suspended, paused controller-wide, or not handled in time. <c>--with-source</c> first does the same to a job's repository.
/// </summary>
internal static class ReconcileCommand
{
    /// <summary>How long to wait when <c>--timeout</c> is not given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var kind = ObjectTarget.KindArgument(ObjectKind.GitRepository, ObjectKind.NomadJob);
        var name = new Argument<string>("NAME") { Description = "The repository, or the job as NAMESPACE/JOB (JOB alone: namespace default)" };
        var withSource = new Option<bool>("--with-source") { Description = "For a job: reconcile its GitRepository first (fetch now), then the job" };
        var noWait = new Option<bool>("--no-wait") { Description = "Only request the reconcile; do not wait for the result" };
        var timeout = new Option<string>("--timeout") { Description = "How long to wait for the controller, e.g. 30s, 5m", DefaultValueFactory = _ => "2m" };
        var output = OutputOption.Create();
        var flags = new ObjectFlags();
        var command = new Command("reconcile", "Reconcile an object now and wait for the result") { kind, name, withSource, noWait, timeout, output };
        flags.AddTo(command);
        command.SetAction((parse, ct) => flags.RunAsync(parse, stderr, async connection =>
        {
            var key = ObjectTarget.Key(ObjectTarget.Kind(parse.GetValue(kind)!), parse.GetValue(name)!, out var error);
            if (key is null || !GoDuration.TryParse(parse.GetValue(timeout)!, out var limit) || limit <= TimeSpan.Zero)
            {
                await stderr.WriteLineAsync(error ?? $"--timeout \"{parse.GetValue(timeout)}\" is not a duration: write it as Nomad does, e.g. \"30s\", \"2m\".").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var run = new Run(connection, stdout, stderr, clock, parse.GetValue(output), parse.GetValue(noWait), limit);
            if (parse.GetValue(withSource) && key.Kind == ObjectKind.NomadJob)
            {
                var job = await connection.Store.ReadAsync(key, ct).ConfigureAwait(false);
                if (job?.Items.GetValueOrDefault(ItemKeys.Repository) is { Length: > 0 } repository)
                {
                    var source = await run.ReconcileAsync(ObjectKey.GitRepository(repository), quiet: true, ct).ConfigureAwait(false);
                    if (source != ExitCodes.Ok)
                    {
                        return source;
                    }
                }
            }

            return await run.ReconcileAsync(key, quiet: false, ct).ConfigureAwait(false);
        }));
        return command;
    }

    private sealed record Run(
        ObjectConnection Connection, TextWriter Stdout, TextWriter Stderr, TimeProvider Clock, OutputFormat Format, bool NoWait, TimeSpan Timeout)
    {
        public async Task<int> ReconcileAsync(ObjectKey key, bool quiet, CancellationToken ct)
        {
            var current = await Connection.Store.ReadAsync(key, ct).ConfigureAwait(false);
            if (current is not null && IsTrue(current.Items.GetValueOrDefault(ItemKeys.Suspend)))
            {
                await Stderr.WriteLineAsync($"{key} is suspended: nothing reconciles it. Run 'nomad-gitops resume {ObjectTarget.Word(key.Kind)} {ObjectTarget.DisplayName(key)}' first.").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            if (current is not null && await Connection.Commands.IsControllerPausedAsync(ct).ConfigureAwait(false))
            {
                await Stderr.WriteLineAsync($"The controller is paused ({ObjectKey.ControllerPath(Connection.Options.Prefix)} has suspend=true): nothing is reconciled. Run 'nomad-gitops unpause' first.").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            var request = await Connection.Commands.RequestReconcileAsync(key, ct).ConfigureAwait(false);
            if (request.Outcome == ObjectCommandOutcome.NotFound)
            {
                await Stderr.WriteLineAsync(request.Message).ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            if (NoWait)
            {
                await Print(key, request.RequestedAt!, handled: null, quiet).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            IReadOnlyDictionary<string, string>? handled;
            try
            {
                handled = await CliConsole.WithProgressAsync(
                    Stderr,
                    $"Waiting for the controller to reconcile {key}…",
                    _ => ReconcileWaiter.WaitAsync(Connection, key, request.RequestedAt!, Timeout, Clock, ct)).ConfigureAwait(false);
            }
            catch (ObjectGoneException e)
            {
                await Stderr.WriteLineAsync(e.Message).ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            if (handled is null)
            {
                await Stderr.WriteLineAsync(
                    $"{key} was not reconciled within {GoDuration.Format(Timeout)}: is 'nomad-gitops run' running against this Nomad (prefix {Connection.Options.Prefix})? The request stays and is handled when it runs.")
                    .ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            await Print(key, request.RequestedAt!, handled, quiet).ConfigureAwait(false);
            return handled.GetValueOrDefault(ItemKeys.StatusReady) == "False" ? ExitCodes.Failed : ExitCodes.Ok;
        }

        private async Task Print(ObjectKey key, string requestedAt, IReadOnlyDictionary<string, string>? handled, bool quiet)
        {
            if (Format == OutputFormat.Json)
            {
                if (!quiet)
                {
                    await CliJson.WriteAsync(Stdout, new
                    {
                        kind = ObjectTarget.Word(key.Kind),
                        name = key.Name,
                        @namespace = key.Kind == ObjectKind.NomadJob ? key.Namespace : null,
                        requestedAt,
                        handled = handled is not null,
                        ready = handled?.GetValueOrDefault(ItemKeys.StatusReady),
                        reason = handled?.GetValueOrDefault(ItemKeys.StatusReason),
                        message = handled?.GetValueOrDefault(ItemKeys.StatusMessage),
                        revision = handled?.GetValueOrDefault(key.Kind == ObjectKind.NomadJob ? ItemKeys.StatusLastAppliedCommit : ItemKeys.StatusCurrentCommit),
                    }).ConfigureAwait(false);
                }

                return;
            }

            if (handled is null)
            {
                await Stdout.WriteLineAsync($"Reconcile of {key} requested at {requestedAt}.").ConfigureAwait(false);
                return;
            }

            var ready = handled.GetValueOrDefault(ItemKeys.StatusReady) ?? "Unknown";
            var reason = handled.GetValueOrDefault(ItemKeys.StatusReason) ?? "-";
            var message = handled.GetValueOrDefault(ItemKeys.StatusMessage) ?? "";
            var mark = ready switch { "True" => "✔", "False" => "✗", _ => "…" };
            await Stdout.WriteLineAsync($"{mark} {key} reconciled: ready={ready} reason={reason}").ConfigureAwait(false);
            if (message.Length > 0)
            {
                await Stdout.WriteLineAsync("  " + message.Replace("\n", "\n  ", StringComparison.Ordinal)).ConfigureAwait(false);
            }
        }

        private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.Ordinal);
    }
}
