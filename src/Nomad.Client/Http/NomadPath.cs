namespace Nomad.Client;

/// <summary>Builds escaped request paths: a variable path keeps its slashes, an ID is one segment.</summary>
internal static class NomadPath
{
    /// <summary><c>/v1/var/a/b</c> for the variable path <c>a/b</c> (leading/trailing slashes dropped as the Go client does).</summary>
    public static string Variable(string path) =>
        "/v1/var/" + string.Join('/', path.Trim('/').Split('/').Select(Uri.EscapeDataString));

    /// <summary>An ID escaped as one path segment (slashes included), as Go's <c>url.PathEscape</c>.</summary>
    public static string Segment(string id) => Uri.EscapeDataString(id);
}
