using System.Globalization;
using System.Text.Json.Nodes;
using Nomad.Client;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// The one-line <c>status_plan</c>: per task group (sorted by name) the non-zero counts of the plan's
/// <c>DesiredTGUpdates</c>, e.g. <c>web: 1 create, 2 in-place, 1 destructive; db: 1 ignore</c>.
/// </summary>
/// <remarks>
/// The words shorten the scheduler's annotation names (<c>scheduler/annotate.go</c>: <c>create</c>, <c>destroy</c>,
/// <c>migrate</c>, <c>canary</c>, <c>in-place update</c>, <c>create/destroy update</c>, <c>ignore</c>), which
/// <c>nomad job plan</c> prints per group (<c>formatTaskGroupDiff</c> in <c>command/job_plan.go</c>).
/// </remarks>
internal static class PlanSummary
{
    /// <summary>The summary of <paramref name="plan"/>; <c>no changes</c> when its diff type is <c>None</c>.</summary>
    public static string Of(JobPlanResponse plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var groups = plan.Annotations?.DesiredTGUpdates;
        var prefix = plan.DiffType == "None" ? "no changes" : null;
        if (groups is null || groups.Count == 0)
        {
            return prefix ?? $"diff {plan.DiffType ?? "unknown"}";
        }

        var parts = groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {Counts(g.Value)}");
        var line = string.Join("; ", parts);
        return prefix is null ? line : $"{prefix} ({line})";
    }

    /// <summary>
    /// The summary of a new job registered without a plan (<see cref="JobApplier.RegisterNewAsync"/>), as the plan of that
    /// job would have answered it, so a job has the same <c>status_plan</c> whether it took the new-job path or was
    /// planned first: for a service or batch job (the generic scheduler), what the reconciler decides for a job with no
    /// allocations, <c>Place</c> = the group's count (<c>web: 2 create</c>; a count of 0 reads <c>0 ignore</c>, as above;
    /// no count is Nomad's default of 1). A periodic or parameterized job is no exception: Nomad's plan runs the same
    /// scheduler on it and answers each group's count as created, although the job itself places nothing until launched
    /// (hashicorp/nomad#2012, confirmed as a plan bug and open). For system and sysbatch jobs, whose placements depend on
    /// the nodes, <c>new job (not planned)</c>.
    /// </summary>
    public static string OfNewJob(JsonObject job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var placesItsCount = job["Type"]?.GetValue<string>() is "service" or "batch";
        if (!placesItsCount || job["TaskGroups"] is not JsonArray groups || groups.Count == 0)
        {
            return "new job (not planned)";
        }

        var parts = groups.OfType<JsonObject>()
            .Select(g => (Name: g["Name"]?.GetValue<string>() ?? "", Count: g["Count"] is JsonValue count && count.TryGetValue<ulong>(out var n) ? n : 1UL))
            .OrderBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => $"{g.Name}: {Counts(new DesiredUpdates { Place = g.Count })}");
        return string.Join("; ", parts);
    }

    private static string Counts(DesiredUpdates updates)
    {
        (ulong Count, string Word)[] all =
        [
            (updates.Place, "create"), (updates.InPlaceUpdate, "in-place"), (updates.DestructiveUpdate, "destructive"),
            (updates.Stop, "destroy"), (updates.Migrate, "migrate"), (updates.Canary, "canary"),
            (updates.Preemptions, "preemption"),
        ];
        var changes = all.Where(a => a.Count > 0).Select(a => $"{a.Count.ToString(CultureInfo.InvariantCulture)} {a.Word}").ToList();
        if (changes.Count == 0 || updates.Ignore > 0)
        {
            changes.Add($"{updates.Ignore.ToString(CultureInfo.InvariantCulture)} ignore");
        }

        return string.Join(", ", changes);
    }
}
