using System.Text.Encodings.Web;
using System.Text.Json;

namespace NomadGitOps.Cli;

/// <summary>How every verb writes <c>-o json</c>: one indented document on stdout, and nothing else there.</summary>
internal static class CliJson
{
    /// <summary>The serializer settings shared by the verbs.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <summary>Writes <paramref name="document"/> as JSON on its own line.</summary>
    public static Task WriteAsync(TextWriter stdout, object document) =>
        stdout.WriteLineAsync(JsonSerializer.Serialize(document, Options));
}
