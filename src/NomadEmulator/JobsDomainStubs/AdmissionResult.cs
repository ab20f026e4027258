using System.Text.Json.Nodes;

namespace Nomad.Emulator.Jobs;

/// <summary>The job as the server stores it, or the register error text, and admission warnings. (Stand-in.)</summary>
public sealed record AdmissionResult(JsonObject? Job, string? Error, IReadOnlyList<string> Warnings);
