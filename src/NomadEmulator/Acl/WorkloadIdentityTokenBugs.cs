using Microsoft.AspNetCore.Http;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Acl;

/// <summary>
/// Where released Nomad cannot take a workload identity as the request's token although its ACLs would allow the call:
/// the endpoint looks the token up as an ACL token by accessor/secret UUID and fails with
/// <c>500 acl token lookup failed: index error: UUID must be 36 characters</c>. Per issue 11 (from Nomad's changelog
/// and source): <c>POST /v1/job/:id/plan</c> on every CE release before 2.0.4, <c>POST /v1/jobs/parse</c> on a server
/// agent before 1.11.1. Only with ACLs on (with them off no token is looked up). The version is
/// <see cref="EmulatorOptions.NomadVersion"/>.
/// </summary>
public static class WorkloadIdentityTokenBugs
{
    /// <summary>The error text of the failed lookup.</summary>
    public const string LookupFailed = "acl token lookup failed: index error: UUID must be 36 characters";

    /// <summary>The first release whose plan endpoint takes a workload identity.</summary>
    public static readonly Version PlanFixed = new(2, 0, 4);

    /// <summary>The first release whose parse endpoint takes a workload identity.</summary>
    public static readonly Version ParseFixed = new(1, 11, 1);

    /// <summary>Middleware answering the failing endpoints as the configured version does.</summary>
    public static Func<HttpContext, Func<Task>, Task> Middleware(EmulatorState state) => async (context, next) =>
    {
        var request = context.Request;
        if (state.Acl.Enabled
            && request.Method is "POST" or "PUT"
            && AclTable.SecretOf(request) is { } secret
            && WorkloadIdentities.LooksLikeJwt(secret)
            && Affected(request.Path.Value ?? "", ParseVersion(state.Options.NomadVersion)))
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync(LookupFailed, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await next().ConfigureAwait(false);
    };

    /// <summary>"1.10.5", "1.11.0-beta.1", "2.0.4+ent" → its major.minor.patch.</summary>
    public static Version ParseVersion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var core = text.Split('-', '+')[0];
        return Version.TryParse(core, out var v) ? new Version(v.Major, v.Minor, Math.Max(v.Build, 0)) : new Version(0, 0, 0);
    }

    private static bool Affected(string path, Version version) =>
        (path.StartsWith("/v1/job/", StringComparison.Ordinal) && path.EndsWith("/plan", StringComparison.Ordinal) && version < PlanFixed)
        || (path == "/v1/jobs/parse" && version < ParseFixed);
}
