using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Nomad.Client;

namespace NomadGitOps.Cli;

/// <summary>
/// Tries each kind of call in <see cref="ControllerPermissions"/> with a harmless request (a probe variable written
/// and deleted under the prefix; job list, read, parse and plan of a job that does not exist) and names every
/// capability Nomad refuses. Prints one line per capability; returns true when none is missing.
/// </summary>
internal static class CapabilityCheck
{
    private const string ProbeJobId = "nomad-gitops-check-probe";

    private const string ProbeJobHcl = """
        job "nomad-gitops-check-probe" {
          type = "batch"
          group "probe" {
            task "probe" {
              driver = "raw_exec"
              config {
                command = "true"
              }
            }
          }
        }
        """;

    /// <summary>Runs every probe in <paramref name="scope"/>.</summary>
    public static async Task<bool> RunAsync(NomadClient nomad, ControllerScope scope, TextWriter stdout, CancellationToken ct)
    {
        var report = new Report(stdout, scope);
        await VariablesAsync(nomad, scope, report, ct).ConfigureAwait(false);
        foreach (var ns in scope.ManagedNamespaces)
        {
            if (ns.Contains('*', StringComparison.Ordinal))
            {
                await stdout.WriteLineAsync($"  skip     jobs in namespaces '{ns}': a glob, probe each namespace by name with --namespaces").ConfigureAwait(false);
                continue;
            }

            await JobsAsync(nomad, ns, report, ct).ConfigureAwait(false);
        }

        return report.Passed;
    }

