using System.Text.Json.Nodes;

namespace Nomad.Emulator.Tests.Support;

/// <summary>
/// Minimal valid jobs in the API shape, canonicalized as <c>/v1/jobs/parse</c> returns them (templates in
/// <c>Golden/api-jobs</c>, made by Nomad's own parser), for register and plan bodies.
/// </summary>
public static class TestJobs
{
    /// <summary>A service job with one group <c>web</c> running one docker task.</summary>
    public static JsonObject Service(string id, int count = 1, JsonObject? meta = null) => Job(id, "service", count, meta);

    /// <summary>A batch job with one group <c>work</c>.</summary>
    public static JsonObject Batch(string id, JsonObject? meta = null) => Job(id, "batch", 1, meta);

    /// <summary>A periodic batch job (no evaluation on register).</summary>
    public static JsonObject Periodic(string id) => Job(id, "periodic", 1, null);

    /// <summary>A register request body: <c>{"Job": job, …extra}</c>.</summary>
    public static JsonObject Register(JsonObject job, JsonObject? extra = null)
    {
        var body = new JsonObject { ["Job"] = job };
        foreach (var (key, value) in extra ?? [])
        {
            body[key] = value?.DeepClone();
        }

        return body;
    }

    private static JsonObject Job(string id, string template, int count, JsonObject? meta)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", "api-jobs", template + ".json");
        var job = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        job["ID"] = id;
        job["Name"] = id;
        job["Meta"] = meta;
        job["TaskGroups"]![0]!["Count"] = count;
        return job;
    }
}
