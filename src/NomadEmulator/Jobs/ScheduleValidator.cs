using System.Text.Json.Nodes;
using static Nomad.Emulator.Jobs.DiffJson;
using static Nomad.Emulator.State.VariablesErrors;

namespace Nomad.Emulator.Jobs;

/// <summary><c>PeriodicConfig.Validate</c> and <c>ParameterizedJobConfig.Validate</c> (nomad/structs/structs.go).</summary>
internal static class ScheduleValidator
{
    /// <summary>The errors of an enabled periodic block: spec count, time zone, cron syntax (CronSyntax), spec type.</summary>
    public static List<string> Periodic(JsonObject periodic)
    {
        var errors = new List<string>();
        var spec = Str(periodic, "Spec");
        var specs = Strings(periodic, "Specs");
        if (spec.Length > 0 && specs.Count > 0)
        {
            errors.Add("Only cron or crons may be used");
        }
        if (spec.Length == 0 && specs.Count == 0)
        {
            errors.Add("Must specify a spec");
        }
        var zone = Str(periodic, "TimeZone");
        if (zone.Length > 0 && TimeZoneError(zone) is { } zoneError)
        {
            errors.Add($"Invalid time zone {GoQuote(zone)}: {zoneError}");
        }
        var type = Str(periodic, "SpecType");
        switch (type)
        {
            case "cron":
                foreach (var one in spec.Length > 0 ? specs.Prepend(spec) : specs)
                {
                    if (CronSyntax.Error(one) is { } cronError)
                    {
                        errors.Add($"Invalid cron spec {GoQuote(one)}: {cronError}");
                    }
                }
                break;
            case "test":
                break;
            default:
                errors.Add($"Unknown periodic specification type {GoQuote(type)}");
                break;
        }
        return errors;
    }

    /// <summary>The errors of a parameterized block: the payload requirement and meta keys both required and optional.</summary>
    public static List<string> Parameterized(JsonObject parameterized)
    {
        var errors = new List<string>();
        var payload = Str(parameterized, "Payload");
        if (payload is not ("optional" or "required" or "forbidden"))
        {
            errors.Add($"Unknown payload requirement: {GoQuote(payload)}");
        }
        // helper.IsDisjoint returns the intersection as a go-set slice: with two or more keys its order is random.
        var both = Strings(parameterized, "MetaRequired").Intersect(Strings(parameterized, "MetaOptional"), StringComparer.Ordinal).ToList();
        if (both.Count > 0)
        {
            errors.Add($"Required and optional meta keys should be disjoint. Following keys exist in both: [{string.Join(" ", both)}]");
        }
        return errors;
    }

    // Go's time.LoadLocation: "UTC" and "Local" are built in; other names come from the zoneinfo database.
    private static string? TimeZoneError(string zone)
    {
        if (zone is "UTC" or "Local")
        {
            return null;
        }
        if (zone.Contains("..", StringComparison.Ordinal) || zone.StartsWith('/') || zone.Contains('\\', StringComparison.Ordinal))
        {
            return "time: invalid location name";
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) && found.HasIanaId ? null : $"unknown time zone {zone}";
    }
}
