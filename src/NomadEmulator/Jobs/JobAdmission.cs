using System.Text;
using System.Text.Json.Nodes;
using Nomad.Hcl;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// Nomad's register admission: the agent's API→struct conversion, the server's admission mutators
/// (canonicalize, implied constraints) and validators (<c>Job.Validate</c>, <c>jobValidate</c>, memory
/// oversubscription), for a default server (ACLs and Vault off).
/// </summary>
public static class JobAdmission
{
    /// <summary>
    /// Turns an API-shaped job into the job as the server stores it (as recorded from Nomad's server code in the golden files),
    /// or the exact register error text (Nomad's multi-error text, untrimmed). Server-set
    /// fields (Version, indexes, Status, SubmitTime, Stop) are left to the caller.
    /// </summary>
    /// <param name="apiJob">The job in the API shape.</param>
    /// <param name="cluster">The server state the validators consult (namespaces, node pools); null skips those checks.</param>
    public static AdmissionResult Admit(JsonObject apiJob, AdmissionCluster? cluster = null)
    {
        ArgumentNullException.ThrowIfNull(apiJob);

        // The agent decodes the body into api.Job (missing and null value fields zero, unknown keys dropped, a value of
        // the wrong JSON type an ApiJsonTypeException: the endpoints answer that 400 before admission), and
        // ApiJobToStructJob canonicalizes every job first, so a bare register body gets the API defaults.
        var canonical = ApiJobJson.Decode(apiJob);
        JobCanonicalizer.Canonicalize(canonical);
        var (stored, mutatorError) = JobConversion.ToStored(canonical);
        if (mutatorError is not null)
        {
            return new AdmissionResult(null, mutatorError, []) { ValidationErrors = [mutatorError] };
        }
        var errors = JobValidator.Validate(stored, cluster);
        var warnings = JobWarnings.For(stored);
        return errors.Count == 0
            ? new AdmissionResult(stored, null, warnings)
            : new AdmissionResult(null, MultiError.Format(errors), warnings) { ValidationErrors = errors };
    }

    /// <summary>Nomad's <c>helper.MergeMultierrorWarnings</c> text (<c>N warnings:\n\n* …</c>), or "" for none.</summary>
    public static string FormatWarnings(IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        if (warnings.Count == 0)
        {
            return "";
        }
        var text = new StringBuilder(warnings.Count == 1 ? "1 warning:\n" : $"{warnings.Count} warnings:\n");
        foreach (var warning in warnings)
        {
            text.Append("\n* ").Append(warning.Trim());
        }
        return text.ToString();
    }
}
