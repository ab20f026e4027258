using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Nomad.Hcl.Jobspec;

/// <summary>
/// What each api struct looks like at its zero value (Go's <c>encoding/json</c> of an empty struct), worked out once
/// from <see cref="ApiSchema"/> so building one costs no type-string parsing per decode.
/// </summary>
internal static class ZeroShape
{
    private enum Kind
    {
        Null,
        EmptyString,
        False,
        Zero,
        Struct,
    }

    private sealed record Field(string JsonName, Kind Kind, string? Struct);

    private static readonly FrozenDictionary<string, Field[]> Shapes = ApiSchema.Structs.ToFrozenDictionary(
        s => s.Key,
        s => s.Value.Where(f => !f.JsonIgnored && !f.OmitEmpty).Select(f => Of(f.JsonName, f.GoType)).ToArray(),
        StringComparer.Ordinal);

    /// <summary>The JSON of <paramref name="structName"/> with every field at its zero value.</summary>
    public static JsonObject Of(string structName)
    {
        // Built from the whole list at once: adding fields one by one regrows the object's dictionary many times.
        var fields = Shapes[structName];
        var properties = new KeyValuePair<string, JsonNode?>[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            properties[i] = new(fields[i].JsonName, Build(fields[i].Kind, fields[i].Struct));
        }

        return new JsonObject(properties);
    }

    /// <summary>The zero value of a field of Go type <paramref name="type"/> (null for pointers, slices, maps).</summary>
    public static JsonNode? ValueOf(string type)
    {
        var field = Of(string.Empty, type);
        return Build(field.Kind, field.Struct);
    }

    private static JsonNode? Build(Kind kind, string? structName) => kind switch
    {
        Kind.EmptyString => "",
        Kind.False => false,
        Kind.Zero => 0,
        Kind.Struct => Of(structName!),
        _ => null,
    };

    private static Field Of(string jsonName, string goType)
    {
        var type = GoTypes.Underlying(goType);
        if (GoTypes.IsPointer(type) || GoTypes.IsSlice(type) || GoTypes.IsMap(type) || type is "any")
        {
            return new(jsonName, Kind.Null, null);
        }

        if (type == "string")
        {
            return new(jsonName, Kind.EmptyString, null);
        }

        if (type == "bool")
        {
            return new(jsonName, Kind.False, null);
        }

        if (GoTypes.IsInteger(type) || GoTypes.IsDuration(type) || type is "float64" or "float32")
        {
            return new(jsonName, Kind.Zero, null);
        }

        return GoTypes.IsStruct(type) ? new(jsonName, Kind.Struct, type) : new(jsonName, Kind.Null, null);
    }
}
