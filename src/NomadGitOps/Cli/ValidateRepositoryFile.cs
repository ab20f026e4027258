using System.Text.Json;
using System.Text.Json.Nodes;

using JsonJobFile = NomadGitOps.Rendering.JsonJobFile;

namespace NomadGitOps.Cli;

/// <summary>
/// Reads a GitRepository object's items from a file for <c>validate --repository</c>: the JSON <c>nomad var get -out
/// json</c> prints (the items under <c>Items</c>), a JSON object of string items, or <c>key=value</c> lines as
/// <c>nomad var put</c> takes them (blank lines and lines starting with <c>#</c> skipped).
/// </summary>
internal static class ValidateRepositoryFile
{
    /// <summary>The items, or a sentence saying why the text holds none.</summary>
    public static (Dictionary<string, string>? Items, string? Problem) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.TrimStart().StartsWith('{') ? ParseJson(text) : ParseLines(text);
    }

    private static (Dictionary<string, string>? Items, string? Problem) ParseJson(string text)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException e)
        {
            return (null, $"is not valid JSON: {e.Message}");
        }

        var items = root is not null && JsonJobFile.Field(root, "Items") is JsonObject nested ? nested : root;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in items ?? [])
        {
            if (value is not JsonValue scalar || !scalar.TryGetValue<string>(out var itemText))
            {
                return (null, $"item \"{key}\" is not a string: variable items are strings (write \"{key}\": \"...\")");
            }

            result[key] = itemText;
        }

        return (result, null);
    }

    private static (Dictionary<string, string>? Items, string? Problem) ParseLines(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return (null, $"line {number} is \"{trimmed}\", not key=value: write one item per line (url=https://…), or give the JSON `nomad var get -out json` prints");
            }

            result[trimmed[..equals].Trim()] = trimmed[(equals + 1)..].Trim();
        }

        return (result, null);
    }
}