    private static async Task VariablesAsync(NomadClient nomad, ControllerScope scope, Report report, CancellationToken ct)
    {
        var ns = scope.ControllerNamespace;
        var path = $"{scope.Prefix}/check-probe-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var query = new QueryOptions { Namespace = ns };
        var write = new WriteOptions { Namespace = ns };

        await report.ProbeAsync(PermissionScope.ObjectVariables, ControllerPermissions.VariableRead, ns, () => nomad.Variables.ReadAsync(path, query, ct)).ConfigureAwait(false);
        var written = await report.ProbeAsync(PermissionScope.ObjectVariables, ControllerPermissions.VariableWrite, ns, async () =>
        {
            await nomad.Variables.PutAsync(new Variable { Path = path, Namespace = ns, Items = new Dictionary<string, string> { ["probe"] = "nomad-gitops check" } }, cas: 0, write, ct).ConfigureAwait(false);
            var acquired = await nomad.Variables.AcquireLockAsync(path, TimeSpan.FromSeconds(10), TimeSpan.Zero, write: write, ct: ct).ConfigureAwait(false);
            if (acquired is LockAcquireResult.Acquired { Variable.Lock.ID: { } lockId })
            {
                await nomad.Variables.RenewLockAsync(path, lockId, write, ct).ConfigureAwait(false);
                await nomad.Variables.ReleaseLockAsync(path, lockId, write, ct).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        if (written)
        {
            var listed = false;
            await report.ProbeAsync(PermissionScope.ObjectVariables, ControllerPermissions.VariableList, ns, async () =>
            {
                var found = await nomad.Variables.ListAllAsync(query with { Prefix = path }, ct).ConfigureAwait(false);
                listed = found.Value.Any(v => v.Path == path);
            }, () => listed).ConfigureAwait(false);
        }
        else
        {
            await report.UnverifiedAsync(PermissionScope.ObjectVariables, ControllerPermissions.VariableList, ns, "a probe variable is needed, which takes write").ConfigureAwait(false);
        }

        await report.ProbeAsync(PermissionScope.ObjectVariables, ControllerPermissions.VariableDestroy, ns, () => nomad.Variables.DeleteAsync(path, write: write, ct: ct)).ConfigureAwait(false);
    }

    private static async Task JobsAsync(NomadClient nomad, string ns, Report report, CancellationToken ct)
    {
        var query = new QueryOptions { Namespace = ns };
        var write = new WriteOptions { Namespace = ns };
        await report.ProbeAsync(PermissionScope.ManagedNamespaces, ControllerPermissions.ListJobs, ns, () => nomad.Jobs.ListAsync(query with { Prefix = ProbeJobId }, meta: false, ct)).ConfigureAwait(false);
        await report.ProbeAsync(PermissionScope.ManagedNamespaces, ControllerPermissions.ReadJob, ns, () => nomad.Jobs.ReadAsync(ProbeJobId, query, ct)).ConfigureAwait(false);
        await report.ProbeAsync(PermissionScope.ManagedNamespaces, ControllerPermissions.ParseJob, ns, () => nomad.Jobs.ParseAsync(new JobParseRequest(ProbeJobHcl), write, ct)).ConfigureAwait(false);
        await report.ProbeAsync(PermissionScope.ManagedNamespaces, ControllerPermissions.SubmitJob, ns, () => nomad.Jobs.PlanAsync(ProbeJob(ns), diff: false, write: write, ct: ct)).ConfigureAwait(false);
    }

    private static JsonObject ProbeJob(string ns) => new()
    {
        ["ID"] = ProbeJobId,
        ["Name"] = ProbeJobId,
        ["Namespace"] = ns,
        ["Type"] = "batch",
        ["Datacenters"] = new JsonArray("*"),
        ["TaskGroups"] = new JsonArray(new JsonObject
        {
            ["Name"] = "probe",
            ["Count"] = 1,
            ["Tasks"] = new JsonArray(new JsonObject
            {
                ["Name"] = "probe",
                ["Driver"] = "raw_exec",
                ["Config"] = new JsonObject { ["command"] = "true" },
            }),
        }),
    };

    private sealed class Report(TextWriter stdout, ControllerScope scope)
    {
        public bool Passed { get; private set; } = true;

        /// <summary>Runs one probe: a 403 (or <paramref name="granted"/> false) is the capability missing; any other error a failure.</summary>
        public async Task<bool> ProbeAsync(PermissionScope where, string capability, string ns, Func<Task> call, Func<bool>? granted = null)
        {
            try
            {
                await call().ConfigureAwait(false);
                if (granted is null || granted())
                {
                    await stdout.WriteLineAsync($"  ok       {Describe(where, capability, ns)}").ConfigureAwait(false);
                    return true;
                }
            }
            catch (NomadApiException e) when (e.StatusCode == HttpStatusCode.Forbidden)
            {
            }
            catch (NomadApiException e)
            {
                Passed = false;
                await stdout.WriteLineAsync($"  FAIL     {Describe(where, capability, ns)}: {e.Message}").ConfigureAwait(false);
                return false;
            }

            Passed = false;
            await stdout.WriteLineAsync($"  MISSING  {Describe(where, capability, ns)}, needed by {NeededBy(where, capability)}").ConfigureAwait(false);
            return false;
        }

        public async Task UnverifiedAsync(PermissionScope where, string capability, string ns, string why)
        {
            Passed = false;
            await stdout.WriteLineAsync($"  unknown  {Describe(where, capability, ns)}: not probed, {why}").ConfigureAwait(false);
        }

        private string Describe(PermissionScope where, string capability, string ns)
        {
            var also = ControllerPermissions.All.FirstOrDefault(p => p.Scope == where && p.Capability == capability && p.AlsoAllowedBy is not null)?.AlsoAllowedBy;
            var name = also is null ? $"'{capability}'" : $"'{capability}' (or '{also}')";
            return where == PermissionScope.ObjectVariables
                ? $"variables {name} on {scope.Prefix}/* in namespace {ns}"
                : $"{name} in namespace {ns}";
        }

        private static string NeededBy(PermissionScope where, string capability) =>
            string.Join(", ", ControllerPermissions.All.Where(p => p.Scope == where && p.Capability == capability).Select(p => p.Endpoint));
    }
}
