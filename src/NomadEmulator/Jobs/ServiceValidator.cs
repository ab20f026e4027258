using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Nomad.Emulator.Jobs.DiffJson;
using static Nomad.Emulator.State.VariablesErrors;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// Service and check validation (nomad/structs/services.go <c>Service.Validate</c>, <c>ServiceCheck.validateCommon</c>/
/// <c>validateConsul</c>/<c>validateNomad</c>, <c>CheckRestart.Validate</c>) and the two callers in structs.go:
/// <c>TaskGroup.validateServices</c> (group services) and <c>validateServices</c> (a task's services and their ports).
/// </summary>
internal static partial class ServiceValidator
{
    private const long MinCheckInterval = 1_000_000_000;

    private static readonly string[] ConsulCheckTypes = ["grpc", "tcp", "http", "script"];
    private static readonly string[] NomadCheckTypes = ["tcp", "http"];
    private static readonly string[] PassFailCheckTypes = ["tcp", "http", "grpc"];
    private static readonly HashSet<string> ConsulKinds = ["", "api-gateway", "ingress-gateway", "mesh-gateway", "terminating-gateway"];
    private static readonly HashSet<string> HttpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE"];

    /// <summary>TaskGroup.validateServices: the errors listed under "Task group service validation failed".</summary>
    public static List<string> Group(JsonObject group)
    {
        var errors = new List<string>();
        var taskNames = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<(string Name, string Task, string Port)>();
        var duplicates = new HashSet<(string Name, string Task, string Port)>();
        var providers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in Objs(group, "Tasks"))
        {
            var taskName = Str(task, "Name");
            taskNames.Add(taskName);
            foreach (var service in Objs(task, "Services"))
            {
                var serviceTask = Str(service, "TaskName");
                if (serviceTask.Length > 0 && serviceTask != taskName)
                {
                    errors.Add($"Service {Str(service, "Name")} is invalid: may only specify task the service belongs to, got {GoQuote(serviceTask)}");
                }
                foreach (var check in Objs(service, "Checks"))
                {
                    var checkTask = Str(check, "TaskName");
                    if (checkTask.Length > 0 && checkTask != taskName)
                    {
                        errors.Add($"Check {Str(check, "Name")} is invalid: may only specify task the check belongs to, got {GoQuote(checkTask)}");
                    }
                }
                var id = (Str(service, "Name"), taskName, Str(service, "PortLabel"));
                if (!ids.Add(id))
                {
                    duplicates.Add(id);
                }
                providers.Add(Str(service, "Provider"));
            }
        }

        var services = Objs(group, "Services");
        for (var i = 0; i < services.Count; i++)
        {
            var service = services[i];
            var name = Str(service, "Name");
            var id = (name, "group", Str(service, "PortLabel"));
            if (!ids.Add(id))
            {
                duplicates.Add(id);
            }
            providers.Add(Str(service, "Provider"));
            if (MultiError.Format(Service(service)) is { } serviceError)
            {
                errors.Add($"Service[{i}] {name} validation failed: {serviceError}");
                continue;
            }
            if (Str(service, "AddressMode") == "driver")
            {
                errors.Add($"service {GoQuote(name)} cannot use address_mode=\"driver\", only services defined in a \"task\" block can use this mode");
            }
            foreach (var check in Objs(service, "Checks"))
            {
                var checkTask = Str(check, "TaskName");
                if (checkTask.Length == 0)
                {
                    continue;
                }
                if (Str(check, "AddressMode") == "driver")
                {
                    errors.Add($"Check {GoQuote(name)} invalid: cannot use address_mode=\"driver\", only checks defined in a \"task\" service block can use this mode");
                }
                if (!taskNames.Contains(checkTask))
                {
                    errors.Add($"Check {Str(check, "Name")} invalid: refers to non-existent task {checkTask}");
                }
            }
        }

