using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Nomad.Emulator.Tests.Support;

/// <summary>Raw HTTP calls to a Nomad API for contract tests: the status, the body as text and JSON, and the index header.</summary>
public static class NomadHttp
{
    /// <summary>GET a path.</summary>
    public static Task<NomadAnswer> NomadGetAsync(this HttpClient http, string path, CancellationToken ct) =>
        SendAsync(http, HttpMethod.Get, path, null, ct);

    /// <summary>POST a JSON body.</summary>
    public static Task<NomadAnswer> NomadPostAsync(this HttpClient http, string path, JsonNode? body, CancellationToken ct) =>
        SendAsync(http, HttpMethod.Post, path, body?.ToJsonString(), ct);

    /// <summary>PUT a JSON body.</summary>
    public static Task<NomadAnswer> NomadPutAsync(this HttpClient http, string path, JsonNode? body, CancellationToken ct) =>
        SendAsync(http, HttpMethod.Put, path, body?.ToJsonString(), ct);

    /// <summary>POST raw text (for malformed bodies).</summary>
    public static Task<NomadAnswer> NomadPostRawAsync(this HttpClient http, string path, string body, CancellationToken ct) =>
        SendAsync(http, HttpMethod.Post, path, body, ct);

    /// <summary>DELETE a path.</summary>
    public static Task<NomadAnswer> NomadDeleteAsync(this HttpClient http, string path, CancellationToken ct) =>
        SendAsync(http, HttpMethod.Delete, path, null, ct);

    private static async Task<NomadAnswer> SendAsync(HttpClient http, HttpMethod method, string path, string? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var index = response.Headers.TryGetValues("X-Nomad-Index", out var values)
            ? long.Parse(values.Single(), CultureInfo.InvariantCulture)
            : (long?)null;
        return new NomadAnswer(response.StatusCode, text, index);
    }
}

/// <summary>One answer: status, body text, <c>X-Nomad-Index</c>.</summary>
public sealed record NomadAnswer(HttpStatusCode Status, string Text, long? Index)
{
    /// <summary>The body as JSON (throws when it is not JSON).</summary>
    public JsonNode? Json => JsonNode.Parse(Text);

    /// <summary>The body as a JSON object.</summary>
    public JsonObject Body => Json!.AsObject();

    /// <summary>Asserts a 200 and returns this, for chaining.</summary>
    public NomadAnswer Ok()
    {
        Status.ShouldBe(HttpStatusCode.OK, Text);
        return this;
    }
}
