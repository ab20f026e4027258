using System.Net;
using Microsoft.Extensions.Logging;

namespace Nomad.Client;

/// <summary>
/// Follows what the cluster accepts. A workload identity (a JWT in <c>NOMAD_TOKEN</c> or the task's token file) is
/// taken by Nomad as a token for variables and job reads and writes, but <c>POST /v1/job/:id/plan</c> fails with
/// <c>500 acl token lookup failed: index error: UUID must be 36 characters</c> on CE releases before 2.0.4 and
/// <c>POST /v1/jobs/parse</c> on server agents before 1.11.1 (issue 11 §2). So on the first request this reads the
/// cluster's version (<c>/v1/agent/self</c>; when the token may not read the agent, the version is unknown and treated
/// as affected) and, where plan cannot take the identity and <see cref="NomadClientOptions.AuthMethod"/> names a JWT
/// auth method, exchanges it through <c>/v1/acl/login</c> for an ACL token. That token is replaced by a new login once
/// two thirds of its lifetime have passed (checked before each request), and on a <c>403</c> once per request (the
/// identity is read again from the token file first: a new allocation or a renewed identity rewrites it).
/// A failed login is a <see cref="NomadApiException"/> with status 401.
/// </summary>
public sealed class IdentityExchange : IDisposable
{
    private readonly NomadTransport _transport;
    private readonly AclClient _acl;
    private readonly StatusClient _status;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _identity;
    private DateTimeOffset? _renewAt;

    internal IdentityExchange(NomadTransport transport, AclClient acl, StatusClient status, TimeProvider time, ILogger logger)
    {
        _transport = transport;
        _acl = acl;
        _status = status;
        _time = time;
        _logger = logger;
        _identity = transport.Options.Token;
    }

    /// <summary>The mode in use; <see cref="AuthMode.Undecided"/> until the first request.</summary>
    public AuthMode Mode { get; private set; }

    /// <summary>The cluster's release, when it was read (only for a workload identity).</summary>
    public NomadVersion? ClusterVersion { get; private set; }

    /// <summary>When the exchanged ACL token expires (null: it does not, or no exchange).</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>How many logins this client made (the first exchange and every renewal).</summary>
    public int Logins { get; private set; }

    /// <summary>True when <paramref name="token"/> is a JWT (three dot-separated parts), not an ACL secret ID (a UUID).</summary>
    public static bool IsWorkloadIdentity(string? token) => token is not null && token.Count(c => c == '.') == 2 && token.Length > 36;

    /// <summary>True when a workload identity cannot be sent as is to this release: plan (CE &lt; 2.0.4) or parse (&lt; 1.11.1) refuse it.</summary>
    public static bool NeedsExchange(NomadVersion? version) => version is null || version.IsBefore(2, 0, 4);

    /// <summary>Decides the mode when not decided yet and logs in again when the exchanged token is due; before every request.</summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        if (Mode is AuthMode.Undecided || (Mode is AuthMode.ExchangedIdentity && _renewAt is { } due && _time.GetUtcNow() >= due))
        {
            await _gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (Mode is AuthMode.Undecided)
                {
                    await DecideAsync(ct).ConfigureAwait(false);
                }
                else if (Mode is AuthMode.ExchangedIdentity && _renewAt is { } again && _time.GetUtcNow() >= again)
                {
                    await LoginAsync("renewal", ct).ConfigureAwait(false);
                }
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>After a 403 with <paramref name="refused"/>: a new token to retry with, or null.</summary>
    internal async Task<string?> RefreshAsync(string? refused, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_transport.Token != refused)
            {
                return _transport.Token; // another request already renewed it
            }

            if (Mode is AuthMode.ExchangedIdentity)
            {
                try
                {
                    await LoginAsync("a 403", ct).ConfigureAwait(false);
                }
                catch (NomadApiException)
                {
                    return null;
                }

                return _transport.Token;
            }

            // A token from the file: the file may hold a new identity or token.
            return _transport.Options.TokenFile is { } file && NomadClientOptions.ReadTokenFile(file) is { } fresh && fresh != refused ? fresh : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task DecideAsync(CancellationToken ct)
    {
        var token = _transport.Token;
        if (token is null)
        {
            Mode = AuthMode.None;
            return;
        }

        if (!IsWorkloadIdentity(token))
        {
            Mode = AuthMode.AclToken;
            return;
        }

        ClusterVersion = await _status.VersionAsync(ct).ConfigureAwait(false);
        if (!NeedsExchange(ClusterVersion))
        {
            Mode = AuthMode.WorkloadIdentity;
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Authenticating with the workload identity as is: Nomad {Version} takes it for plan and parse", ClusterVersion);
            }

            return;
        }

        if (_transport.Options.AuthMethod is null)
        {
            Mode = AuthMode.WorkloadIdentity;
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                _logger.LogWarning(
                "Authenticating with the workload identity as is, but Nomad {Version} refuses it for plan (before 2.0.4) and parse (before 1.11.1); name a JWT auth method (NOMAD_GITOPS_AUTH_METHOD) to exchange it for an ACL token",
                ClusterVersion?.ToString() ?? "(version unknown)");
            }

            return;
        }

        await LoginAsync("first request", ct).ConfigureAwait(false);
        Mode = AuthMode.ExchangedIdentity;
    }

    private async Task LoginAsync(string why, CancellationToken ct)
    {
        var method = _transport.Options.AuthMethod!;
        if (_transport.Options.TokenFile is { } file && NomadClientOptions.ReadTokenFile(file) is { } fresh)
        {
            _identity = fresh;
        }

        AclToken token;
        try
        {
            token = await _acl.LoginAsync(method, _identity!, ct).ConfigureAwait(false);
        }
        catch (NomadApiException e) when (e.StatusCode is not null && !e.IsTransient)
        {
            _logger.LogError("Logging in to Nomad through the auth method {AuthMethod} failed ({Why}): {Error}", method, why, e.NomadMessage);
            throw new NomadApiException(e.Method, e.Path, HttpStatusCode.Unauthorized,
                $"logging in through the auth method \"{method}\" failed: {e.NomadMessage}", isTransient: false, e.Attempts, e);
        }

        _transport.UseToken(token.SecretID);
        Logins++;
        ExpiresAt = token.ExpirationTime;
        var now = _time.GetUtcNow();
        _renewAt = token.ExpirationTime is { } expires ? now + ((expires - now) * 2 / 3) : null;
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation(
                "Exchanged the workload identity for ACL token {AccessorID} through the auth method {AuthMethod} ({Why}); it expires {ExpiresAt}",
                token.AccessorID, method, why, token.ExpirationTime?.ToString("O") ?? "never");
        }
    }
}
