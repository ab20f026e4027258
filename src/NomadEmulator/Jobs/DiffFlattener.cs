using System.Text.Json.Nodes;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// Nomad's <c>helper/flatmap.Flatten</c> over stored-job JSON: an object's fields as a flat name→text map.
/// The primitive form keeps scalar fields and the entries of string maps (<c>Meta[k]</c>); nested objects,
/// lists and pointer fields are left to their own diff rules.
/// </summary>
internal static class DiffFlattener
{
    /// <summary>Fields whose JSON object is a Go map (flattened as <c>Name[key]</c>), not a struct.</summary>
    private static readonly HashSet<string> MapFields = ["Meta", "Env", "CanaryMeta", "TaggedAddresses", "Header", "Volumes", "Args", "ExtraClaims", "Options", "Labels", "Target", "GetterOptions", "GetterHeaders", "Add", "Set"];

    /// <summary>Scalar-looking fields that are Go pointers or slices, which the primitive flatten skips.</summary>
    private static readonly HashSet<string> PointerFields = ["StopAfterClientDisconnect", "MaxClientDisconnect", "MaxRunDuration", "LostAfter", "Replace", "Reconcile"];

    /// <summary>The primitive flat map of <paramref name="obj"/>, without the <paramref name="filter"/>ed names; null for no object.</summary>
    public static Dictionary<string, string>? Primitive(JsonObject? obj, params string[] filter)
    {
        if (obj is null)
        {
            return null;
        }
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in obj)
        {
            switch (value)
            {
                case JsonValue v when !PointerFields.Contains(name):
                    flat[name] = DiffJson.Text(v);
                    break;
                case JsonObject map when MapFields.Contains(name):
                    foreach (var (key, entry) in map)
                    {
                        if (entry is JsonValue ev)
                        {
                            flat[$"{name}[{key}]"] = DiffJson.Text(ev);
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        foreach (var f in filter)
        {
            flat.Remove(f);
        }
        return flat;
    }

    /// <summary>The full flat map of a value (maps as <c>a[k]</c>, lists as <c>a[0]</c>, null as <c>nil</c>).</summary>
    /// <remarks>
    /// <paramref name="freeForm"/>: the value is a Go <c>map[string]interface{}</c> (a driver config, a scaling
    /// policy), whose numbers are float64 and print as <see cref="GoFloat"/> does (<c>1e+06</c>).
    /// </remarks>
    public static Dictionary<string, string>? Full(JsonNode? node, bool freeForm = false)
    {
        if (node is null)
        {
            return null;
        }
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk("", node, flat, top: true, freeForm);
        return flat;
    }

    private static void Walk(string prefix, JsonNode? node, Dictionary<string, string> flat, bool top, bool freeForm)
    {
        switch (node)
        {
            case null:
                flat[prefix] = "nil";
                break;
            case JsonValue v when freeForm && v.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                flat[prefix] = GoFloat.Format(double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture));
                break;
            case JsonValue v:
                flat[prefix] = DiffJson.Text(v);
                break;
            case JsonObject o:
                foreach (var (k, child) in o)
                {
                    Walk(top || prefix.Length == 0 ? k : $"{prefix}[{k}]", child, flat, top: false, freeForm);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk($"{prefix}[{i}]", a[i], flat, top: false, freeForm);
                }
                break;
        }
    }
}
