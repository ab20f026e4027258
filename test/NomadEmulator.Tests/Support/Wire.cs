using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Nomad.Emulator.Tests.Support;

/// <summary>Raw HTTP helpers for contract tests: exact status codes, bodies and headers, no client library.</summary>
public static class Wire
{
    /// <summary>A relative URI.</summary>
    public static Uri Path(string path) => new(path, UriKind.Relative);

    /// <summary>A JSON body from raw text.</summary>
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A variable body with these items.</summary>
    public static StringContent Items(params (string Key, string Value)[] items) =>
        Json(JsonSerializer.Serialize(new { Items = items.ToDictionary(i => i.Key, i => i.Value) }));

    /// <summary>PUT with a body.</summary>
    public static Task<HttpResponseMessage> PutAsync(this HttpClient http, string path, HttpContent content, CancellationToken ct) =>
        http.PutAsync(Path(path), content, ct);

    /// <summary>GET.</summary>
    public static Task<HttpResponseMessage> GetAsync(this HttpClient http, string path, CancellationToken ct) =>
        http.GetAsync(Path(path), ct);

    /// <summary>DELETE.</summary>
    public static Task<HttpResponseMessage> DeleteAsync(this HttpClient http, string path, CancellationToken ct) =>
        http.DeleteAsync(Path(path), ct);

    /// <summary>A request with an explicit token header (or none), overriding the client's default.</summary>
    public static async Task<HttpResponseMessage> SendAsTokenAsync(
        this HttpClient http, HttpMethod method, string path, string? token, HttpContent? content, CancellationToken ct, bool bearer = false)
    {
        using var request = new HttpRequestMessage(method, Path(path)) { Content = content };
        request.Headers.Remove("X-Nomad-Token");
        if (token is not null)
        {
            if (bearer)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            else
            {
                request.Headers.Add("X-Nomad-Token", token);
            }
        }

        // The default token header is copied onto each request by HttpClient; a per-request value wins only
        // if the default is not set, so a client without a default token is used for these requests.
        using var bare = new HttpClient { BaseAddress = http.BaseAddress, Timeout = http.Timeout };
        return await bare.SendAsync(request, ct).ConfigureAwait(false);
    }

    /// <summary>The body as JSON.</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    /// <summary>The body as text.</summary>
    public static Task<string> TextAsync(this HttpResponseMessage response, CancellationToken ct) =>
        response.Content.ReadAsStringAsync(ct);

    /// <summary>The <c>X-Nomad-Index</c> header.</summary>
    public static long NomadIndex(this HttpResponseMessage response) =>
        long.Parse(response.Headers.GetValues("X-Nomad-Index").Single(), CultureInfo.InvariantCulture);

    /// <summary>A property as a long.</summary>
    public static long Number(this JsonElement e, string name) => e.GetProperty(name).GetInt64();

    /// <summary>A property as a string.</summary>
    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    /// <summary>True when the object has the property.</summary>
    public static bool Has(this JsonElement e, string name) => e.TryGetProperty(name, out _);
}
