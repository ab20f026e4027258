using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace NomadGitOps.Cli;

/// <summary>
/// A plan's job diff as <c>nomad job plan</c> prints it, as Spectre.Console markup (shown plain in a pipe or under
/// <c>NO_COLOR</c>). Follows <c>formatJobDiff</c>, <c>formatTaskGroupDiff</c>, <c>formatTaskDiff</c>,
/// <c>formatObjectDiff</c>, <c>formatFieldDiff</c>, <c>alignedFieldAndObjects</c>, <c>getLongestPrefixes</c>,
/// <c>getDiffString</c> and <c>colorAnnotations</c> of Nomad's command/job_plan.go: markers <c>+</c> (Added),
/// <c>-</c> (Deleted) and <c>+/-</c> (Edited), names and values aligned per block, values quoted as Go's <c>%q</c>
/// quotes them, added or deleted groups' tasks not expanded (no <c>-verbose</c>), and the whole trimmed, as
/// <c>outputPlannedJob</c> does. The diff is the JSON of Nomad's <c>api.JobDiff</c>.
/// </summary>
internal static class PlanDiffText
{
    // Nomad's colorstring names, as Spectre.Console colours: ANSI 32, 31, 34, 36, 33 and 93.
    private const string Green = "green";
    private const string Red = "maroon";
    private const string Blue = "navy";
    private const string Cyan = "teal";
    private const string Yellow = "olive";
    private const string LightYellow = "yellow";

    /// <summary>The markup of <paramref name="jobDiff"/> (not verbose), trimmed of surrounding white space.</summary>
    public static string Markup(JsonObject jobDiff)
    {
        ArgumentNullException.ThrowIfNull(jobDiff);
        return Job(jobDiff).Trim();
    }

    /// <summary><paramref name="jobDiff"/> as plain text, exactly the characters <c>nomad job plan</c> prints without colour.</summary>
    public static string Plain(JsonObject jobDiff) => Spectre.Console.Markup.Remove(Markup(jobDiff));

    private static string Job(JsonObject job)
    {
        var type = Text(job, "Type");
        var (marker, _) = DiffString(type);
        var output = new StringBuilder(marker).Append(Bold($"Job: {Quote(Text(job, "ID"))}")).Append('\n');
        var fields = List(job, "Fields");
        var objects = List(job, "Objects");
        var groups = List(job, "TaskGroups");
        var (longestField, longestMarker) = LongestPrefixes(fields, objects);
        longestMarker = Math.Max(longestMarker, groups.Select(g => DiffString(Text(g, "Type")).Length).DefaultIfEmpty(0).Max());
        if (type == "Edited")
        {
            var aligned = AlignedFieldsAndObjects(fields, objects, 0, longestField, longestMarker);
            output.Append(aligned);
            if (aligned.Length > 0)
            {
                output.Append('\n');
            }
        }

        foreach (var group in groups)
        {
            var prefix = longestMarker - DiffString(Text(group, "Type")).Length;
            output.Append(TaskGroup(group, prefix)).Append('\n');
        }

        return output.ToString();
    }

    private static string TaskGroup(JsonObject group, int groupPrefix)
    {
        var type = Text(group, "Type");
        var (marker, _) = DiffString(type);
        var output = new StringBuilder(marker).Append(Spaces(groupPrefix)).Append(Bold($"Task Group: {Quote(Text(group, "Name"))}"));
        if (group["Updates"] is JsonObject { Count: > 0 } updates)
        {
            var counts = updates
                .OrderBy(u => u.Key, StringComparer.Ordinal)
                .Select(u => Colour(UpdateColour(u.Key), string.Create(CultureInfo.InvariantCulture, $"{u.Value?.GetValue<ulong>() ?? 0} {u.Key}")));
            output.Append(" (").Append(string.Join(", ", counts)).Append(")\n");
        }
        else
        {
            output.Append('\n');
        }

        var fields = List(group, "Fields");
        var objects = List(group, "Objects");
        var tasks = List(group, "Tasks");
        var (longestField, longestMarker) = LongestPrefixes(fields, objects);
        longestMarker = Math.Max(longestMarker, tasks.Select(t => DiffString(Text(t, "Type")).Length).DefaultIfEmpty(0).Max());
        var start = groupPrefix + 2;
        if (type == "Edited")
        {
            var aligned = AlignedFieldsAndObjects(fields, objects, start, longestField, longestMarker);
            output.Append(aligned);
            if (aligned.Length > 0)
            {
                output.Append('\n');
            }
        }

        foreach (var task in tasks)
        {
            var prefix = longestMarker - DiffString(Text(task, "Type")).Length;
            output.Append(Task(task, start, prefix)).Append('\n');
        }

        return output.ToString();
    }

    private static string Task(JsonObject task, int startPrefix, int taskPrefix)
    {
        var type = Text(task, "Type");
        var (marker, _) = DiffString(type);
        var output = new StringBuilder(Spaces(startPrefix)).Append(marker).Append(Spaces(taskPrefix)).Append(Bold($"Task: {Quote(Text(task, "Name"))}"));
        if (Strings(task, "Annotations") is { Count: > 0 } annotations)
        {
            output.Append(" (").Append(ColourAnnotations(annotations)).Append(')');
        }

        if (type is "None" or "Added" or "Deleted")
        {
            return output.ToString();
        }

        output.Append('\n');
        var fields = List(task, "Fields");
        var objects = List(task, "Objects");
        var (longestField, longestMarker) = LongestPrefixes(fields, objects);
        return output.Append(AlignedFieldsAndObjects(fields, objects, startPrefix + 2, longestField, longestMarker)).ToString();
    }

