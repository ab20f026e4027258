using Microsoft.AspNetCore.Http;
using Nomad.Emulator.Http;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Api;

/// <summary>
/// <c>POST /v1/jobs/parse</c> (<c>JobsParseRequest</c> in <c>command/agent/job_endpoint.go</c>): needs
/// <c>parse-job</c> or <c>submit-job</c>; an empty <c>JobHCL</c> answers <c>400 Job spec is empty</c>. The HCL itself
/// goes to <see cref="ParseHcl"/>, the one seam where the project's HCL library plugs in.
/// </summary>
public static class JobParsing
{
    /// <summary>The 501 text while no HCL parser is wired in.</summary>
    public const string NotAvailable = "HCL parsing is not available in this emulator yet";

    /// <summary>Handles a parse request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, EmulatorState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        var request = context.Request;
        var ns = request.Query["namespace"].ToString() is { Length: > 0 } q ? q : "default";
        if (!state.Acl.AllowsNamespace(request, ns, "parse-job") && !state.Acl.AllowsNamespace(request, ns, "submit-job"))
        {
            return NomadResults.Error(403, "Permission denied");
        }

        var (body, error) = await JsonBody.ReadObjectAsync(request, "api.JobsParseRequest", ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var hcl = JsonBody.Field(body!, "JobHCL")?.GetValue<string>() ?? "";
        if (hcl.Length == 0)
        {
            return NomadResults.Error(400, "Job spec is empty");
        }

        var variables = JsonBody.Field(body!, "Variables")?.GetValue<string>() ?? "";
        var canonicalize = JsonBody.Bool(body!, "Canonicalize");
        return ParseHcl(hcl, variables, canonicalize);
    }

    /// <summary>
    /// Parses HCL2 job text as Nomad does (file <c>input.hcl</c>, file functions off) and answers the API job JSON,
    /// or <c>400 Failed to parse job: …</c>. Until the HCL library lands this answers 501.
    /// </summary>
    private static IResult ParseHcl(string hcl, string variables, bool canonicalize)
    {
        _ = (hcl, variables, canonicalize);
        return NomadResults.Error(501, NotAvailable);
    }
}
