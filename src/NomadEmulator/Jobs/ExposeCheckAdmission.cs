using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using static Nomad.Emulator.Jobs.DiffJson;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// jobExposeCheckHook (nomad/job_endpoint_hook_expose_check.go). Mutator: a group service with a sidecar whose
/// <c>http</c>/<c>grpc</c> check has <c>expose = true</c> and a path starting with <c>/</c> gets, when the check names
/// no port, a dynamic port <c>svc_&lt;service&gt;_ck_&lt;6 hex&gt;</c> (<c>To = -1</c>, host network <c>default</c>) whose
/// suffix is the first six hex digits of structs.ServiceCheck.Hash("&lt;service&gt;_&lt;check index&gt;") — SHA-256 over
/// the check's fields in Nomad's order — and the service's sidecar proxy an expose path (path, protocol, the service
/// port, the check's port label) unless an equal one is there. Validator: a group using expose checks needs the
/// Connect network mode (bridge or CNI), checked group by group, first error only; an expose check on a service
/// without a sidecar or on a task service is refused.
/// </summary>
internal static class ExposeCheckAdmission
{
    private const string ModePrefix = "connect expose check";

    /// <summary>Mutates <paramref name="group"/>; the mutator's error text, or null.</summary>
    public static string? Mutate(JsonObject group)
    {
        foreach (var service in Objs(group, "Services"))
        {
            if (Obj(Obj(service, "Connect"), "SidecarService") is not { } sidecar)
            {
                continue;
            }

            var checks = Objs(service, "Checks");
            for (var i = 0; i < checks.Count; i++)
            {
                var check = checks[i];
                if (!Bool(check["Expose"]) || !Exposable(check))
                {
                    continue;
                }

                if (ConnectAdmission.NetworkMode(group, ModePrefix, allowHost: false) is { } modeError)
                {
                    return $"error in job mutator expose-check: {modeError}";
                }

                var serviceName = Str(service, "Name");
                if (Str(check, "PortLabel").Length == 0)
                {
                    var label = $"svc_{serviceName}_ck_{Hash(check, $"{serviceName}_{i}")[..6]}";
                    var network = Objs(group, "Networks")[0];
                    if (network["DynamicPorts"] is not JsonArray ports)
                    {
                        ports = [];
                        network["DynamicPorts"] = ports;
                    }

                    ports.Add(new JsonObject { ["Label"] = label, ["Value"] = 0, ["To"] = -1, ["HostNetwork"] = "default", ["IgnoreCollision"] = false });
                    check["PortLabel"] = label;
                }

                if (LocalPort(group, service) is not { } port)
                {
                    return $"error in job mutator expose-check: unable to determine local service port for service check {Str(group, "Name")}->{serviceName}->{Str(check, "Name")}";
                }

                var path = new JsonObject
                {
                    ["Path"] = Str(check, "Path"),
                    ["Protocol"] = Str(check, "Protocol"),
                    ["LocalPathPort"] = port,
                    ["ListenerPort"] = Str(check, "PortLabel"),
                };
                if (sidecar["Proxy"] is not JsonObject proxy)
                {
                    // a new &structs.ConsulProxy{}: every field at its zero value
                    proxy = new JsonObject
                    {
                        ["LocalServiceAddress"] = "",
                        ["LocalServicePort"] = 0,
                        ["Upstreams"] = null,
                        ["TransparentProxy"] = null,
                        ["Config"] = null,
                    };
                    sidecar["Proxy"] = proxy;
                }

                if (proxy["Expose"] is not JsonObject expose)
                {
                    expose = [];
                    proxy["Expose"] = expose;
                }

                if (expose["Paths"] is not JsonArray paths)
                {
                    paths = [];
                    expose["Paths"] = paths;
                }

                if (!paths.Any(p => JsonNode.DeepEquals(p, path)))
                {
                    paths.Add(path);
                }
            }
        }

        return null;
    }

