using Microsoft.AspNetCore.Http;
using Nomad.Emulator.Http;
using Nomad.Emulator.State;
using Nomad.Hcl;

namespace Nomad.Emulator.Api;

/// <summary>
/// <c>POST /v1/jobs/parse</c> (<c>JobsParseRequest</c> in <c>command/agent/job_endpoint.go</c>): needs
/// <c>parse-job</c> or <c>submit-job</c>; an empty <c>JobHCL</c> answers <c>400 Job spec is empty</c>. The HCL itself
/// is parsed by the project's HCL library (<c>Nomad.Hcl</c>), as Nomad's jobspec2 parses it.
/// </summary>
public static class JobParsing
{
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

        // decodeBody into api.JobsParseRequest: a value of the wrong JSON type fails the whole decode (CodedError 400).
        if (ApiJobJson.RequestTypeError(body!, "JobsParseRequest") is { } typeError)
        {
            return NomadResults.Error(400, typeError);
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
    /// Parses HCL2 job text as Nomad does (<c>jobspec2.ParseWithConfig</c>: file <c>input.hcl</c>, file functions
    /// off, <c>Variables</c> as var-file content) with the project's HCL library, and answers the API job JSON, or
    /// <c>400 Failed to parse job: …</c>.
    /// </summary>
    private static IResult ParseHcl(string hcl, string variables, bool canonicalize)
    {
        var result = JobFileParser.Parse(hcl, new JobParseOptions
        {
            FileName = "input.hcl",
            VarFileContent = variables.Length > 0 ? variables : null,
            FileSystemRoot = null,
            Canonicalize = canonicalize,
        });
        return result.Job is { } job
            ? Results.Json(job, NomadJson.Options)
            : NomadResults.Error(400, "Failed to parse job: " + result.ErrorText);
    }
}
