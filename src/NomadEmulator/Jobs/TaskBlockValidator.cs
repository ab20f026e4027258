using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Nomad.Emulator.Jobs.DiffJson;
using static Nomad.Emulator.State.VariablesErrors;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// The parts of <c>Task.Validate</c> (nomad/structs/structs.go, hashicorp/nomad at the recorded answers' commit) for
/// a task's own blocks: <c>Vault.Validate</c>, <c>Action.Validate</c> (actions.go), <c>DispatchPayloadConfig.Validate</c>,
/// <c>TaskLifecycleConfig.Validate</c>, the CSI plugin checks and <c>WorkloadIdentity.Validate</c> (workload_id.go).
/// </summary>
internal static partial class TaskBlockValidator
{
    /// <summary>Task.Validate's vault item, between the artifacts and the templates.</summary>
    public static List<string> Vault(JsonObject task)
    {
        var errors = new List<string>();
        if (Obj(task, "Vault") is not { } vault)
        {
            return errors;
        }
        var vaultErrors = new List<string>();
        switch (Str(vault, "ChangeMode"))
        {
            case "signal":
                if (Str(vault, "ChangeSignal").Length == 0)
                {
                    vaultErrors.Add("Signal must be specified when using change mode \"signal\"");
                }
                break;
            case "noop" or "restart":
                break;
            default:
                vaultErrors.Add($"Unknown change mode {GoQuote(Str(vault, "ChangeMode"))}");
                break;
        }
        if (MultiError.Format(vaultErrors) is { } text)
        {
            errors.Add($"Vault validation failed: {text}");
        }
        return errors;
    }

