using System.Globalization;

namespace NomadGitOps.Server;

/// <summary>
/// Settings of the HTTP server in <c>run</c> and <c>dev</c>: where it listens (<c>--http-addr</c> /
/// <c>NOMAD_GITOPS_HTTP_ADDR</c>), the webhook body limit (<c>NOMAD_GITOPS_WEBHOOK_MAX_BYTES</c>), the API token
/// (<c>NOMAD_GITOPS_API_TOKEN</c> or <c>--api-token-file</c>; none turns the API off), and Kestrel's limits, all set
/// explicitly rather than left to defaults.
/// </summary>
internal sealed record HttpServerOptions
{
    /// <summary>The default webhook body limit: 1 MiB, far above any push payload (GitHub caps its own at 25 MB, most are a few KB).</summary>
    public const long DefaultWebhookMaxBytes = 1024 * 1024;

    /// <summary>Where to listen.</summary>
    public HttpAddress Address { get; init; } = HttpAddress.RunDefault;

    /// <summary>Bodies above this many bytes are refused with <c>413</c>.</summary>
    public long WebhookMaxBytes { get; init; } = DefaultWebhookMaxBytes;

    /// <summary>The bearer token of <c>/api/v1</c>; null turns the API off (it answers <c>403</c>).</summary>
    public string? ApiToken { get; init; }

    /// <summary>How long a client may take to send its request headers (Kestrel's <c>RequestHeadersTimeout</c>).</summary>
    public TimeSpan HeaderTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a client may take to send a whole body before the request is dropped with <c>408</c>.</summary>
    public TimeSpan BodyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an idle keep-alive connection stays open.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The largest request head (request line and headers) accepted.</summary>
    public int MaxHeaderBytes { get; init; } = 32 * 1024;

    /// <summary>The most connections served at once.</summary>
    public long MaxConnections { get; init; } = 1024;

    /// <summary>
    /// Options from <c>NOMAD_GITOPS_HTTP_ADDR</c>, <c>NOMAD_GITOPS_WEBHOOK_MAX_BYTES</c> and <c>NOMAD_GITOPS_API_TOKEN</c> of
    /// <paramref name="env"/> (the process environment when null), on top of <paramref name="defaults"/>; one sentence per bad value.
    /// </summary>
    public static HttpServerOptions FromEnvironment(IReadOnlyDictionary<string, string?>? env, HttpServerOptions defaults, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var problems = new List<string>();
        string? Get(string name)
        {
            var value = env is null ? Environment.GetEnvironmentVariable(name) : env.GetValueOrDefault(name);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        var options = defaults;
        if (Get("NOMAD_GITOPS_HTTP_ADDR") is { } text)
        {
            if (HttpAddress.TryParse(text, out var address, out var error))
            {
                options = options with { Address = address };
            }
            else
            {
                problems.Add("NOMAD_GITOPS_HTTP_ADDR: " + error);
            }
        }

        if (Get("NOMAD_GITOPS_WEBHOOK_MAX_BYTES") is { } max)
        {
            if (long.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0)
            {
                options = options with { WebhookMaxBytes = bytes };
            }
            else
            {
                problems.Add($"NOMAD_GITOPS_WEBHOOK_MAX_BYTES=\"{max}\" is not a positive whole number of bytes.");
            }
        }

        if (Get("NOMAD_GITOPS_API_TOKEN") is { } token)
        {
            options = options with { ApiToken = token };
        }

        errors = problems;
        return options;
    }
}
