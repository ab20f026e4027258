using System.Text.Json.Nodes;

namespace Nomad.Emulator.Jobs;

/// <summary>Nomad's register admission: API→struct conversion, admission mutators and validators.</summary>
public static class JobAdmission
{
    /// <summary>
    /// Turns an API-shaped job into the job as the server stores it (what <c>plan-oracle job</c> prints),
    /// or the exact register error text (what <c>plan-oracle validate</c> prints). Server-set fields
    /// (Version, indexes, Status, SubmitTime, Stop) are left to the caller.
    /// </summary>
    public static AdmissionResult Admit(JsonObject apiJob)
    {
        ArgumentNullException.ThrowIfNull(apiJob);
        var stored = JobConversion.ToStored(apiJob);
        var error = JobValidator.Validate(stored);
        return error is null ? new AdmissionResult(stored, null, []) : new AdmissionResult(null, error, []);
    }
}
