using System.Text.Json.Nodes;
using static Nomad.Emulator.Jobs.DiffJson;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// The plan's <c>Annotations.DesiredTGUpdates</c> as Nomad's cluster reconciler
/// (scheduler/reconciler/reconcile_cluster.go) decides them for a cluster where every allocation of the
/// previous version is running and healthy, no deployment is in flight, and every node stays eligible.
/// See docs/jobs-domain.md for the model.
/// </summary>
public static class PlanAnnotations
{
    private static readonly string[] Keys = ["Place", "Stop", "Ignore", "InPlaceUpdate", "DestructiveUpdate", "Canary", "Migrate", "Preemptions", "RescheduleNow", "RescheduleLater"];

    /// <summary>
    /// Per task group name (new groups and removed ones), the scheduler's desired updates. Whether the job
    /// changed is decided by <see cref="JobSpec.Changed"/> (the scheduler compares job modify indexes, which a
    /// plan bumps only on a spec change), not by <paramref name="diff"/>, which is accepted for the caller's
    /// convenience and only checked for null.
    /// </summary>
    public static JsonObject DesiredTGUpdates(JsonObject? storedOld, JsonObject storedNew, JsonObject diff)
    {
        ArgumentNullException.ThrowIfNull(storedNew);
        ArgumentNullException.ThrowIfNull(diff);
        var result = new JsonObject();
        var changed = storedOld is null || JobSpec.Changed(storedOld, storedNew);
        var oldGroups = Objs(storedOld, "TaskGroups");
        foreach (var group in Objs(storedNew, "TaskGroups"))
        {
            var name = Str(group, "Name");
            var newCount = Count(group);
            var oldGroup = oldGroups.FirstOrDefault(g => Str(g, "Name") == name);
            var counts = Keys.ToDictionary(k => k, _ => 0L);
            if (oldGroup is null)
            {
                counts["Place"] = newCount;
            }
            else
            {
                Existing(counts, storedOld!, storedNew, group, Count(oldGroup), newCount, changed);
            }
            result[name] = ToJson(counts);
        }
        foreach (var removed in oldGroups.Where(g => Objs(storedNew, "TaskGroups").All(n => Str(n, "Name") != Str(g, "Name"))))
        {
            var counts = Keys.ToDictionary(k => k, _ => 0L);
            counts["Stop"] = Count(removed);
            result[Str(removed, "Name")] = ToJson(counts);
        }
        return result;
    }

    private static void Existing(Dictionary<string, long> counts, JsonObject oldJob, JsonObject newJob, JsonObject group, long oldCount, long newCount, bool changed)
    {
        var kept = Math.Min(oldCount, newCount);
        counts["Stop"] = Math.Max(0, oldCount - newCount);
        var place = Math.Max(0, newCount - oldCount);
        if (!changed)
        {
            counts["Ignore"] = kept;
            counts["Place"] = place;
            return;
        }
        if (!TaskGroupUpdate.IsDestructive(oldJob, newJob, Str(group, "Name")))
        {
            counts["InPlaceUpdate"] = kept;
            counts["Place"] = place;
            return;
        }
        var update = Obj(group, "Update");
        var maxParallel = Long(update?["MaxParallel"], 0);
        var canary = Long(update?["Canary"], 0);
        if (kept > 0 && maxParallel > 0 && canary > 0)
        {
            // Canaries first: nothing else is placed or replaced until they are promoted.
            counts["Canary"] = canary;
            counts["Ignore"] = kept;
            return;
        }
        counts["Place"] = place;
        var budget = maxParallel == 0 || kept == 0 ? newCount : maxParallel;
        budget -= Math.Min(place, budget);
        counts["DestructiveUpdate"] = Math.Min(kept, budget);
        counts["Ignore"] = kept - counts["DestructiveUpdate"];
    }

    private static long Count(JsonObject group) => Long(group["Count"], 0);

    private static JsonObject ToJson(Dictionary<string, long> counts)
    {
        var json = new JsonObject();
        foreach (var key in Keys)
        {
            json[key] = counts[key];
        }
        return json;
    }
}
