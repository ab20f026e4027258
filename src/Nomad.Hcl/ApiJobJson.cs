using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nomad.Hcl.Jobspec;

namespace Nomad.Hcl;

/// <summary>
/// A job in the API shape as Nomad's agent holds it after decoding a request body into its Go <c>api.Job</c> struct
/// (<c>encoding/json</c> v1 of Go 1.26, command/agent/http.go decodeBody): every field of every struct is there, in
/// the struct's order; a missing field, or <c>null</c> for a value-typed one (<c>string</c>, <c>bool</c>, numbers,
/// durations), is its Go zero value; keys match the field names exactly or else by Go's folding (<see cref="GoJsonNames"/>;
/// a later duplicate wins); keys that name no field are dropped. A value of the wrong JSON type makes Go refuse the
/// whole body: decode.go keeps decoding after an <c>UnmarshalTypeError</c> and returns the first one (<c>savedError</c>),
/// whose text names the JSON kind (<c>string</c>, <c>number</c>, <c>number 1.5</c> when a number does not parse as the
/// integer type or overflows it, <c>bool</c>, <c>array</c>, <c>object</c>), the innermost struct type holding the
/// field, the dotted path of JSON field names from the root (array indexes and map keys are not part of it), and the
/// Go type (<c>reflect.Type.String</c>, pointers dereferenced: <c>int</c>, <c>time.Duration</c>, <c>api.Resources</c>,
/// <c>[]*api.Task</c>, <c>map[string]string</c>). <c>null</c> is never an error, anything goes into an
/// <c>interface{}</c>, and a <c>[]byte</c> takes a base64 string (else base64's own error, <see cref="GoBase64"/>) or an
/// array of bytes.
/// </summary>
public static class ApiJobJson
{
    /// <summary>The request body structs of the job endpoints (api/jobs.go), the job writes with the embedded <c>WriteRequest</c>.</summary>
    private static readonly Dictionary<string, RequestField[]> RequestStructs = new(StringComparer.Ordinal)
    {
        ["JobRegisterRequest"] =
        [
            new("Submission", "*JobSubmission", null),
            new("Job", "*Job", null),
            new("EnforceIndex", "bool", null),
            new("JobModifyIndex", "uint64", null),
            new("PolicyOverride", "bool", null),
            new("PreserveCounts", "bool", null),
            new("PreserveResources", "bool", null),
            new("EvalPriority", "int", null),
            .. WriteRequest,
        ],
        ["JobPlanRequest"] =
        [
            new("Job", "*Job", null),
            new("Diff", "bool", null),
            new("PolicyOverride", "bool", null),
            .. WriteRequest,
        ],
        ["JobValidateRequest"] =
        [
            new("Job", "*Job", null),
            .. WriteRequest,
        ],
        ["JobsParseRequest"] =
        [
            new("JobHCL", "string", null),
            new("Variables", "string", null),
            new("Canonicalize", "bool", null),
        ],
        ["JobSubmission"] =
        [
            new("Source", "string", null),
            new("Format", "string", null),
            new("VariableFlags", "map[string]string", null),
            new("Variables", "string", null),
        ],
    };

    private static RequestField[] WriteRequest =>
    [
        new("Region", "string", "WriteRequest"),
        new("Namespace", "string", "WriteRequest"),
        new("SecretID", "string", "WriteRequest"),
    ];

    /// <summary>A new object: <paramref name="apiJob"/> decoded as an <c>api.Job</c>.</summary>
    /// <exception cref="ApiJsonTypeException">A value has the wrong JSON type (Go's text, rooted at <c>api.Job</c>).</exception>
    public static JsonObject Decode(JsonObject apiJob)
    {
        ArgumentNullException.ThrowIfNull(apiJob);
        var decoder = new Decoder();
        var job = decoder.Struct(apiJob, "Job");
        return decoder.Error is { } error ? throw new ApiJsonTypeException(error) : job;
    }

