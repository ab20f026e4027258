using System.Text.Json.Nodes;
using Nomad.Hcl.Jobspec;

namespace Nomad.Hcl;

/// <summary>
/// A job in the API shape as Nomad's agent holds it after decoding a request body into its Go <c>api.Job</c> struct
/// (<c>encoding/json</c>, command/agent/http.go decodeBody): every field of every struct is there, in the struct's
/// order; a missing field, or <c>null</c> for a value-typed one (<c>string</c>, <c>bool</c>, numbers, durations), is
/// its Go zero value; keys match the field names exactly or else case-insensitively (a later duplicate wins); keys
/// that name no field are dropped. Values of the wrong JSON type are kept as given (Go refuses the whole body).
/// </summary>
public static class ApiJobJson
{
    /// <summary>A new object: <paramref name="apiJob"/> decoded as an <c>api.Job</c>.</summary>
    public static JsonObject Decode(JsonObject apiJob)
    {
        ArgumentNullException.ThrowIfNull(apiJob);
        return Struct(apiJob, "Job");
    }

    private static JsonObject Struct(JsonObject input, string structName)
    {
        var fields = ApiSchema.Structs[structName];
        var values = new JsonNode?[fields.Length];
        var present = new bool[fields.Length];
        foreach (var (key, value) in input)
        {
            var index = FieldIndex(fields, key);
            if (index < 0)
            {
                continue;
            }
            // Go leaves a value-typed field as it was on null: zero here, or what an earlier duplicate key set.
            if (value is null && !Nullable(fields[index].GoType) && present[index])
            {
                continue;
            }
            values[index] = Value(value, fields[index].GoType);
            present[index] = true;
        }

        var properties = new List<KeyValuePair<string, JsonNode?>>(fields.Length);
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            if (field.JsonIgnored || (!present[i] && field.OmitEmpty))
            {
                continue;
            }
            properties.Add(new(field.JsonName, present[i] ? values[i] : Zero(field.GoType)));
        }
        return new JsonObject(properties);
    }

    private static int FieldIndex(ApiField[] fields, string key)
    {
        var folded = -1;
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].JsonIgnored)
            {
                continue;
            }
            if (string.Equals(fields[i].JsonName, key, StringComparison.Ordinal))
            {
                return i;
            }
            if (folded < 0 && string.Equals(fields[i].JsonName, key, StringComparison.OrdinalIgnoreCase))
            {
                folded = i;
            }
        }
        return folded;
    }

    private static JsonNode? Value(JsonNode? value, string goType)
    {
        var type = GoTypes.Underlying(goType);
        if (value is null)
        {
            return Nullable(type) ? null : Zero(type);
        }
        var element = type.TrimStart('*');
        if (element == "[]byte")
        {
            return value.DeepClone();
        }
        if (element.StartsWith("[]", StringComparison.Ordinal) && value is JsonArray array)
        {
            var itemType = element[2..];
            return new JsonArray(array.Select(item => Value(item, itemType)).ToArray());
        }
        if (element.StartsWith("map[string]", StringComparison.Ordinal) && value is JsonObject map)
        {
            var valueType = element["map[string]".Length..];
            if (valueType is "any" or "interface{}")
            {
                return map.DeepClone();
            }
            return new JsonObject(map.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, Value(kv.Value, valueType))));
        }
        if (value is JsonObject obj && ApiSchema.Structs.ContainsKey(element))
        {
            return Struct(obj, element);
        }
        return value.DeepClone();
    }

    private static bool Nullable(string goType)
    {
        var type = GoTypes.Underlying(goType);
        return GoTypes.IsPointer(type) || GoTypes.IsSlice(type) || GoTypes.IsMap(type) || type is "any" or "interface{}";
    }

    private static JsonNode? Zero(string goType) => ZeroShape.ValueOf(goType);
}
