using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nomad.Emulator.Http;

/// <summary>JSON as Nomad writes it: Go field names verbatim (PascalCase), <c>&lt;&gt;&amp;</c> not escaped.</summary>
public static class NomadJson
{
    /// <summary>The options every emulator answer and request body uses.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = null,
        PropertyNameCaseInsensitive = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
