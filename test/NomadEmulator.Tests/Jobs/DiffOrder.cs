using System.Text.Json.Nodes;

namespace Nomad.Emulator.Tests.Jobs;

/// <summary>
/// Puts the parts of a plan diff whose order Nomad does not fix into one order. Nomad builds sibling
/// <c>Objects</c> from Go maps and sorts them with <c>ObjectDiff.Less</c>, which is not a strict order:
/// objects of the same name and type (e.g. several added constraints) come out in a different order from
/// run to run (Nomad's own diff gave 6 different orders of new_full_job in 12 runs). Fields, groups and tasks
/// keep Nomad's order, which is deterministic.
/// </summary>
internal static class DiffOrder
{
    public static JsonNode Normalized(JsonNode diff)
    {
        var copy = diff.DeepClone();
        Sort(copy);
        return copy;
    }

    private static void Sort(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    Sort(child);
                }
                if (o["Objects"] is JsonArray objects)
                {
                    var ordered = objects.Select(x => x!.DeepClone())
                        .OrderBy(x => x["Name"]!.GetValue<string>(), StringComparer.Ordinal)
                        .ThenBy(x => x.ToJsonString(), StringComparer.Ordinal)
                        .ToList();
                    objects.Clear();
                    foreach (var item in ordered)
                    {
                        objects.Add(item);
                    }
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Sort(child);
                }
                break;
        }
    }
}
