using System.Text.Json.Nodes;
using Nomad.Client;
using NomadGitOps.Objects;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>What the NomadJob controller asks of a live job (as Nomad's job read answers it) and of Nomad's errors.</summary>
internal static class LiveJob
{
    private const string NameField = "Name";

    public static void CopyLiveCounts(JsonObject? live, JsonObject job)
    {
        if (live?["TaskGroups"] is not JsonArray liveGroups || job["TaskGroups"] is not JsonArray groups)
        {
            return;
        }

        var counts = liveGroups.OfType<JsonObject>()
            .Where(g => g[NameField] is not null && g["Count"] is not null)
            .ToDictionary(g => g[NameField]!.GetValue<string>(), g => g["Count"]!.GetValue<int>(), StringComparer.Ordinal);
        foreach (var group in groups.OfType<JsonObject>())
        {
            if (group[NameField]?.GetValue<string>() is { } name && counts.TryGetValue(name, out var count))
            {
                group["Count"] = count;
            }
        }
    }

    // Job.HasUpdateStrategy (nomad/structs/structs.go): a deployment is made only for a service job with a group whose
    // update block has MaxParallel > 0 (UpdateStrategy.IsEmpty).
    /// <summary>Whether registering <paramref name="job"/> starts a deployment (a service job with an update strategy).</summary>
    public static bool ExpectsDeployment(JsonObject job) =>
        job["Type"]?.GetValue<string>() is "service"
        && job["TaskGroups"] is JsonArray groups
        && groups.OfType<JsonObject>().Any(g => g["Update"] is JsonObject update && update["MaxParallel"] is JsonValue max && max.TryGetValue<int>(out var n) && n > 0);

    public static bool IsStopped(JsonObject job) => job["Stop"] is JsonValue stop && stop.TryGetValue<bool>(out var stopped) && stopped;

    // Not the job's fault: left to the skeleton's error policy (NomadUnavailable, or AuthenticationFailed for a refused token).
    public static bool IsUnavailable(NomadApiException e) => e.IsTransient || e.StatusCode is null || NomadFailure.IsAuthentication(e);

    // Job.EnforceIndex in nomad/structs/job.go: "Enforcing job modify index N: ...", answered as a 500.
    public static bool IsEnforceIndexConflict(NomadApiException e) =>
        e.NomadMessage.Contains("Enforcing job modify index", StringComparison.Ordinal);

    public static string Describe(string? value) => value is null ? "(none)" : $"\"{value}\"";

    public static QueryOptions Query(NomadJobSpec spec) => new() { Namespace = spec.Namespace, Region = spec.Region };

    public static WriteOptions Write(NomadJobSpec spec) => new() { Namespace = spec.Namespace, Region = spec.Region };
}