    private static string Object(JsonObject diff, int startPrefix, int keyPrefix)
    {
        var (marker, markerLength) = DiffString(Text(diff, "Type"));
        var output = new StringBuilder(Spaces(startPrefix)).Append(marker).Append(Spaces(keyPrefix)).Append(Escape(Text(diff, "Name"))).Append(" {\n");
        var fields = List(diff, "Fields");
        var objects = List(diff, "Objects");
        var (longestField, longestMarker) = LongestPrefixes(fields, objects);
        output.Append(AlignedFieldsAndObjects(fields, objects, startPrefix + keyPrefix + 2, longestField, longestMarker));
        return output.Append('\n').Append(Spaces(startPrefix + markerLength + keyPrefix)).Append('}').ToString();
    }

    private static string Field(JsonObject diff, int startPrefix, int keyPrefix, int valuePrefix)
    {
        var type = Text(diff, "Type");
        var (marker, _) = DiffString(type);
        var output = new StringBuilder(Spaces(startPrefix)).Append(marker).Append(Spaces(keyPrefix))
            .Append(Escape(Text(diff, "Name"))).Append(": ").Append(Spaces(valuePrefix));
        output.Append(Escape(type switch
        {
            "Deleted" => Quote(Text(diff, "Old")),
            "Edited" => $"{Quote(Text(diff, "Old"))} => {Quote(Text(diff, "New"))}",
            _ => Quote(Text(diff, "New")),
        }));
        if (Strings(diff, "Annotations") is { Count: > 0 } annotations)
        {
            output.Append(" (").Append(ColourAnnotations(annotations)).Append(')');
        }

        return output.ToString();
    }

    private static string AlignedFieldsAndObjects(List<JsonObject> fields, List<JsonObject> objects, int startPrefix, int longestField, int longestMarker)
    {
        var output = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var keyPrefix = longestMarker - DiffString(Text(field, "Type")).Length;
            var valuePrefix = longestField - Encoding.UTF8.GetByteCount(Text(field, "Name"));
            output.Append(Field(field, startPrefix, keyPrefix, valuePrefix));
            if (i + 1 != fields.Count || objects.Count > 0)
            {
                output.Append('\n');
            }
        }

        for (var i = 0; i < objects.Count; i++)
        {
            var keyPrefix = longestMarker - DiffString(Text(objects[i], "Type")).Length;
            output.Append(Object(objects[i], startPrefix, keyPrefix));
            if (i + 1 != objects.Count)
            {
                output.Append('\n');
            }
        }

        return output.ToString();
    }

    private static (int LongestField, int LongestMarker) LongestPrefixes(List<JsonObject> fields, List<JsonObject> objects)
    {
        var longestField = fields.Select(f => Encoding.UTF8.GetByteCount(Text(f, "Name"))).DefaultIfEmpty(0).Max();
        var longestMarker = fields.Concat(objects).Select(d => DiffString(Text(d, "Type")).Length).DefaultIfEmpty(0).Max();
        return (longestField, longestMarker);
    }

    // The marker of a diff type and its length without colour.
    private static (string Marker, int Length) DiffString(string type) => type switch
    {
        "Added" => (Colour(Green, "+") + " ", 2),
        "Deleted" => (Colour(Red, "-") + " ", 2),
        "Edited" => (Colour(LightYellow, "+/-") + " ", 4),
        _ => ("", 0),
    };

    // scheduler.UpdateType* colours; ignore has none.
    private static string? UpdateColour(string update) => update switch
    {
        "create" => Green,
        "destroy" => Red,
        "migrate" => Blue,
        "in-place update" => Cyan,
        "create/destroy update" => Yellow,
        "canary" => LightYellow,
        _ => null,
    };

    private static string ColourAnnotations(List<string> annotations) => string.Join(", ", annotations.Select(a => a switch
    {
        "forces create" => Colour(Green, a),
        "forces destroy" => Colour(Red, a),
        "forces in-place update" => Colour(Cyan, a),
        "forces create/destroy update" => Colour(Yellow, a),
        _ => Escape(a),
    }));

    private static string Colour(string? colour, string text) => colour is null ? Escape(text) : $"[{colour}]{Escape(text)}[/]";

    private static string Bold(string text) => $"[bold]{Escape(text)}[/]";

    private static string Escape(string text) => Spectre.Console.Markup.Escape(text);

    private static string Spaces(int count) => new(' ', Math.Max(count, 0));

    private static string Text(JsonObject node, string name) => node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    private static List<JsonObject> List(JsonObject node, string name) =>
        node[name] is JsonArray array ? [.. array.OfType<JsonObject>()] : [];

    private static List<string> Strings(JsonObject node, string name) =>
        node[name] is JsonArray array ? [.. array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "")] : [];

    /// <summary>
    /// <paramref name="text"/> quoted as Go's <c>strconv.Quote</c> (<c>%q</c>) does: <c>\"</c>, <c>\\</c>, the short
    /// escapes, <c>\x..</c> for other control bytes, <c>\u</c>/<c>\U</c> for characters that are not printable.
    /// </summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new StringBuilder("\"");
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\a': output.Append("\\a"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case '\v': output.Append("\\v"); break;
                case < 0x20 or 0x7f: output.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}"); break;
                default:
                    var category = Rune.GetUnicodeCategory(rune);
                    var printable = rune.Value == ' ' || category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                        or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator
                        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
                    if (printable)
                    {
                        output.Append(rune.ToString());
                    }
                    else if (rune.Value < 0x10000)
                    {
                        output.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}");
                    }
                    else
                    {
                        output.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
                    }

                    break;
            }
        }

        return output.Append('"').ToString();
    }
}
