namespace Nomad.Client;

/// <summary>
/// A parsed <c>NOMAD_ADDR</c>: the base URI requests go to (no user info), the unix socket to dial
/// instead of TCP when the address is <c>unix:///path</c>, and the basic-auth user info it carried.
/// </summary>
internal sealed record NomadEndpoint(Uri BaseAddress, string? UnixSocketPath, string? UserInfo)
{
    /// <summary>Parses an address; a bare <c>host:port</c> is taken as <c>http://host:port</c>.</summary>
    public static NomadEndpoint Parse(string address)
    {
        var text = address.Contains("://", StringComparison.Ordinal) ? address : "http://" + address;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"invalid Nomad address '{Redact(address)}'", nameof(address));
        }

        var userInfo = string.IsNullOrEmpty(uri.UserInfo) ? null : Uri.UnescapeDataString(uri.UserInfo);
        switch (uri.Scheme)
        {
            case "unix":
                var socket = Uri.UnescapeDataString(uri.AbsolutePath);
                if (socket is "" or "/")
                {
                    throw new ArgumentException($"invalid Nomad address '{Redact(address)}': a unix address needs an absolute socket path (unix:///path/to.sock)", nameof(address));
                }

                // As the Go client does, requests over a socket go to http://127.0.0.1.
                return new NomadEndpoint(new Uri("http://127.0.0.1/"), socket, userInfo);
            case "http" or "https":
                return new NomadEndpoint(new Uri(uri.GetLeftPart(UriPartial.Authority).Replace(uri.UserInfo + "@", "", StringComparison.Ordinal) + "/"), null, userInfo);
            default:
                throw new ArgumentException($"invalid Nomad address '{Redact(address)}': the scheme must be http, https or unix", nameof(address));
        }
    }

    /// <summary>Replaces the <c>user:pass@</c> part of an address, if any.</summary>
    public static string Redact(string address)
    {
        var scheme = address.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + 3;
        var end = address.IndexOfAny(['/', '?', '#'], start);
        var authority = end < 0 ? address[start..] : address[start..end];
        var at = authority.LastIndexOf('@');
        return at < 0 ? address : address[..start] + "[redacted]@" + address[(start + at + 1)..];
    }
}
