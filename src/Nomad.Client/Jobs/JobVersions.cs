using System.Text.Json.Nodes;

namespace Nomad.Client;

/// <summary>A job's versions, newest first, as JSON (<c>GET /v1/job/:id/versions</c>), and the diffs between them when asked for.</summary>
public sealed record JobVersions
{
    /// <summary>The versions, newest first.</summary>
    public IReadOnlyList<JsonObject> Versions { get; init; } = [];

    /// <summary>Diffs between consecutive versions, when requested.</summary>
    public IReadOnlyList<JsonObject>? Diffs { get; init; }
}