    /// <summary>Task.Validate's actions, dispatch payload, lifecycle and Connect proxy kind items, after the templates.</summary>
    public static List<string> ActionsPayloadLifecycle(JsonObject task, JsonObject group)
    {
        var errors = new List<string>();
        // handled: a name already reported as defined multiple times (reported once, however often it repeats).
        var seen = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var action in Objs(task, "Actions"))
        {
            var name = Str(action, "Name");
            var actionErrors = new List<string>();
            if (Str(action, "Command").Length == 0)
            {
                actionErrors.Add("command cannot be empty");
            }
            if (!ActionName().IsMatch(name) || name.EnumerateRunes().Count() > 128)
            {
                actionErrors.Add($"invalid name '{name}'");
            }
            if (MultiError.Format(actionErrors) is { } text)
            {
                errors.Add($"Action {name} validation failed: {text}");
            }
            if (seen.TryGetValue(name, out var handled) && !handled)
            {
                errors.Add($"Action {name} defined multiple times");
                seen[name] = true;
                continue;
            }
            seen[name] = false;
        }
        if (Obj(task, "DispatchPayload") is { } payload
            && TaskPartsValidator.EscapesAllocDir(Str(payload, "File"), "task", "local"))
        {
            errors.Add("Dispatch Payload validation failed: destination escapes allocation directory");
        }
        if (Obj(task, "Lifecycle") is { } lifecycle)
        {
            switch (Str(lifecycle, "Hook"))
            {
                case "prestart" or "poststart" or "poststop":
                    break;
                case "":
                    errors.Add("Lifecycle validation failed: no lifecycle hook provided");
                    break;
                case var hook:
                    errors.Add($"Lifecycle validation failed: invalid hook: {hook}");
                    break;
            }
        }
        // TaskKind.IsConnectProxy: a `connect-proxy:<service>` task, with ValidateConnectProxyService.
        if (Str(task, "Kind").StartsWith("connect-proxy:", StringComparison.Ordinal))
        {
            if (Objs(task, "Services").Count > 0)
            {
                errors.Add("Connect proxy task must not have a service block");
            }
            if (Bool(task["Leader"]))
            {
                errors.Add("Connect proxy task must not have leader set");
            }
            var serviceName = Str(task, "Kind")["connect-proxy:".Length..];
            var names = new List<string>();
            var found = false;
            foreach (var service in Objs(group, "Services").Where(s => Obj(Obj(s, "Connect"), "SidecarService") is not null))
            {
                if (Str(service, "Name") == serviceName)
                {
                    found = true;
                    break;
                }
                names.Add(Str(service, "Name"));
            }
            if (!found)
            {
                errors.Add(names.Count == 0
                    ? $"No Connect services in task group with Connect proxy ({GoQuote(serviceName)})"
                    : $"Connect proxy service name ({GoQuote(serviceName)}) not found in Connect services from task group: [{string.Join(' ', names)}]");
            }
        }
        return errors;
    }

    /// <summary>Task.Validate's CSI plugin, default identity and identities items, after the volume mounts.</summary>
    public static List<string> PluginAndIdentities(JsonObject task)
    {
        var errors = new List<string>();
        if (Obj(task, "CSIPluginConfig") is { } plugin)
        {
            if (Str(plugin, "ID").Length == 0)
            {
                errors.Add("CSIPluginConfig must have a non-empty PluginID");
            }
            if (Str(plugin, "Type") is not ("node" or "controller" or "monolith"))
            {
                errors.Add($"CSIPluginConfig PluginType must be one of 'node', 'controller', or 'monolith', got: \"{Str(plugin, "Type")}\"");
            }
            var stage = Str(plugin, "StagePublishBaseDir");
            var mount = Str(plugin, "MountDir");
            if (stage.Length > 0 && mount.Length > 0 && GoFilePath.IsSubdirectory(mount, stage))
            {
                errors.Add($"CSIPluginConfig StagePublishBaseDir must not be a subdirectory of MountDir, got: StagePublishBaseDir=\"{stage}\" MountDir=\"{mount}\"");
            }
        }
        if (Obj(task, "Identity") is { } identity && MultiError.Format(Identity(identity)) is { } identityError)
        {
            errors.Add($"Identity {GoQuote(Str(identity, "Name"))} is invalid: {identityError}");
        }
        foreach (var wid in Objs(task, "Identities"))
        {
            if (Str(wid, "Name") == "default")
            {
                errors.Add("Duplicate default identities found");
            }
            if (MultiError.Format(Identity(wid)) is { } widError)
            {
                errors.Add($"Identity {GoQuote(Str(wid, "Name"))} is invalid: {widError}");
            }
        }
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in Objs(task, "Secrets"))
        {
            var name = Str(secret, "Name");
            if (!secrets.Add(name))
            {
                errors.Add($"Duplicate secret {GoQuote(name)} found");
            }
            if (Str(secret, "Provider") == "vault" && Obj(task, "Vault") is null)
            {
                errors.Add($"Secret {GoQuote(name)} has provider \"vault\" but no vault block");
            }
            if (MultiError.Format(Secret(secret)) is { } secretError)
            {
                errors.Add($"Secret {GoQuote(name)} is invalid: {secretError}");
            }
        }
        return errors;
    }

    /// <summary>jobValidate's validateVaultIdentity (nomad/job_endpoint_hooks.go) for one task: its error, if any.</summary>
    public static string? VaultIdentity(JsonObject task)
    {
        if (Obj(task, "Vault") is not { } vault)
        {
            return null;
        }
        var cluster = Str(vault, "Cluster");
        if (cluster != "default" && !Objs(task, "Identities").Any(w => Str(w, "Name") == "vault_" + cluster))
        {
            return $"Task {Str(task, "Name")} uses Vault cluster {cluster} but does not have an identity named vault_{cluster} and no default identity is provided in agent configuration";
        }
        return null;
    }

    /// <summary>jobValidate's warnings for a task without a vault block but with identities named <c>vault_*</c>.</summary>
    public static IEnumerable<string> VaultIdentityWarnings(JsonObject task) =>
        Obj(task, "Vault") is not null
            ? []
            : Objs(task, "Identities").Select(w => Str(w, "Name")).Where(n => n.StartsWith("vault_", StringComparison.Ordinal))
                .Select(n => $"Task {Str(task, "Name")} has an identity called {n} but no vault block");

    // Secret.Validate (nomad/structs/structs.go).
    private static List<string> Secret(JsonObject secret)
    {
        var errors = new List<string>();
        var name = Str(secret, "Name");
        var provider = Str(secret, "Provider");
        if (name.Length == 0)
        {
            errors.Add("secret name cannot be empty");
        }
        if (!SecretName().IsMatch(name))
        {
            errors.Add("secret name must match regex ^[a-zA-Z0-9_]{1,128}$");
        }
        if (provider.Length == 0)
        {
            errors.Add("secret provider cannot be empty");
        }
        if (Str(secret, "Path").Length == 0)
        {
            errors.Add("secret path cannot be empty");
        }
        if (provider is "nomad" or "vault")
        {
            if (Obj(secret, "Env") is { Count: > 0 })
            {
                errors.Add($"{provider} provider cannot use the env block");
            }
        }
        else if (Obj(secret, "Config") is { Count: > 0 })
        {
            errors.Add($"custom plugin provider {provider} cannot use the config block");
        }
        return errors;
    }

    private static List<string> Identity(JsonObject wid)
    {
        var errors = new List<string>();
        var name = Str(wid, "Name");
        if (!IdentityName().IsMatch(name))
        {
            errors.Add($"invalid name {GoQuote(name)}. Must match regex ^[a-zA-Z0-9-_]{{1,128}}$");
        }
        var audience = Strings(wid, "Audience");
        for (var i = 0; i < audience.Count; i++)
        {
            if (audience[i].Length == 0)
            {
                errors.Add($"an empty string is an invalid audience ({i + 1})");
            }
        }
        var signal = Str(wid, "ChangeSignal");
        switch (Str(wid, "ChangeMode"))
        {
            case "" or "noop" or "restart":
                if (signal.Length > 0)
                {
                    errors.Add($"can only use change_signal={GoQuote(signal)} with change_mode=\"signal\"");
                }
                break;
            case "signal":
                if (signal.Length == 0)
                {
                    errors.Add("change_signal must be specified when using change_mode=\"signal\"");
                }
                break;
            case var mode:
                errors.Add($"invalid change_mode: {mode}");
                break;
        }
        var ttl = Long(wid["TTL"], 0);
        if (ttl > 0 && name is "" or "default")
        {
            errors.Add("ttl for default identity not yet supported");
        }
        if (ttl < 0)
        {
            errors.Add("ttl must be >= 0");
        }
        if (Str(wid, "Filepath").Length > 0 && !Bool(wid["File"]))
        {
            errors.Add("file parameter must be true in order to specify filepath");
        }
        return errors;
    }

    // validJobActionName `^[^\x00\s]{1,128}$` (RE2's \s is [\t\n\f\r ]); the length is checked in runes above.
    [GeneratedRegex(@"^[^\x00\t\n\f\r ]+\z")]
    private static partial Regex ActionName();

    // validSecretName `^[a-zA-Z0-9_]{1,128}$`.
    [GeneratedRegex(@"^[a-zA-Z0-9_]{1,128}\z")]
    private static partial Regex SecretName();

    // validIdentityName `^[a-zA-Z0-9-_]{1,128}$`.
    [GeneratedRegex(@"^[a-zA-Z0-9\-_]{1,128}\z")]
    private static partial Regex IdentityName();
}
