using System.Text.Json.Nodes;

namespace Nomad.Emulator.Jobs;

/// <summary>The outcome of admitting a job: the stored job, or the register error text; plus warnings.</summary>
/// <param name="Job">The job as the server stores it, or null when <paramref name="Error"/> is set.</param>
/// <param name="Error">Nomad's multi-error text a register answers with 500, or null when admitted.</param>
/// <param name="Warnings">Admission warnings (Nomad's <c>Warnings</c> field of the register answer).</param>
public sealed record AdmissionResult(JsonObject? Job, string? Error, IReadOnlyList<string> Warnings);