    /// <summary>The validator's first error over the job's groups, or null.</summary>
    public static string? Validate(JsonObject job)
    {
        foreach (var group in Objs(job, "TaskGroups"))
        {
            var groupName = Str(group, "Name");
            var services = Objs(group, "Services");
            if (services.Any(s => Objs(s, "Checks").Any(c => Bool(c["Expose"])))
                && ConnectAdmission.NetworkMode(group, ModePrefix, allowHost: false) is { } modeError)
            {
                return modeError;
            }

            foreach (var service in services.Where(s => Obj(Obj(s, "Connect"), "SidecarService") is null))
            {
                if (Objs(service, "Checks").FirstOrDefault(c => Bool(c["Expose"])) is { } check)
                {
                    return $"exposed service check {groupName}->{Str(service, "Name")}->{Str(check, "Name")} requires use of sidecar_proxy";
                }
            }

            foreach (var task in Objs(group, "Tasks"))
            {
                foreach (var service in Objs(task, "Services"))
                {
                    if (Objs(service, "Checks").FirstOrDefault(c => Bool(c["Expose"])) is { } check)
                    {
                        return $"exposed service check {groupName}[{Str(task, "Name")}]->{Str(service, "Name")}->{Str(check, "Name")} is not a task-group service";
                    }
                }
            }
        }

        return null;
    }

    // checkIsExposable: http and grpc checks with an absolute path.
    private static bool Exposable(JsonObject check) =>
        Str(check, "Type").ToLowerInvariant() is "http" or "grpc" && Str(check, "Path").StartsWith('/');

    // The service's port: the group network's port of that label (its static value), else the label as a number.
    private static long? LocalPort(JsonObject group, JsonObject service)
    {
        var label = Str(service, "PortLabel");
        var mapped = Objs(group, "Networks")
            .SelectMany(n => Objs(n, "ReservedPorts").Concat(Objs(n, "DynamicPorts")))
            .FirstOrDefault(p => Str(p, "Label") == label);
        if (mapped is not null && Long(mapped["Value"]) > 0)
        {
            return Long(mapped["Value"]);
        }

        return long.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port > 0 ? port : null;
    }

    // structs.ServiceCheck.Hash: the fields written one after another into SHA-256, some only when set.
    private static string Hash(JsonObject check, string serviceId)
    {
        var text = new StringBuilder()
            .Append(serviceId)
            .Append(Str(check, "Name"))
            .Append(Str(check, "Type"))
            .Append(Str(check, "Command"))
            .Append(string.Concat((check["Args"] as JsonArray ?? []).Select(a => a?.GetValue<string>() ?? "")))
            .Append(Str(check, "Path"))
            .Append(Str(check, "Protocol"))
            .Append(Str(check, "PortLabel"))
            .Append(GoDuration.Format(Long(check["Interval"])))
            .Append(GoDuration.Format(Long(check["Timeout"])))
            .Append(Str(check, "Method"))
            .Append(Str(check, "Body"))
            .Append(Str(check, "OnUpdate"))
            .Append(Str(check, "Notes"));
        text.Append(Bool(check["TLSSkipVerify"]) ? "true" : "");
        text.Append(Str(check, "TLSServerName"));
        if (Obj(check, "Header") is { Count: > 0 } header)
        {
            var headers = header.Select(h => h.Key + string.Concat((h.Value as JsonArray ?? []).Select(v => v?.GetValue<string>() ?? ""))).ToList();
            headers.Sort(StringComparer.Ordinal);
            foreach (var line in headers)
            {
                text.Append(line);
            }
        }

        text.Append(Str(check, "AddressMode"));
        text.Append(Str(check, "GRPCService"));
        text.Append(Bool(check["GRPCUseTLS"]) ? "true" : "");
        AppendIfNonZero(text, "success", Long(check["SuccessBeforePassing"]));
        AppendIfNonZero(text, "failures", Long(check["FailuresBeforeCritical"]));
        AppendIfNonZero(text, "failures-before-warning", Long(check["FailuresBeforeWarning"]));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void AppendIfNonZero(StringBuilder text, string name, long value)
    {
        if (value != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}:{value}");
        }
    }
}
