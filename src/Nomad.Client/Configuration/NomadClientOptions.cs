using System.Globalization;
using System.Text;

namespace Nomad.Client;

/// <summary>
/// How to reach Nomad: the same settings, names and defaults as the <c>nomad</c> CLI
/// (<c>api.DefaultConfig()</c> in hashicorp/nomad <c>api/api.go</c>), plus this client's timeout and retry
/// settings. Explicit values win over the environment:
/// <c>NomadClientOptions.FromEnvironment() with { Token = "…" }</c>.
/// </summary>
public sealed record NomadClientOptions
{
    /// <summary>The default agent address, as in the Go client.</summary>
    public const string DefaultAddress = "http://127.0.0.1:4646";

    /// <summary>Agent address (<c>NOMAD_ADDR</c>): <c>http://</c>, <c>https://</c> or <c>unix:///path/to.sock</c>.</summary>
    public string Address { get; init; } = DefaultAddress;

    /// <summary>ACL token secret ID sent as <c>X-Nomad-Token</c> (<c>NOMAD_TOKEN</c>). Never printed.</summary>
    public string? Token { get; init; }

    /// <summary>
    /// File the token comes from when <c>NOMAD_TOKEN</c> is unset: <c>${NOMAD_SECRETS_DIR}/nomad_token</c>, where
    /// Nomad's identity hook writes a task's workload identity (<c>client/allocrunner/taskrunner/identity_hook.go</c>,
    /// <c>wiTokenFile</c>). On a <c>403</c> the client reads it again once and, if the token changed, retries with it.
    /// </summary>
    public string? TokenFile { get; init; }

    /// <summary>
    /// A JWT auth method to exchange a workload identity for an ACL token through (<c>/v1/acl/login</c>) when the
    /// cluster's plan or parse endpoints cannot take the identity (<see cref="IdentityExchange"/>). Not read from the
    /// environment: the program using the client names it.
    /// </summary>
    public string? AuthMethod { get; init; }

    /// <summary>Namespace added to every request unless a call names another (<c>NOMAD_NAMESPACE</c>).</summary>
    public string? Namespace { get; init; }

    /// <summary>Region added to every request unless a call names another (<c>NOMAD_REGION</c>).</summary>
    public string? Region { get; init; }

    /// <summary>PEM file of CA certificates to trust instead of the system's (<c>NOMAD_CACERT</c>).</summary>
    public string? CaCert { get; init; }

    /// <summary>Directory of PEM CA certificates to trust (<c>NOMAD_CAPATH</c>).</summary>
    public string? CaPath { get; init; }

    /// <summary>PEM client certificate for mutual TLS (<c>NOMAD_CLIENT_CERT</c>).</summary>
    public string? ClientCert { get; init; }

    /// <summary>PEM private key of <see cref="ClientCert"/> (<c>NOMAD_CLIENT_KEY</c>).</summary>
    public string? ClientKey { get; init; }

    /// <summary>Name the server certificate must carry instead of the address host (<c>NOMAD_TLS_SERVER_NAME</c>).</summary>
    public string? TlsServerName { get; init; }

    /// <summary>Accept any server certificate (<c>NOMAD_SKIP_VERIFY</c>); for development only.</summary>
    public bool SkipVerify { get; init; }

    /// <summary>HTTP basic auth as <c>user:pass</c> (<c>NOMAD_HTTP_AUTH</c>). Never printed.</summary>
    public string? HttpAuth { get; init; }

    /// <summary>Time one attempt may take; a blocking query adds its wait plus wait/16 to it.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts per call for transient failures (1 means no retry).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Backoff before the first retry; doubles per attempt (full jitter).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Largest backoff between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Reads the <c>NOMAD_*</c> variables as <c>api.DefaultConfig()</c> does: empty values count as unset,
    /// an unparsable <c>NOMAD_SKIP_VERIFY</c> is ignored. <paramref name="env"/> defaults to the process environment.
    /// Inside a Nomad task it also takes what the task environment gives (<c>client/taskenv/env.go</c>): without
    /// <c>NOMAD_TOKEN</c>, the token in <c>${NOMAD_SECRETS_DIR}/nomad_token</c> (<see cref="TokenFile"/>); without
    /// <c>NOMAD_ADDR</c>, <c>NOMAD_UNIX_ADDR</c> (<c>unix://${NOMAD_SECRETS_DIR}/api.sock</c>, Nomad ≥ 1.11).
    /// </summary>
    public static NomadClientOptions FromEnvironment(IReadOnlyDictionary<string, string?>? env = null)
    {
        string? Get(string name)
        {
            var value = env is null ? Environment.GetEnvironmentVariable(name) : env.GetValueOrDefault(name);
            return string.IsNullOrEmpty(value) ? null : value;
        }

        var token = Get("NOMAD_TOKEN");
        var tokenFile = token is null && Get("NOMAD_SECRETS_DIR") is { } secrets ? Path.Combine(secrets, "nomad_token") : null;
        return new NomadClientOptions
        {
            Address = Get("NOMAD_ADDR") ?? Get("NOMAD_UNIX_ADDR") ?? DefaultAddress,
            Token = token ?? (tokenFile is null ? null : ReadTokenFile(tokenFile)),
            TokenFile = tokenFile,
            Namespace = Get("NOMAD_NAMESPACE"),
            Region = Get("NOMAD_REGION"),
            CaCert = Get("NOMAD_CACERT"),
            CaPath = Get("NOMAD_CAPATH"),
            ClientCert = Get("NOMAD_CLIENT_CERT"),
            ClientKey = Get("NOMAD_CLIENT_KEY"),
            TlsServerName = Get("NOMAD_TLS_SERVER_NAME"),
            SkipVerify = GoBool.TryParse(Get("NOMAD_SKIP_VERIFY"), out var skip) && skip,
            HttpAuth = Get("NOMAD_HTTP_AUTH"),
        };
    }

    /// <summary>The token in <paramref name="path"/> without surrounding whitespace; null when the file is missing or empty.</summary>
    public static string? ReadTokenFile(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim() is { Length: > 0 } token ? token : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The address with any <c>user:pass@</c> replaced, safe to print.</summary>
    public string RedactedAddress => NomadEndpoint.Redact(Address);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Address = {RedactedAddress}");
        builder.Append(CultureInfo.InvariantCulture, $", Token = {(Token is null ? "" : "[redacted]")}, TokenFile = {TokenFile}, AuthMethod = {AuthMethod}");
        builder.Append(CultureInfo.InvariantCulture, $", Namespace = {Namespace}, Region = {Region}");
        builder.Append(CultureInfo.InvariantCulture, $", CaCert = {CaCert}, CaPath = {CaPath}, ClientCert = {ClientCert}, ClientKey = {ClientKey}");
        builder.Append(CultureInfo.InvariantCulture, $", TlsServerName = {TlsServerName}, SkipVerify = {SkipVerify}");
        builder.Append(CultureInfo.InvariantCulture, $", HttpAuth = {(HttpAuth is null ? "" : "[redacted]")}");
        builder.Append(CultureInfo.InvariantCulture, $", RequestTimeout = {RequestTimeout}, MaxAttempts = {MaxAttempts}");
        builder.Append(CultureInfo.InvariantCulture, $", RetryBaseDelay = {RetryBaseDelay}, RetryMaxDelay = {RetryMaxDelay}");
        return true;
    }
}
