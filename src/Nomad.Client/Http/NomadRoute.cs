namespace Nomad.Client;

/// <summary>
/// The route template of a request path, as Nomad's HTTP server registers its handlers (<c>command/agent/http.go</c>):
/// <c>/v1/var/</c>, <c>/v1/job/</c>, <c>/v1/deployment/</c> and the allocation routes take an ID segment, everything else
/// this client calls is a fixed path.
/// </summary>
internal static class NomadRoute
{
    /// <summary>The template of <paramref name="path"/> (no query string): IDs become <c>:path</c>, <c>:job_id</c>, <c>:deployment_id</c>, <c>:alloc_id</c>.</summary>
    public static string Template(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.StartsWith("/v1/var/", StringComparison.Ordinal))
        {
            return "/v1/var/:path";
        }

        if (path.StartsWith("/v1/deployment/", StringComparison.Ordinal))
        {
            return "/v1/deployment/:deployment_id";
        }

        if (path.StartsWith("/v1/allocation/", StringComparison.Ordinal) || path.StartsWith("/v1/client/allocation/", StringComparison.Ordinal))
        {
            // An allocation ID is one segment; a client endpoint's action (restart, stop…) follows it.
            var prefix = path.StartsWith("/v1/client/", StringComparison.Ordinal) ? "/v1/client/allocation/" : "/v1/allocation/";
            var rest = path[prefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? prefix + ":alloc_id" : prefix + ":alloc_id/" + Sanitize(rest[(slash + 1)..]);
        }

        if (path.StartsWith("/v1/job/", StringComparison.Ordinal))
        {
            // A job ID is one escaped segment; the known sub-resources follow it.
            var rest = path["/v1/job/".Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? "/v1/job/:job_id" : "/v1/job/:job_id/" + Sanitize(rest[(slash + 1)..]);
        }

        return Sanitize(path);
    }

    // Anything else is one of the fixed paths of this client; keep only characters a route has.
    private static string Sanitize(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_') ? path : "other";
}
