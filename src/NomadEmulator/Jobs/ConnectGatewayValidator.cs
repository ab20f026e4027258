using System.Text.Json.Nodes;
using static Nomad.Emulator.Jobs.DiffJson;
using static Nomad.Emulator.State.VariablesErrors;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// <c>ConsulGateway.Validate</c> (nomad/structs/services.go) of a gateway after the connect admission set its proxy:
/// the proxy (ConsulGatewayProxy.Validate and its bind addresses), the ingress listeners and their services, the
/// terminating gateway's linked services, then exactly one kind. Each step returns its first error only. The TLS
/// blocks (ConsulGatewayTLSConfig) and a mesh entry have no checks in Nomad.
/// </summary>
internal static class ConnectGatewayValidator
{
    private static readonly string[] ListenerProtocols = ["tcp", "http", "http2", "grpc"];

    /// <summary>The gateway's error, or null when Nomad accepts it.</summary>
    public static string? Validate(JsonObject gateway)
    {
        var ingress = Obj(gateway, "Ingress");
        var terminating = Obj(gateway, "Terminating");
        var error = Obj(gateway, "Proxy") is { } proxy ? Proxy(proxy) : null;
        error ??= ingress is not null ? Ingress(ingress) : null;
        error ??= terminating is not null ? Terminating(terminating) : null;
        if (error is not null)
        {
            return error;
        }
        var kinds = (ingress is not null ? 1 : 0) + (terminating is not null ? 1 : 0) + (Obj(gateway, "Mesh") is not null ? 1 : 0);
        return kinds != 1 ? "One Consul Gateway Configuration must be set" : null;
    }

    // ConsulGatewayProxy.Validate. The API canonicalize and the connect admission always set ConnectTimeout (5s), so
    // its "must be set" error cannot be reached through the HTTP API. Nomad walks the bind addresses as a Go map (random
    // order): with two faulty addresses of different faults its error varies; the emulator follows the JSON order.
    private static string? Proxy(JsonObject proxy)
    {
        if (proxy["ConnectTimeout"] is not JsonValue)
        {
            return "Consul Gateway Proxy connection_timeout must be set";
        }
        if (Str(proxy, "EnvoyDNSDiscoveryType") is not ("" or "STRICT_DNS" or "LOGICAL_DNS"))
        {
            return "Consul Gateway Proxy Envoy DNS Discovery type must be STRICT_DNS or LOGICAL_DNS";
        }
        foreach (var (_, node) in Obj(proxy, "EnvoyGatewayBindAddresses") ?? new JsonObject())
        {
            if (node is not JsonObject address)
            {
                continue;
            }
            if (Str(address, "Address").Length == 0)
            {
                return "Consul Gateway Bind Address must be set";
            }
            var port = Long(address["Port"]);
            if (port <= 0 && port != -1)
            {
                return "Consul Gateway Bind Address must set valid Port";
            }
        }
        return null;
    }

    // ConsulIngressConfigEntry.Validate, ConsulIngressListener.Validate, ConsulIngressService.Validate.
    private static string? Ingress(JsonObject ingress)
    {
        var listeners = Objs(ingress, "Listeners");
        if (listeners.Count == 0)
        {
            return "Consul Ingress Gateway requires at least one listener";
        }
        foreach (var listener in listeners)
        {
            if (Long(listener["Port"]) <= 0)
            {
                return "Consul Ingress Listener requires valid Port";
            }
            var protocol = Str(listener, "Protocol");
            if (!ListenerProtocols.Contains(protocol))
            {
                return $"Consul Ingress Listener requires protocol of {string.Join(", ", ListenerProtocols)}, got {GoQuote(protocol)}";
            }
            var services = Objs(listener, "Services");
            if (services.Count == 0)
            {
                return "Consul Ingress Listener requires one or more services";
            }
            foreach (var service in services)
            {
                if (IngressService(service, protocol) is { } error)
                {
                    return error;
                }
            }
        }
        return null;
    }

    private static string? IngressService(JsonObject service, string protocol)
    {
        var name = Str(service, "Name");
        var hasHosts = Strings(service, "Hosts").Count > 0;
        if (name.Length == 0)
        {
            return "Consul Ingress Service requires a name";
        }
        if (protocol == "tcp")
        {
            if (name == "*")
            {
                return "Consul Ingress Service doesn't support wildcard name for \"tcp\" protocol";
            }
            return hasHosts ? "Consul Ingress Service doesn't support associating hosts to a service for the \"tcp\" protocol" : null;
        }
        return name == "*" && hasHosts ? "Consul Ingress Service with a wildcard \"*\" service name can not also specify hosts" : null;
    }

    // ConsulTerminatingConfigEntry.Validate and ConsulLinkedService.Validate.
    private static string? Terminating(JsonObject terminating)
    {
        var services = Objs(terminating, "Services");
        if (services.Count == 0)
        {
            return "Consul Terminating Gateway requires at least one service";
        }
        foreach (var service in services)
        {
            var ca = Str(service, "CAFile").Length > 0;
            var cert = Str(service, "CertFile").Length > 0;
            var key = Str(service, "KeyFile").Length > 0;
            if (Str(service, "Name").Length == 0)
            {
                return "Consul Linked Service requires Name";
            }
            if ((cert || key) && !ca)
            {
                return "Consul Linked Service TLS requires CAFile";
            }
            if (cert != key)
            {
                return "Consul Linked Service TLS Cert and Key must both be set";
            }
            if (Str(service, "SNI").Length > 0 && !ca)
            {
                return "Consul Linked Service TLS SNI requires CAFile";
            }
        }
        return null;
    }
}
