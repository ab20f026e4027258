using System.Text.Json.Nodes;

namespace Nomad.Emulator.State;

/// <summary>A register the API layer has decoded and admitted: the stored-shape job and the request's options.</summary>
public sealed record JobRegistration(
    string Namespace,
    JsonObject Job,
    bool EnforceIndex,
    long JobModifyIndex,
    bool PreserveCounts,
    JsonObject? Submission);
