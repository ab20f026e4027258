using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using NomadGitOps.Objects;

namespace NomadGitOps.Server.StatusPage;

/// <summary>
/// The read-only status pages: <c>GET /</c> (header, repositories, jobs; failing first), <c>GET /objects/{kind}/{name}</c>
/// (one object's every item and last transitions), each also as JSON for scripts (<c>?format=json</c>, and
/// <c>/status.json</c> for the overview). Built from <see cref="StatusReader"/>, so a view never calls Nomad.
/// </summary>
internal sealed class StatusPageEndpoints(StatusReader reader)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <summary><c>GET /</c>: the overview as HTML, or JSON with <c>?format=json</c>.</summary>
    public IResult Overview(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var overview = reader.Overview();
        return WantsJson(context) ? Results.Json(overview, Json) : Html(StatusHtml.Overview(overview), StatusCodes.Status200OK);
    }

    /// <summary><c>GET /status.json</c>: the overview as JSON.</summary>
    public IResult OverviewJson() => Results.Json(reader.Overview(), Json);

    /// <summary><c>GET /objects/{kind}/{name}</c>: one object (a NomadJob's name is <c>namespace/job</c>).</summary>
    public IResult Object(HttpContext context, string kind, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = KeyOf(kind, name);
        var detail = key is null ? null : reader.Detail(key);
        if (detail is null)
        {
            var what = key is null
                ? $"\"{kind}/{name}\" names no object: use /objects/gitrepository/<name>, /objects/nomadjob/<namespace>/<job> or /objects/receiver/<name>."
                : $"{key} is not known to this replica.";
            return WantsJson(context)
                ? Results.Json(new { error = what }, Json, statusCode: StatusCodes.Status404NotFound)
                : Html(StatusHtml.NotFound(reader.Header(), what), StatusCodes.Status404NotFound);
        }

        return WantsJson(context) ? Results.Json(detail, Json) : Html(StatusHtml.Detail(detail), StatusCodes.Status200OK);
    }

    private static ObjectKey? KeyOf(string kind, string name)
    {
        try
        {
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            return kind.ToLowerInvariant() switch
            {
                ObjectKey.GitRepositorySegment when name.Length > 0 && slash < 0 => ObjectKey.GitRepository(name),
                ObjectKey.ReceiverSegment when name.Length > 0 && slash < 0 => ObjectKey.Receiver(name),
                ObjectKey.NomadJobSegment when slash > 0 && slash < name.Length - 1 => ObjectKey.NomadJob(name[..slash], name[(slash + 1)..]),
                _ => null,
            };
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool WantsJson(HttpContext context) =>
        string.Equals(context.Request.Query["format"], "json", StringComparison.OrdinalIgnoreCase);

    private static IResult Html(string html, int status) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
