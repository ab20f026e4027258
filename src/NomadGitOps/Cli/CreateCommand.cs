using System.CommandLine;
using Nomad.Client;
using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops create receiver NAME --type T --secret-path P [--repositories a,b] [--events e1,e2]</c>: creates a
/// webhook Receiver (checked by the controller's parser, never overwriting one) and, unless <c>--no-wait</c>, waits for
/// the controller to publish its hook path (<c>status_url</c>) and prints it once.
/// </summary>
internal static class CreateCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var kind = ObjectTarget.KindArgument(ObjectKind.Receiver);
        var name = new Argument<string>("NAME") { Description = "Name of the receiver" };
        var type = new Option<string>("--type") { Description = "github, gitlab, gitea, bitbucket or generic", Required = true };
        var secretPath = new Option<string>("--secret-path") { Description = "Path of the variable whose item \"token\" holds the shared secret", Required = true };
        var repositories = new Option<string?>("--repositories") { Description = "GitRepositories it may trigger, comma-separated (default: all)" };
        var events = new Option<string?>("--events") { Description = "Events it acts on, comma-separated (default per type, e.g. push)" };
        var noWait = new Option<bool>("--no-wait") { Description = "Do not wait for the hook URL" };
        var timeout = new Option<string>("--timeout") { Description = "How long to wait for the hook URL", DefaultValueFactory = _ => "1m" };
        var output = OutputOption.Create();
        var flags = new ObjectFlags();
        var command = new Command("create", "Create a webhook receiver and print its hook URL") { kind, name, type, secretPath, repositories, events, noWait, timeout, output };
        flags.AddTo(command);
        command.SetAction((parse, ct) => flags.RunAsync(parse, stderr, async connection =>
        {
            var key = ObjectTarget.Key(ObjectKind.Receiver, parse.GetValue(name)!, out var error);
            if (key is null || !GoDuration.TryParse(parse.GetValue(timeout), out var limit))
            {
                await stderr.WriteLineAsync(error ?? $"--timeout \"{parse.GetValue(timeout)}\" is not a duration, e.g. \"30s\".").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var items = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [ItemKeys.Type] = parse.GetValue(type)!,
                [ItemKeys.Secret] = parse.GetValue(secretPath)!,
            };
            if (parse.GetValue(repositories) is { Length: > 0 } repos)
            {
                items[ItemKeys.Repositories] = repos;
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
                await stderr.WriteLineAsync($"{key} exists already; it was left as it is ('nomad-gitops get receivers {key.Name}').").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            var json = parse.GetValue(output) == OutputFormat.Json;
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

    private static async Task<string?> WaitForUrlAsync(ObjectConnection connection, ObjectKey key, TimeSpan timeout, TimeProvider clock, CancellationToken ct)
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
                throw new ObjectGoneException($"{key} was deleted while waiting for its hook URL.");
            }

            if (variable.Items?.GetValueOrDefault(ItemKeys.StatusUrl) is { Length: > 0 } url)
            {
                return url;
            }

            index = variable.ModifyIndex;
        }

        return null;
    }
}
