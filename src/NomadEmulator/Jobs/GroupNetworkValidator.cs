using System.Text.Json.Nodes;
using static Nomad.Emulator.Jobs.DiffJson;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// TaskGroup.validateNetworks and validateScriptChecksInGroupServices (nomad/structs/structs.go): port labels used
/// twice, static ports reserved twice on one host network, port values and mappings out of range, ignored
/// collisions outside host mode, then the task networks' ports against the group's; and group service script
/// checks without a task. Not checked here: CNI args (Nomad walks a Go map, so its error order is random) and the
/// hostname's DNS syntax.
/// </summary>
internal static class GroupNetworkValidator
{
    private const int MaxPort = 65535;

    /// <summary>The errors Nomad lists under "Task group network validation failed".</summary>
    public static List<string> Networks(JsonObject group)
    {
        var errors = new List<string>();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var staticPorts = new Dictionary<(string Network, long Port), string>();
        foreach (var network in Objs(group, "Networks"))
        {
            var mode = Str(network, "Mode");
            foreach (var port in Ports(network))
            {
                var label = Str(port, "Label");
                if (labels.TryGetValue(label, out var other))
                {
                    errors.Add($"Port label {label} already in use by {other}");
                }
                else
                {
                    labels[label] = "taskgroup network";
                }

                Static(port, $"taskgroup network:{label}", staticPorts, errors, Bool(port["IgnoreCollision"]));
                var to = Long(port["To"]);
                if (to < -1)
                {
                    errors.Add($"Port \"{label}\" cannot be mapped to negative value {to}");
                }
                else if (to > MaxPort)
                {
                    errors.Add($"Port \"{label}\" cannot be mapped to a port ({to}) greater than {MaxPort}");
                }

                if (Bool(port["IgnoreCollision"]) && mode is not ("" or "host"))
                {
                    errors.Add($"Port \"{label}\" collision may not be ignored on non-host network mode \"{mode}\"");
                }
            }
        }

        foreach (var task in Objs(group, "Tasks"))
        {
            foreach (var network in Objs(Obj(task, "Resources"), "Networks"))
            {
                foreach (var port in Ports(network))
                {
                    var label = Str(port, "Label");
                    if (labels.TryGetValue(label, out var other))
                    {
                        errors.Add($"Port label {label} already in use by {other}");
                    }

                    Static(port, $"{Str(task, "Name")}:{label}", staticPorts, errors, ignoreCollision: false);
                }
            }
        }

        return errors;
    }

    /// <summary>The errors Nomad lists under "Task group service check validation failed".</summary>
    public static List<string> ScriptChecks(JsonObject group)
    {
        var errors = new List<string>();
        foreach (var service in Objs(group, "Services").Where(s => Str(s, "TaskName").Length == 0))
        {
            foreach (var check in Objs(service, "Checks").Where(c => Str(c, "Type") == "script" && Str(c, "TaskName").Length == 0))
            {
                errors.Add($"Service [{Str(group, "Name")}]->{Str(service, "Name")} or Check {Str(check, "Name")} must specify task parameter");
            }
        }

        return errors;
    }

    private static IEnumerable<JsonObject> Ports(JsonObject network) =>
        Objs(network, "ReservedPorts").Concat(Objs(network, "DynamicPorts"));

    private static void Static(JsonObject port, string owner, Dictionary<(string Network, long Port), string> reserved, List<string> errors, bool ignoreCollision)
    {
        var value = Long(port["Value"]);
        if (value == 0)
        {
            return;
        }

        var hostNetwork = Str(port, "HostNetwork");
        var key = (hostNetwork.Length == 0 ? "default" : hostNetwork, value);
        if (reserved.TryGetValue(key, out var other))
        {
            if (!ignoreCollision)
            {
                errors.Add($"Static port {value} already reserved by {other}");
            }
        }
        else if (value > MaxPort)
        {
            errors.Add($"Port {Str(port, "Label")} ({value}) cannot be greater than {MaxPort}");
        }
        else
        {
            reserved[key] = owner;
        }
    }
}
