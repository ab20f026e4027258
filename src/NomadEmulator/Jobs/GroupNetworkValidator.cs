using System.Text.Json.Nodes;
using static Nomad.Emulator.Jobs.DiffJson;
using static Nomad.Emulator.State.VariablesErrors;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// TaskGroup.validateNetworks and validateScriptChecksInGroupServices (nomad/structs/structs.go): port labels used
/// twice, static ports reserved twice on one host network, port values and mappings out of range, ignored
/// collisions outside host mode, then the task networks' ports against the group's; and group service script
/// checks without a task; CNI args (a key used by two networks, a ';' in a key or value) and the hostname's DNS syntax
/// (miekg/dns IsDomainName). Nomad walks a network's CNI args as a Go map, so with two bad args in one network its
/// order is random; here they follow the JSON order.
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
        var cniKeys = new HashSet<string>(StringComparer.Ordinal);
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

            foreach (var (key, value) in Obj(Obj(network, "CNI"), "Args") ?? [])
            {
                if (!cniKeys.Add(key))
                {
                    errors.Add($"duplicate CNI arg {GoQuote(key)}");
                }
                if (key.Contains(';', StringComparison.Ordinal))
                {
                    errors.Add($"invalid ';' character in CNI arg key {GoQuote(key)}");
                }
                if (Text(value).Contains(';', StringComparison.Ordinal))
                {
                    errors.Add($"invalid ';' character in CNI arg value {GoQuote(Text(value))}");
                }
            }

            var hostname = Str(network, "Hostname");
            if (hostname.Length > 0 && !hostname.Contains("${", StringComparison.Ordinal) && !IsDomainName(hostname))
            {
                errors.Add("Hostname is not a valid DNS name");
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

    /// <summary>miekg/dns v1.1.72 IsDomainName over the UTF-8 bytes: labels under 64 bytes, no empty or leading label, a wire length within 256, no dangling escape.</summary>
    internal static bool IsDomainName(string name)
    {
        var s = System.Text.Encoding.UTF8.GetBytes(name);
        if (s.Length == 0)
        {
            return false;
        }
        if (!IsFqdn(s))
        {
            s = [.. s, (byte)'.'];
        }
        const int lenmsg = 256;
        int off = 0, begin = 0;
        bool wasDot = false, escape = false;
        for (var i = 0; i < s.Length; i++)
        {
            switch (s[i])
            {
                case (byte)'\\':
                    escape = !escape;
                    if (off + 1 > lenmsg)
                    {
                        return false;
                    }
                    var ddd = s.Length - (i + 1) >= 3 && char.IsAsciiDigit((char)s[i + 1]) && char.IsAsciiDigit((char)s[i + 2]) && char.IsAsciiDigit((char)s[i + 3]);
                    i += ddd ? 3 : 1;
                    begin += ddd ? 3 : 1;
                    wasDot = false;
                    break;
                case (byte)'.':
                    escape = false;
                    if ((i == 0 && s.Length > 1) || wasDot)
                    {
                        return false;
                    }
                    wasDot = true;
                    var labelLen = i - begin;
                    if (labelLen >= 64)
                    {
                        return false;
                    }
                    off += 1 + labelLen;
                    if (off > lenmsg)
                    {
                        return false;
                    }
                    begin = i + 1;
                    break;
                default:
                    escape = false;
                    wasDot = false;
                    break;
            }
        }
        return !escape;
    }

    // miekg/dns IsFqdn: a final dot not escaped by an odd number of backslashes.
    private static bool IsFqdn(byte[] s)
    {
        if (s.Length == 0 || s[^1] != '.')
        {
            return false;
        }
        var backslashes = 0;
        for (var i = s.Length - 2; i >= 0 && s[i] == '\\'; i--)
        {
            backslashes++;
        }
        return backslashes % 2 == 0;
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