    /// <summary>
    /// Go's decode error for a job endpoint's whole request body, or null when it decodes: <paramref name="requestType"/>
    /// is <c>JobRegisterRequest</c>, <c>JobPlanRequest</c>, <c>JobValidateRequest</c> or <c>JobsParseRequest</c>, so a job field's path starts
    /// with <c>Job.</c> (<c>json: cannot unmarshal string into Go struct field TaskGroup.Job.TaskGroups.Count of type int</c>).
    /// </summary>
    public static string? RequestTypeError(JsonObject body, string requestType)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!RequestStructs.ContainsKey(requestType))
        {
            throw new ArgumentException($"not a job request struct: {requestType}", nameof(requestType));
        }

        var decoder = new Decoder();
        decoder.Request(body, requestType);
        return decoder.Error;
    }

    private sealed record RequestField(string Name, string GoType, string? EmbeddedIn);

    /// <summary>One decode: Go's <c>errorContext</c> (innermost struct, field path) and its first saved error.</summary>
    private sealed class Decoder
    {
        private readonly List<string> path = [];
        private string? currentStruct;

        public string? Error { get; private set; }

        public JsonObject Struct(JsonObject input, string structName)
        {
            var fields = ApiSchema.Structs[structName];
            var names = fields.Select(f => f.JsonIgnored ? null : f.JsonName).ToArray();
            var values = new JsonNode?[fields.Length];
            var present = new bool[fields.Length];
            foreach (var (key, value) in input)
            {
                var index = GoJsonNames.FieldIndex(names, key);
                if (index < 0)
                {
                    continue;
                }

                // Go leaves a value-typed field as it was on null: zero here, or what an earlier duplicate key set.
                if (value is null && !Nullable(fields[index].GoType) && present[index])
                {
                    continue;
                }

                values[index] = InField(structName, [fields[index].JsonName], () => Value(value, fields[index].GoType));
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

        public void Request(JsonObject input, string structName)
        {
            var fields = RequestStructs[structName];
            var names = fields.Select(f => f.Name).ToArray();
            foreach (var (key, value) in input)
            {
                var index = GoJsonNames.FieldIndex(names, key);
                if (index < 0)
                {
                    continue;
                }

                var field = fields[index];
                // Go 1.24+ puts an embedded struct's name into the path of a field promoted from it.
                string[] segments = field.EmbeddedIn is { } embedded ? [embedded, field.Name] : [field.Name];
                InField(structName, segments, () => Value(value, field.GoType));
            }
        }

        private JsonNode? InField(string structName, string[] segments, Func<JsonNode?> decode)
        {
            var saved = currentStruct;
            var depth = path.Count;
            path.AddRange(segments);
            currentStruct = structName;
            try
            {
                return decode();
            }
            finally
            {
                path.RemoveRange(depth, path.Count - depth);
                currentStruct = saved;
            }
        }

        private JsonNode? Value(JsonNode? value, string goType)
        {
            if (value is null)
            {
                return Nullable(goType) ? null : Zero(goType);
            }

            // indirect: a non-null value goes into the pointed-to type, which the error names.
            var type = goType.StartsWith('*') ? goType[1..] : goType;
            var underlying = GoTypes.Underlying(type);
            var kind = value.GetValueKind();
            switch (underlying)
            {
                case "any" or "interface{}":
                    return value.DeepClone();
                case "[]byte":
                    if (kind == JsonValueKind.Array)
                    {
                        return new JsonArray(value.AsArray().Select(item => Value(item, "uint8")).ToArray());
                    }

                    if (kind == JsonValueKind.String && GoBase64.DecodeError(value.GetValue<string>()) is { } base64Error)
                    {
                        // literalStore saves base64's own error: no struct field context.
                        SaveText(base64Error);
                    }

                    return Expect(kind == JsonValueKind.String, value, type);
                case "string":
                    return Expect(kind == JsonValueKind.String, value, type);
                case "bool":
                    return Expect(kind is JsonValueKind.True or JsonValueKind.False, value, type);
                case "float32" or "float64":
                    return Expect(kind == JsonValueKind.Number, value, type);
                default:
                    break;
            }

            if (GoTypes.IsInteger(underlying) || underlying == "time.Duration")
            {
                if (kind != JsonValueKind.Number)
                {
                    return Expect(false, value, type);
                }

                var literal = value.ToJsonString();
                if (!IntegerFits(literal, underlying))
                {
                    Save("number " + literal, type);
                }

                return value.DeepClone();
            }

            if (underlying.StartsWith("[]", StringComparison.Ordinal))
            {
                if (kind != JsonValueKind.Array)
                {
                    return Expect(false, value, type);
                }

                var itemType = type[2..];
                return new JsonArray(value.AsArray().Select(item => Value(item, itemType)).ToArray());
            }

            if (underlying.StartsWith("map[string]", StringComparison.Ordinal))
            {
                if (kind != JsonValueKind.Object)
                {
                    return Expect(false, value, type);
                }

                // A map element keeps the error context of the map's field: keys are not part of the path.
                var valueType = type["map[string]".Length..];
                return new JsonObject(value.AsObject().Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, Value(kv.Value, valueType))));
            }

            if (ApiSchema.Structs.ContainsKey(underlying))
            {
                return kind == JsonValueKind.Object ? Struct(value.AsObject(), underlying) : Expect(false, value, type);
            }

            if (RequestStructs.ContainsKey(underlying))
            {
                if (kind == JsonValueKind.Object)
                {
                    Request(value.AsObject(), underlying);
                    return value.DeepClone();
                }

                return Expect(false, value, type);
            }

            throw new InvalidOperationException($"no JSON decoding for Go type {goType}");
        }

        private JsonNode? Expect(bool fits, JsonNode value, string type)
        {
            if (!fits)
            {
                Save(KindText(value.GetValueKind()), type);
            }

            return value.DeepClone();
        }

        private void Save(string valueText, string type)
        {
            var typeText = GoTypeString(type);
            SaveText(currentStruct is not null || path.Count > 0
                ? $"json: cannot unmarshal {valueText} into Go struct field {currentStruct}.{string.Join('.', path)} of type {typeText}"
                : $"json: cannot unmarshal {valueText} into Go value of type {typeText}");
        }

        // decode.go saveError: only the first error is kept.
        private void SaveText(string text) => Error ??= text;
    }

    /// <summary>literalStore's text for a JSON value's kind.</summary>
    private static string KindText(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// strconv.ParseInt/ParseUint of the literal (base 10: no fraction, exponent, or sign for unsigned) and
    /// reflect's OverflowInt/OverflowUint for the type's size (int and uint are 64 bits on Nomad's platforms).
    /// </summary>
    private static bool IntegerFits(string literal, string type)
    {
        if (type.StartsWith('u'))
        {
            if (!ulong.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out var u))
            {
                return false;
            }

            return type switch
            {
                "uint8" => u <= byte.MaxValue,
                "uint16" => u <= ushort.MaxValue,
                "uint32" => u <= uint.MaxValue,
                _ => true,
            };
        }

        if (!long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        return type switch
        {
            "int8" => n is >= sbyte.MinValue and <= sbyte.MaxValue,
            "int16" => n is >= short.MinValue and <= short.MaxValue,
            "int32" => n is >= int.MinValue and <= int.MaxValue,
            _ => true,
        };
    }

    /// <summary>reflect.Type.String of a schema type: api types qualified, <c>any</c> as <c>interface {}</c>, byte as uint8.</summary>
    private static string GoTypeString(string type)
    {
        if (type.StartsWith('*'))
        {
            return "*" + GoTypeString(type[1..]);
        }

        if (type.StartsWith("[]", StringComparison.Ordinal))
        {
            return "[]" + GoTypeString(type[2..]);
        }

        if (type.StartsWith("map[string]", StringComparison.Ordinal))
        {
            return "map[string]" + GoTypeString(type["map[string]".Length..]);
        }

        return type switch
        {
            "any" or "interface{}" => "interface {}",
            // api/tasks.go declares `type ReconcileOption = string`, an alias: reflect names it string.
            "ReconcileOption" => "string",
            "byte" => "uint8",
            "string" or "bool" or "float32" or "float64" or "time.Duration" => type,
            _ when GoTypes.IsInteger(type) => type,
            _ => "api." + type,
        };
    }

    private static bool Nullable(string goType)
    {
        var type = GoTypes.Underlying(goType);
        return GoTypes.IsPointer(type) || GoTypes.IsSlice(type) || GoTypes.IsMap(type) || type is "any" or "interface{}";
    }

    private static JsonNode? Zero(string goType) => ZeroShape.ValueOf(goType);
}
