using System.CommandLine;
using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops delete repo|job|receiver|alert NAME [--prune]</c>: deletes the object's variable (CAS on what was read).
/// Without <c>--prune</c> running jobs are left alone and the controllers do what they do with a deleted object
/// (docs/controller-index.md). With <c>--prune</c> a job's Nomad job is stopped too, when its meta
/// (<c>gitops_object</c>) names the deleted object; a repository's NomadJobs made by the index go the same way first.
/// </summary>
internal static class DeleteCommand
{
    private const int MaxConflictRetries = 5;

    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var kind = ObjectTarget.KindArgument(ObjectKind.GitRepository, ObjectKind.NomadJob, ObjectKind.Receiver, ObjectKind.Alert);
        var name = new Argument<string>("NAME") { Description = "The object's name (a job as NAMESPACE/JOB; JOB alone: namespace default)" };
        var prune = new Option<bool>("--prune") { Description = "Also stop the Nomad jobs the object deployed (a repository: every job its index made)" };
        var output = OutputOption.Create();
        var flags = new ObjectFlags();
        var command = new Command("delete", "Delete an object (and with --prune, stop the jobs it deployed)") { kind, name, prune, output };
        flags.AddTo(command);
        command.SetAction((parse, ct) => flags.RunAsync(parse, stderr, async connection =>
        {
            var key = ObjectTarget.Key(ObjectTarget.Kind(parse.GetValue(kind)!), parse.GetValue(name)!, out var error);
            if (key is null)
            {
                await stderr.WriteLineAsync(error).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var deleted = new List<string>();
            var stopped = new List<string>();
            if (parse.GetValue(prune) && key.Kind == ObjectKind.GitRepository
                && await connection.Store.ReadAsync(key, ct).ConfigureAwait(false) is not null)
            {
                var (jobs, _) = await connection.Store.ListAsync(ObjectKind.NomadJob, null, null, ct).ConfigureAwait(false);
                foreach (var (jobKey, _) in jobs)
                {
                    var job = await connection.Store.ReadAsync(jobKey, ct).ConfigureAwait(false);
                    if (job is not null && job.Items.GetValueOrDefault(ItemKeys.Repository) == key.Name
                        && job.Items.GetValueOrDefault(ItemKeys.ManagedBy) == NomadJobSpec.ManagedByIndex
                        && await DeleteObjectAsync(connection.Store, jobKey, ct).ConfigureAwait(false))
                    {
                        deleted.Add(jobKey.ToString());
                        await StopJobAsync(connection, jobKey, stopped, ct).ConfigureAwait(false);
                    }
                }
            }

            if (!await DeleteObjectAsync(connection.Store, key, ct).ConfigureAwait(false))
            {
                await stderr.WriteLineAsync($"{key} does not exist (no variable at {key.ToPath(connection.Options.Prefix)}).").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            deleted.Insert(0, key.ToString());
            if (parse.GetValue(prune) && key.Kind == ObjectKind.NomadJob)
            {
                await StopJobAsync(connection, key, stopped, ct).ConfigureAwait(false);
            }

            if (parse.GetValue(output) == OutputFormat.Json)
            {
                await CliJson.WriteAsync(stdout, new { deleted, stopped }).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            foreach (var gone in deleted)
            {
                await stdout.WriteLineAsync($"Deleted {gone}.").ConfigureAwait(false);
            }

            foreach (var job in stopped)
            {
                await stdout.WriteLineAsync($"Stopped Nomad job {job}.").ConfigureAwait(false);
            }

            if (!parse.GetValue(prune) && key.Kind is not (ObjectKind.Receiver or ObjectKind.Alert))
            {
                await stdout.WriteLineAsync("Running jobs were left alone; use --prune to stop the ones this object deployed.").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Deletes the object at the index read; on a conflict reads again. False when it does not exist.</summary>
    private static async Task<bool> DeleteObjectAsync(ObjectStore store, ObjectKey key, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            if (await store.ReadAsync(key, ct).ConfigureAwait(false) is not { } current)
            {
                return false;
            }

            if (await store.DeleteAsync(key, current.ModifyIndex, ct).ConfigureAwait(false))
            {
                return true;
            }
        }

        throw new InvalidOperationException($"{key} changed {MaxConflictRetries} times in a row while deleting it; try again.");
    }

    /// <summary>Stops (deregisters, not purges) the job of <paramref name="key"/> when its meta names that object.</summary>
    private static async Task StopJobAsync(ObjectConnection connection, ObjectKey key, List<string> stopped, CancellationToken ct)
    {
        var live = await connection.Nomad.Jobs.ReadAsync(key.Name, new QueryOptions { Namespace = key.Namespace }, ct).ConfigureAwait(false);
        if (live.Value is { } job
            && OwnershipMeta.Read(job, OwnershipMeta.ObjectKey) == key.ToPath(connection.Options.Prefix)
            && job["Stop"]?.GetValue<bool>() != true)
        {
            await connection.Nomad.Jobs.DeregisterAsync(key.Name, purge: false, new WriteOptions { Namespace = key.Namespace }, ct).ConfigureAwait(false);
            stopped.Add($"{key.Namespace}/{key.Name}");
        }
    }
}
