using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace NomadGitOps.Server;

/// <summary>Where the HTTP server listens: <c>host:port</c> as in <c>--http-addr</c>, the host an IP address or <c>localhost</c>.</summary>
internal sealed record HttpAddress(IPAddress Host, int Port)
{
    /// <summary>The default of <c>run</c>: every interface, port 9090.</summary>
    public static HttpAddress RunDefault { get; } = new(IPAddress.Any, 9090);

    /// <summary>The default of <c>dev</c>: loopback, port 9090 (or the next free one).</summary>
    public static HttpAddress DevDefault { get; } = new(IPAddress.Loopback, 9090);

    /// <summary>Reads <c>0.0.0.0:9090</c>, <c>127.0.0.1:0</c>, <c>[::]:9090</c>, <c>localhost:9090</c> or <c>:9090</c>; false with a sentence otherwise.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out HttpAddress? address, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = null;
        error = null;
        var colon = text.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            error = $"HTTP address \"{text}\" is not host:port, e.g. 0.0.0.0:9090 or 127.0.0.1:9090.";
            return false;
        }

        var host = text[..colon].Trim('[', ']');
        IPAddress? ip = host switch
        {
            "" => IPAddress.Any,
            "localhost" => IPAddress.Loopback,
            _ => IPAddress.TryParse(host, out var parsed) ? parsed : null,
        };
        if (ip is null)
        {
            error = $"HTTP address \"{text}\": the host must be an IP address or localhost, e.g. 0.0.0.0:9090.";
            return false;
        }

        address = new HttpAddress(ip, port);
        return true;
    }

    /// <summary>As written in <c>--http-addr</c>.</summary>
    public override string ToString() =>
        Host.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
