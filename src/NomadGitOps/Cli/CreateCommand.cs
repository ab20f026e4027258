using System.CommandLine;
using Nomad.Client;
using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops create receiver NAME --type T --secret-path P [--repositories a,b] [--events e1,e2]</c>: creates a
/// webhook Receiver (checked by the controller's parser, never overwriting one) and, unless <c>--no-wait</c>, waits for
/// the controller to publish its hook path (<c>status_url</c>) and prints it once.
/// <c>nomad-gitops create alert NAME --type T (--secret-path P | --url URL) [--events …] [--repositories …] [--jobs …]</c>:
/// creates a notification Alert the same way and, unless <c>--no-wait</c>, waits for the controller's verdict on it
/// (<c>status_ready</c>) and prints its message.
/// </summary>
internal static class CreateCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var kind = ObjectTarget.KindArgument(ObjectKind.Receiver, ObjectKind.Alert);
        var name = new Argument<string>("NAME") { Description = "Name of the receiver or alert" };
        var type = new Option<string>("--type") { Description = "receiver: github, gitlab, gitea, bitbucket or generic; alert: slack, discord, teams or generic", Required = true };
        var secretPath = new Option<string?>("--secret-path") { Description = "Path of the variable whose item \"token\" holds the receiver's shared secret, or whose item \"address\" holds the alert's URL (and \"token\" its signing key)" };
        var address = new Option<string?>("--url") { Description = "alert: the webhook URL itself, written to its item \"address\" (prefer --secret-path: chat URLs are credentials)" };
        var repositories = new Option<string?>("--repositories") { Description = "GitRepositories it may trigger or reports, comma-separated (default: all)" };
        var jobs = new Option<string?>("--jobs") { Description = "alert: NomadJobs it reports (namespace/job or job), comma-separated (default: all)" };
        var events = new Option<string?>("--events") { Description = "Events, comma-separated (receiver: default per type, e.g. push; alert: default failed,recovered)" };
        var noWait = new Option<bool>("--no-wait") { Description = "Do not wait for the controller" };
        var timeout = new Option<string>("--timeout") { Description = "How long to wait for the controller", DefaultValueFactory = _ => "1m" };
        var output = OutputOption.Create();
        var flags = new ObjectFlags();
        var command = new Command("create", "Create a webhook receiver (and print its hook URL) or a notification alert")
        {
            kind, name, type, secretPath, address, repositories, jobs, events, noWait, timeout, output,
        };
        flags.AddTo(command);
        command.SetAction((parse, ct) => flags.RunAsync(parse, stderr, async connection =>
        {
            var objectKind = ObjectTarget.Kind(parse.GetValue(kind)!);
            var key = ObjectTarget.Key(objectKind, parse.GetValue(name)!, out var error);
            if (key is null || !GoDuration.TryParse(parse.GetValue(timeout), out var limit))
            {
                await stderr.WriteLineAsync(error ?? $"--timeout \"{parse.GetValue(timeout)}\" is not a duration, e.g. \"30s\".").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (objectKind == ObjectKind.Receiver && (parse.GetValue(address) is not null || parse.GetValue(jobs) is not null || parse.GetValue(secretPath) is null))
            {
                await stderr.WriteLineAsync("A receiver takes --secret-path (required), not --url or --jobs. Run 'nomad-gitops create --help' for usage.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var items = new Dictionary<string, string>(StringComparer.Ordinal) { [ItemKeys.Type] = parse.GetValue(type)! };
            if (parse.GetValue(secretPath) is { Length: > 0 } secret)
            {
                items[ItemKeys.Secret] = secret;
            }

            if (parse.GetValue(address) is { Length: > 0 } addressText)
            {
                items[ItemKeys.Address] = addressText;
            }

            if (parse.GetValue(repositories) is { Length: > 0 } repos)
            {
                items[ItemKeys.Repositories] = repos;
            }

            if (parse.GetValue(jobs) is { Length: > 0 } jobList)
            {
                items[ItemKeys.Jobs] = jobList;
            }

            if (parse.GetValue(events) is { Length: > 0 } eventList)
            {
                items[ItemKeys.Events] = eventList;
            }

            if (SpecCheck.Errors(key, items) is { Count: > 0 } errors)
            {
                foreach (var problem in errors)
                {
                    await stderr.WriteLineAsync(problem.Message).ConfigureAwait(false);
                }

                return ExitCodes.Usage;
            }

            if (!await connection.Store.CreateAsync(key, items, ct).ConfigureAwait(false))
            {
                await stderr.WriteLineAsync($"{key} exists already; it was left as it is ('nomad-gitops get {ObjectTarget.Word(objectKind)}s {key.Name}').").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            var json = parse.GetValue(output) == OutputFormat.Json;
            if (objectKind == ObjectKind.Alert)
            {
                return await AlertCreatedAsync(connection, key, items, json, parse.GetValue(noWait), limit, clock, stdout, stderr, ct).ConfigureAwait(false);
            }

            if (!json)
            {
                await stdout.WriteLineAsync($"Created {key} ({items[ItemKeys.Type]}, secret from {items[ItemKeys.Secret]}).").ConfigureAwait(false);
            }

            string? url = null;
            if (!parse.GetValue(noWait))
            {
                url = await CliConsole.WithProgressAsync(stderr, "Waiting for the controller to publish the hook URL…", _ =>
                    WaitForUrlAsync(connection, key, limit, clock, ct)).ConfigureAwait(false);
            }

            if (json)
            {
                await CliJson.WriteAsync(stdout, new { created = key.ToString(), path = key.ToPath(connection.Options.Prefix), url }).ConfigureAwait(false);
            }
            else if (url is not null)
            {
                await stdout.WriteLineAsync($"Hook URL: <nomad-gitops address>{url}  (POST; set the same secret in the Git host)").ConfigureAwait(false);
            }

            if (url is null && !parse.GetValue(noWait))
            {
                await stderr.WriteLineAsync($"No hook URL within {GoDuration.Format(limit)}: is 'nomad-gitops run' running, and does {items[ItemKeys.Secret]} have an item \"token\"? 'nomad-gitops get receivers' shows it later.").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<int> AlertCreatedAsync(
        ObjectConnection connection, ObjectKey key, Dictionary<string, string> items, bool json, bool noWait, TimeSpan limit, TimeProvider clock,
        TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var where = items.TryGetValue(ItemKeys.Secret, out var secret) ? $"address from {secret}" : "its own address";
        if (!json)
        {
            await stdout.WriteLineAsync($"Created {key} ({items[ItemKeys.Type]}, {where}).").ConfigureAwait(false);
        }

        IReadOnlyDictionary<string, string>? status = null;
        if (!noWait)
        {
            status = await CliConsole.WithProgressAsync(stderr, "Waiting for the controller to check the alert…", _ =>
                WaitForItemAsync(connection, key, ItemKeys.StatusReady, limit, clock, ct)).ConfigureAwait(false);
        }

        var ready = status?.GetValueOrDefault(ItemKeys.StatusReady);
        var message = status?.GetValueOrDefault(ItemKeys.StatusMessage);
        if (json)
        {
            await CliJson.WriteAsync(stdout, new { created = key.ToString(), path = key.ToPath(connection.Options.Prefix), ready, reason = status?.GetValueOrDefault(ItemKeys.StatusReason), message }).ConfigureAwait(false);
        }
        else if (message is not null)
        {
            await stdout.WriteLineAsync($"{ready}: {message}").ConfigureAwait(false);
        }

        if (status is null && !noWait)
        {
            await stderr.WriteLineAsync($"No verdict within {GoDuration.Format(limit)}: is 'nomad-gitops run' running? 'nomad-gitops get alerts' shows it later.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        return ready is null or "True" ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static async Task<string?> WaitForUrlAsync(ObjectConnection connection, ObjectKey key, TimeSpan timeout, TimeProvider clock, CancellationToken ct) =>
        (await WaitForItemAsync(connection, key, ItemKeys.StatusUrl, timeout, clock, ct).ConfigureAwait(false))?.GetValueOrDefault(ItemKeys.StatusUrl);

    // The object's items once it has a non-empty <paramref name="item"/>; null when the time is up.
    private static async Task<IReadOnlyDictionary<string, string>?> WaitForItemAsync(
        ObjectConnection connection, ObjectKey key, string item, TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        var path = key.ToPath(connection.Options.Prefix);
        var deadline = clock.GetUtcNow() + timeout;
        ulong? index = null;
        while (deadline - clock.GetUtcNow() is var remaining && remaining > TimeSpan.Zero)
        {
            var query = new QueryOptions { Namespace = connection.Options.Namespace, Index = index, Wait = index is null ? null : remaining };
            var read = await connection.Nomad.Variables.ReadAsync(path, query, ct).ConfigureAwait(false);
            if (read.Value is not { } variable)
            {
                throw new ObjectGoneException($"{key} was deleted while waiting for the controller.");
            }

            if (variable.Items?.GetValueOrDefault(item) is { Length: > 0 })
            {
                return variable.Items;
            }

            index = variable.ModifyIndex;
        }

        return null;
    }
}
