using System.Text.Json;
using System.Text.Json.Nodes;

namespace NomadGitOps.Rendering;

/// <summary>
/// Reads a JSON job file as the <c>nomad</c> CLI does (command/helpers.go <c>JobGetter.Get</c>): a top-level <c>Job</c>
/// object wins, else the document is the job; field names match without regard to case, as Go's JSON decoding; the ID
/// is <c>ID</c>, else <c>Name</c>. Used by the controllers' <see cref="JobFileParser"/> and by <c>validate</c>.
/// </summary>
internal static class JsonJobFile
{
    /// <summary>The job, its ID and the namespace it names (null for none), or what is wrong with the file.</summary>
    public static (JsonObject? Job, string? JobId, string? Namespace, string? Problem) Read(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(source, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "";
            return (null, null, null, $"is not valid JSON{where}: fix the JSON, or check it with `nomad job validate`");
        }

        if (node is not JsonObject root)
        {
            return (null, null, null, "is not a JSON job: it must hold a job object, or {\"Job\": {...}} as `nomad job inspect` prints it");
        }

        var job = Field(root, "Job") is JsonObject nested ? nested : root;
        var jobId = StringField(job, "ID") is { Length: > 0 } id ? id : StringField(job, "Name");
        if (string.IsNullOrEmpty(jobId))
        {
            return (null, null, null, "holds no job ID: set \"ID\" (or \"Name\") on the job");
        }

        var ns = StringField(job, "Namespace");
        return (job.DeepClone().AsObject(), jobId, string.IsNullOrEmpty(ns) ? null : ns, null);
    }

    /// <summary>The field <paramref name="name"/> of <paramref name="obj"/>, matched exactly first, then ignoring case.</summary>
    public static JsonNode? Field(JsonObject obj, string name)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.TryGetPropertyValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The string value of the field <paramref name="name"/>, or null when absent or not a string.</summary>
    public static string? StringField(JsonObject obj, string name) =>
        Field(obj, name) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
