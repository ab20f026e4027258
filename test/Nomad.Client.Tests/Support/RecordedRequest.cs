using System.Text.Json.Nodes;

namespace Nomad.Client.Tests.Support;

/// <summary>A request as the scripted server received it.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string RawTarget,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? ClientCertificateSubject = null)
{
    /// <summary>The body parsed as JSON (null when empty).</summary>
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);

    /// <summary>A header's value or null.</summary>
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
