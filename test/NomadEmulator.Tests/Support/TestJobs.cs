using System.Text.Json.Nodes;

namespace Nomad.Emulator.Tests.Support;

/// <summary>Minimal valid jobs in the API shape (what <c>/v1/jobs/parse</c> returns), for register and plan bodies.</summary>
public static class TestJobs
{
    /// <summary>A service job with one group <c>web</c> running one docker task.</summary>
    public static JsonObject Service(string id, int count = 1, JsonObject? meta = null) => Job(id, "service", count, meta);

    /// <summary>A batch job with one group <c>work</c>.</summary>
    public static JsonObject Batch(string id, JsonObject? meta = null)
    {
        var job = Job(id, "batch", 1, meta);
        job["TaskGroups"]![0]!["Name"] = "work";
        return job;
    }

    /// <summary>A periodic batch job (no evaluation on register).</summary>
    public static JsonObject Periodic(string id)
    {
        var job = Batch(id);
        job["Periodic"] = new JsonObject { ["Enabled"] = true, ["Spec"] = "*/15 * * * *", ["SpecType"] = "cron", ["ProhibitOverlap"] = true };
        return job;
    }

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

    private static JsonObject Job(string id, string type, int count, JsonObject? meta) => new()
    {
        ["ID"] = id,
        ["Name"] = id,
        ["Type"] = type,
        ["Datacenters"] = new JsonArray("dc1"),
        ["Meta"] = meta,
        ["TaskGroups"] = new JsonArray(new JsonObject
        {
            ["Name"] = "web",
            ["Count"] = count,
            ["Tasks"] = new JsonArray(new JsonObject
            {
                ["Name"] = "main",
                ["Driver"] = "docker",
                ["Config"] = new JsonObject { ["image"] = "busybox:1.36", ["command"] = "sleep", ["args"] = new JsonArray("3600") },
                ["Resources"] = new JsonObject { ["CPU"] = 50, ["MemoryMB"] = 32 },
            }),
        }),
    };
}
