using System.Text.Json.Nodes;

namespace Nomad.Emulator.Jobs;

/// <summary>The outcome of admitting a job: the stored job, or the register error text; plus warnings.</summary>
/// <param name="Job">The job as the server stores it, or null when <paramref name="Error"/> is set.</param>
/// <param name="Error">
/// Nomad's multi-error text exactly as <c>err.Error()</c> gives it (with Go's trailing newlines), which a
/// register answers as the 500 body; null when admitted.
/// </param>
/// <param name="Warnings">
/// Each admission warning's text (trimmed, as Nomad lists them); also filled when <paramref name="Error"/> is
/// set, for <c>/v1/validate/job</c>. <see cref="JobAdmission.FormatWarnings"/> makes the answers' <c>Warnings</c> text.
/// </param>
public sealed record AdmissionResult(JsonObject? Job, string? Error, IReadOnlyList<string> Warnings)
{
    /// <summary>The top-level errors of <see cref="Error"/> (the <c>ValidationErrors</c> of <c>/v1/validate/job</c>).</summary>
    public IReadOnlyList<string> ValidationErrors { get; init; } = [];
}