        if (duplicates.Count > 0)
        {
            // go-set's StringFunc sorts the elements' texts.
            var texts = duplicates.Select(d => $"{d.Task}->{d.Name}" + (d.Port.Length > 0 ? ":" + d.Port : "")).Order(StringComparer.Ordinal);
            errors.Add($"Services are not unique: [{string.Join(" ", texts)}]");
        }
        if (providers.Count > 1)
        {
            errors.Add("Multiple service providers used: task group services must use the same provider");
        }
        return errors;
    }

    /// <summary>validateServices(task, group networks): the task's services, their checks and the port labels they name.</summary>
    public static List<string> Task(JsonObject task, JsonObject group)
    {
        var errors = new List<string>();
        var servicePorts = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void AddPort(string label, string service)
        {
            if (!servicePorts.TryGetValue(label, out var names))
            {
                servicePorts[label] = names = new SortedSet<string>(StringComparer.Ordinal);
            }
            names.Add(service);
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        var services = Objs(task, "Services");
        for (var i = 0; i < services.Count; i++)
        {
            var service = services[i];
            var name = Str(service, "Name");
            var port = Str(service, "PortLabel");
            var addressMode = Str(service, "AddressMode");
            if (MultiError.Format(Service(service)) is { } serviceError)
            {
                errors.Add($"service[{i}] {GoQuote(name)} validation failed: {serviceError}");
            }
            if (addressMode == "alloc")
            {
                errors.Add($"service {GoQuote(name)} cannot use address_mode=\"alloc\", only services defined in a \"group\" block can use this mode");
            }
            if (addressMode == "alloc_ipv6")
            {
                errors.Add($"service {GoQuote(name)} cannot use address_mode=\"alloc_ipv6\", only services defined in a \"group\" block can use this mode");
            }
            if (!known.Add(name + port))
            {
                errors.Add($"service {GoQuote(name)} is duplicate");
            }
            if (port.Length > 0 && !(addressMode == "driver" && GoAtoi(port) is not null))
            {
                AddPort(port, name);
            }
            if (Obj(service, "Connect") is not null)
            {
                errors.Add($"service {GoQuote(name)} cannot have \"connect\" block, only services defined in a \"group\" block can");
            }

            var checks = new HashSet<string>(StringComparer.Ordinal);
            foreach (var check in Objs(service, "Checks"))
            {
                var checkName = Str(check, "Name");
                var checkMode = Str(check, "AddressMode");
                if (!checks.Add(checkName))
                {
                    errors.Add($"check {GoQuote(checkName)} is duplicate");
                }
                if (checkMode == "alloc")
                {
                    errors.Add($"check {GoQuote(name)} cannot use address_mode=\"alloc\", only checks defined in a \"group\" service block can use this mode");
                }
                if (checkMode == "alloc_ipv6")
                {
                    errors.Add($"check {GoQuote(name)} cannot use address_mode=\"alloc_ipv6\", only checks defined in a \"group\" service block can use this mode");
                }
                if (!RequiresPort(check))
                {
                    continue;
                }
                var effective = Str(check, "PortLabel");
                if (effective.Length == 0)
                {
                    effective = port;
                }
                if (effective.Length == 0)
                {
                    errors.Add($"check {GoQuote(checkName)} is missing a port");
                    continue;
                }
                var number = GoAtoi(effective);
                if (checkMode == "driver" && number is { } driverPort)
                {
                    if (driverPort <= 0)
                    {
                        errors.Add($"check {GoQuote(checkName)} has invalid numeric port {driverPort}");
                    }
                    continue;
                }
                if (number is { } numeric)
                {
                    errors.Add($"check {GoQuote(checkName)} cannot use a numeric port {numeric} without setting address_mode=\"driver\"");
                    continue;
                }
                AddPort(effective, name);
            }
        }

        // The group's first network and the task's own (deprecated) networks hold the known labels.
        var labels = new HashSet<string>(StringComparer.Ordinal);
        var networks = Objs(group, "Networks").Take(1).Concat(Objs(Obj(task, "Resources"), "Networks"));
        foreach (var network in networks)
        {
            foreach (var p in Objs(network, "ReservedPorts").Concat(Objs(network, "DynamicPorts")))
            {
                labels.Add(Str(p, "Label"));
            }
        }
        foreach (var (label, names) in servicePorts)
        {
            if (!labels.Contains(label))
            {
                errors.Add($"port label {GoQuote(label)} referenced by services {string.Join(", ", names)} does not exist");
            }
        }
        return errors;
    }

    /// <summary>Service.Validate: the errors of one (canonicalized) service.</summary>
    private static List<string> Service(JsonObject service)
    {
        var errors = new List<string>();
        var name = Str(service, "Name");
        if (!ServiceName().IsMatch(EnvReference().Replace(name, "ENV-VAR")))
        {
            errors.Add($"Service name must be valid per RFC 1123 and can contain only alphanumeric characters or dashes and must be no longer than 63 characters: {GoQuote(name)}");
        }
        var addressMode = Str(service, "AddressMode");
        switch (addressMode)
        {
            case "" or "auto":
                break;
            case "host" or "driver" or "alloc" or "alloc_ipv6":
                if (Str(service, "Address").Length > 0)
                {
                    errors.Add("Service address_mode must be \"auto\" if address is set");
                }
                break;
            default:
                errors.Add($"Service address_mode must be \"auto\", \"host\", or \"driver\"; not {GoQuote(addressMode)}");
                break;
        }
        var onUpdate = Str(service, "OnUpdate");
        if (onUpdate is not ("" or "ignore" or "require_healthy" or "ignore_warnings"))
        {
            errors.Add($"Service on_update must be \"require_healthy\", \"ignore_warnings\", or \"ignore\"; not {GoQuote(onUpdate)}");
        }
        var provider = Str(service, "Provider");
        switch (provider)
        {
            case "consul":
                ConsulService(service, errors);
                break;
            case "nomad":
                NomadService(service, errors);
                break;
            default:
                errors.Add($"Service provider must be \"consul\", or \"nomad\"; not {GoQuote(provider)}");
                break;
        }
        if (Obj(service, "Identity") is { } identity && Strings(identity, "Audience").Count == 0)
        {
            errors.Add("Service identity must provide at least one target aud value");
        }
        return errors;
    }

    // ConsulConnect.Validate (nomad/structs/services.go): a sidecar's transparent proxy (ConsulTransparentProxy.Validate,
    // connect.go: the excluded outbound CIDRs, then the UIDs; a single error is returned bare), then exactly one of native,
    // sidecar or gateway, then the gateway's own checks (ConnectGatewayValidator).
    private static string? ConnectError(JsonObject connect)
    {
        var sidecar = Obj(connect, "SidecarService");
        if (Obj(Obj(sidecar, "Proxy"), "TransparentProxy") is { } tproxy)
        {
            var tproxyErrors = new List<string>();
            foreach (var cidr in Strings(tproxy, "ExcludeOutboundCIDRs"))
            {
                if (GoNetip.ParsePrefixError(cidr) is { } cidrError)
                {
                    tproxyErrors.Add($"could not parse transparent proxy excluded outbound CIDR as network prefix: {cidrError}");
                }
            }
            if (Str(tproxy, "UID") is { Length: > 0 } uid && UidError(uid) is { } uidError)
            {
                tproxyErrors.Add($"transparent proxy block has invalid UID field: {uidError}");
            }
            foreach (var excluded in Strings(tproxy, "ExcludeUIDs"))
            {
                if (UidError(excluded) is { } excludedError)
                {
                    tproxyErrors.Add($"transparent proxy block has invalid ExcludeUIDs field: {excludedError}");
                }
            }
            if (tproxyErrors.Count == 1)
            {
                return tproxyErrors[0];
            }
            if (MultiError.Format(tproxyErrors) is { } text)
            {
                return text;
            }
        }
        var gateway = Obj(connect, "Gateway");
        var count = (sidecar is not null ? 1 : 0) + (Bool(connect["Native"]) ? 1 : 0) + (gateway is not null ? 1 : 0);
        if (count != 1)
        {
            return "Consul Connect must be exclusively native, make use of a sidecar, or represent a Gateway";
        }
        return gateway is not null ? ConnectGatewayValidator.Validate(gateway) : null;
    }

    // strconv.ParseUint(uid, 10, 16)'s error, as requireUIDisUint words it.
    private static string? UidError(string uid)
    {
        if (uid.Length == 0 || !uid.All(char.IsAsciiDigit))
        {
            return $"invalid user ID {GoQuote(uid)}: invalid syntax";
        }
        return ulong.TryParse(uid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value <= ushort.MaxValue
            ? null
            : $"invalid user ID {GoQuote(uid)}: value out of range";
    }

    private static void ConsulService(JsonObject service, List<string> errors)
    {
        var name = Str(service, "Name");
        var connect = Obj(service, "Connect");
        foreach (var check in Objs(service, "Checks"))
        {
            if (CheckPort(service, check) is { } portError)
            {
                errors.Add(portError);
                continue;
            }
            if (Str(check, "Type") == "tcp" && Obj(connect, "SidecarService") is not null)
            {
                errors.Add($"Check {Str(check, "Name")} invalid: tcp checks are not valid for Connect enabled services");
                continue;
            }
            if (ConsulCheck(check) is { } checkError)
            {
                errors.Add($"Check {Str(check, "Name")} invalid: {checkError}");
            }
        }
        if (!ConsulKinds.Contains(Str(service, "Kind")))
        {
            errors.Add($"Service {name} kind must be one of consul service kind or empty");
        }
        if (connect is not null && ConnectError(connect) is { } connectError)
        {
            errors.Add(connectError);
        }
        if (connect is not null && Bool(connect["Native"]))
        {
            if (Str(service, "TaskName").Length == 0)
            {
                errors.Add($"Service {name} is Connect Native and requires setting the task");
            }
            if (Str(service, "PortLabel").Length == 0)
            {
                errors.Add($"Service {name} is Connect Native and requires setting the port");
            }
        }
    }

    private static void NomadService(JsonObject service, List<string> errors)
    {
        foreach (var check in Objs(service, "Checks"))
        {
            if (CheckPort(service, check) is { } portError)
            {
                errors.Add(portError);
                continue;
            }
            if (NomadCheck(check) is { } checkError)
            {
                errors.Add(checkError);
            }
        }
        if (Obj(service, "Connect") is not null)
        {
            errors.Add("Service with provider nomad cannot include Connect blocks");
        }
    }

    private static string? CheckPort(JsonObject service, JsonObject check) =>
        Str(service, "PortLabel").Length == 0 && Str(check, "PortLabel").Length == 0 && RequiresPort(check)
            ? $"Check {Str(check, "Name")} invalid: check requires a port but neither check nor service {GoQuote(Str(service, "Name"))} have a port"
            : null;

    private static bool RequiresPort(JsonObject check) => Str(check, "Type") is "grpc" or "http" or "tcp";

    private static string? ConsulCheck(JsonObject check)
    {
        if (CommonCheck(check, ConsulCheckTypes) is { } common)
        {
            return common;
        }
        var type = Str(check, "Type");
        if (Bool(check["Expose"]) && type.ToLowerInvariant() is not ("grpc" or "http"))
        {
            return "expose may only be set on HTTP or gRPC checks";
        }
        foreach (var (field, text) in new[] { ("SuccessBeforePassing", "success_before_passing"), ("FailuresBeforeCritical", "failures_before_critical"), ("FailuresBeforeWarning", "failures_before_warning") })
        {
            var value = Long(check[field]);
            if (value < 0)
            {
                return $"{text} must be non-negative";
            }
            if (value > 0 && !PassFailCheckTypes.Contains(type))
            {
                return $"{text} not supported for check of type {GoQuote(type)}";
            }
        }
        // Go's len counts bytes.
        return System.Text.Encoding.UTF8.GetByteCount(Str(check, "Notes")) > 255 ? "notes must not be longer than 255 characters" : null;
    }

    private static string? NomadCheck(JsonObject check)
    {
        if (CommonCheck(check, NomadCheckTypes) is { } common)
        {
            return common;
        }
        if (Bool(check["Expose"]))
        {
            return "expose may only be set for Consul service checks";
        }
        if (Str(check, "OnUpdate") == "ignore_warnings")
        {
            return "on_update may only be set to ignore_warnings for Consul service checks";
        }
        if (Bool(Obj(check, "CheckRestart")?["IgnoreWarnings"]))
        {
            return "ignore_warnings on check_restart only supported for Consul service checks";
        }
        if (Str(check, "AddressMode") == "driver")
        {
            return "address_mode = driver may only be set for Consul service checks";
        }
        var method = Str(check, "Method");
        if (Str(check, "Type") == "http" && method.Length > 0 && !HttpMethods.Contains(method.ToUpperInvariant()))
        {
            return $"method type {GoQuote(method)} not supported in Nomad http check";
        }
        if (Long(check["SuccessBeforePassing"]) != 0)
        {
            return "success_before_passing may only be set for Consul service checks";
        }
        if (Long(check["FailuresBeforeCritical"]) != 0)
        {
            return "failures_before_critical may only be set for Consul service checks";
        }
        if (Long(check["FailuresBeforeWarning"]) != 0)
        {
            return "failures_before_warning may only be set for Consul service checks";
        }
        return Str(check, "TLSServerName").Length > 0 ? "tls_server_name may only be set for Consul service checks" : null;
    }

    private static string? CommonCheck(JsonObject check, string[] allowed)
    {
        var type = Str(check, "Type").ToLowerInvariant();
        if (!allowed.Contains(type))
        {
            return $"invalid check type ({GoQuote(type)}), must be one of {string.Join(", ", allowed)}";
        }
        if (type == "http")
        {
            var path = Str(check, "Path");
            if (path.Length == 0)
            {
                return "http type must have http path";
            }
            if (GoUrl.Scheme(path) is not { } scheme)
            {
                return "http type must have valid http path";
            }
            if (scheme.Length > 0)
            {
                return "http type must have relative http path";
            }
        }
        if (type == "script" && Str(check, "Command").Length == 0)
        {
            return "script type must have a valid script path";
        }
        var interval = Long(check["Interval"]);
        if (interval == 0)
        {
            return "missing required value interval. Interval cannot be less than 1s";
        }
        if (interval < MinCheckInterval)
        {
            return $"interval ({GoDuration.Format(interval)}) cannot be lower than 1s";
        }
        var timeout = Long(check["Timeout"]);
        if (timeout == 0)
        {
            return "missing required value timeout. Timeout cannot be less than 1s";
        }
        if (timeout < MinCheckInterval)
        {
            return $"timeout ({GoDuration.Format(timeout)}) is lower than required minimum timeout 1s";
        }
        var initial = Str(check, "InitialStatus");
        if (initial is not ("" or "passing" or "warning" or "critical"))
        {
            return $"invalid initial check state ({initial}), must be one of \"passing\", \"warning\", \"critical\" or empty";
        }
        var addressMode = Str(check, "AddressMode");
        if (addressMode == "auto")
        {
            return "invalid address_mode \"auto\" - auto only valid for services";
        }
        if (addressMode is not ("" or "host" or "driver" or "alloc" or "alloc_ipv6"))
        {
            return $"invalid address_mode {GoQuote(addressMode)}";
        }
        var onUpdate = Str(check, "OnUpdate");
        if (onUpdate is not ("" or "ignore" or "require_healthy" or "ignore_warnings"))
        {
            return $"on_update must be \"require_healthy\", \"ignore_warnings\", or \"ignore\"; got {GoQuote(onUpdate)}";
        }
        if (Obj(check, "CheckRestart") is { } restart)
        {
            if (onUpdate == "ignore")
            {
                return "on_update value \"ignore\" is not compatible with check_restart";
            }
            if (!Bool(restart["IgnoreWarnings"]) && onUpdate == "ignore_warnings")
            {
                return "on_update value \"ignore_warnings\" not supported with check_restart ignore_warnings value \"false\"";
            }
            var restartErrors = new List<string>();
            if (Long(restart["Limit"]) < 0)
            {
                restartErrors.Add($"limit must be greater than or equal to 0 but found {Long(restart["Limit"])}");
            }
            if (Long(restart["Grace"]) < 0)
            {
                restartErrors.Add($"grace period must be greater than or equal to 0 but found {Long(restart["Grace"])}");
            }
            return MultiError.Format(restartErrors);
        }
        return null;
    }

    /// <summary>Go's strconv.Atoi on a port label, or null when it is not a number.</summary>
    private static long? GoAtoi(string text) =>
        long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    // helper/args: an interpolation such as ${NOMAD_JOB_NAME}.
    [GeneratedRegex(@"\$\{[a-zA-Z0-9_\-\.]+\}")]
    private static partial Regex EnvReference();

    // Service.ValidateName (RFC 1123 labels).
    [GeneratedRegex(@"^(?i:[a-z0-9]|[a-z0-9][a-z0-9\-]{0,61}[a-z0-9])\z")]
    private static partial Regex ServiceName();
}
