using System.CommandLine;
using System.Net;
using Nomad.Client;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops uninstall</c>: stops and purges the controller's job and deletes its binding rules, auth method and
/// policy. The objects (variables under the prefix in the controller's namespace) and that namespace are kept unless
/// <c>--purge-objects</c>; the jobs the controller registered are never touched.
/// </summary>
internal static class UninstallCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var shared = InstallOptions.Create();
        var purge = new Option<bool>("--purge-objects") { Description = "Also delete the objects (GitRepository, NomadJob, …) and the controller's namespace" };
        var prefix = new Option<string>("--prefix") { Description = "Variable path prefix of the objects", DefaultValueFactory = _ => Objects.ObjectKey.DefaultPrefix };
        var command = new Command("uninstall", "Remove the controller's job, policy, auth method and binding rule (objects kept unless --purge-objects)") { purge, prefix };
        shared.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var nomad = new NomadClient(shared.Client(parse));
            try
            {
                await RemoveAsync(nomad, parse.GetValue(shared.Namespace)!, parse.GetValue(prefix)!, parse.GetValue(purge), stdout, ct).ConfigureAwait(false);
            }
            catch (NomadApiException e)
            {
                await stderr.WriteLineAsync($"nomad-gitops uninstall: {e.Message}. uninstall needs a management token (NOMAD_TOKEN or --token).").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Removes what install created; each step tolerates a piece already gone.</summary>
    public static async Task RemoveAsync(NomadClient nomad, string ns, string prefix, bool purgeObjects, TextWriter stdout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(nomad);
        ArgumentNullException.ThrowIfNull(stdout);
        const string name = InstallSettings.Name;
        var write = new WriteOptions { Namespace = ns };
        if ((await nomad.Jobs.ReadAsync(name, new QueryOptions { Namespace = ns }, ct).ConfigureAwait(false)).Value is not null)
        {
            await nomad.Jobs.DeregisterAsync(name, purge: true, write, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync($"job           {ns}/{name} stopped and purged").ConfigureAwait(false);
        }

        foreach (var rule in await nomad.Acl.BindingRuleIdsAsync(name, ct).ConfigureAwait(false))
        {
            await nomad.Acl.DeleteBindingRuleAsync(rule, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync($"binding rule  {rule} deleted").ConfigureAwait(false);
        }

        if (await nomad.Acl.ReadAuthMethodAsync(name, ct).ConfigureAwait(false) is not null)
        {
            await nomad.Acl.DeleteAuthMethodAsync(name, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync($"auth method   {name} deleted").ConfigureAwait(false);
        }

        if (await nomad.Acl.ReadPolicyAsync(name, ct).ConfigureAwait(false) is not null)
        {
            await nomad.Acl.DeletePolicyAsync(name, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync($"policy        {name} deleted").ConfigureAwait(false);
        }

        if (!purgeObjects)
        {
            await stdout.WriteLineAsync($"objects       kept under {prefix}/ in namespace {ns} (and the namespace); --purge-objects deletes them").ConfigureAwait(false);
            return;
        }

        var variables = await nomad.Variables.ListAllAsync(new QueryOptions { Namespace = ns, Prefix = prefix + "/" }, ct).ConfigureAwait(false);
        foreach (var variable in variables.Value)
        {
            await nomad.Variables.DeleteAsync(variable.Path, write: write, ct: ct).ConfigureAwait(false);
        }

        await stdout.WriteLineAsync($"objects       {variables.Value.Count} deleted under {prefix}/ in namespace {ns}").ConfigureAwait(false);
        if (ns != "default")
        {
            try
            {
                await nomad.Namespaces.DeleteAsync(ns, ct).ConfigureAwait(false);
                await stdout.WriteLineAsync($"namespace     {ns} deleted").ConfigureAwait(false);
            }
            catch (NomadApiException e) when (e.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.InternalServerError)
            {
                await stdout.WriteLineAsync($"namespace     {ns} kept: {e.NomadMessage}").ConfigureAwait(false);
            }
        }
    }
}
