using System.Net;
using Nomad.Client;
using NomadGitOps.Objects;

namespace NomadGitOps.Controllers;

/// <summary>Which status reason a failed Nomad call gives: refused credentials are not an outage.</summary>
internal static class NomadFailure
{
    /// <summary>
    /// True when Nomad refused the controller's token: <c>403</c> (after the client retried once with a fresh token),
    /// <c>401</c> (a failed identity login), or the <c>500 acl token lookup failed</c> of an endpoint that cannot take a
    /// workload identity (plan before 2.0.4, parse before 1.11.1).
    /// </summary>
    public static bool IsAuthentication(NomadApiException e) =>
        e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
        || e.NomadMessage.Contains("acl token lookup failed", StringComparison.Ordinal);

    /// <summary><see cref="Reasons.AuthenticationFailed"/> for refused credentials, else <see cref="Reasons.NomadUnavailable"/>.</summary>
    public static string Reason(Exception e) =>
        e is NomadApiException nomad && IsAuthentication(nomad) ? Reasons.AuthenticationFailed : Reasons.NomadUnavailable;

    /// <summary>What to do about a refused token, appended to the status message.</summary>
    public static string Advice(Exception e) => e is NomadApiException nomad && IsAuthentication(nomad)
        ? " Nomad refused the controller's token: run `nomad-gitops check` with the same token to see which capability is missing, or check the auth method and binding rule (docs/install.md, Troubleshooting)."
        : "";
}
