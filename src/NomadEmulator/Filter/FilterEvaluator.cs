using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Nomad.Emulator.Filter;

/// <summary>
/// Evaluates a parsed filter against a JSON document shaped like the Go struct Nomad filters (the full job).
/// Follows go-bexpr's <c>evaluate.go</c>: a missing key of a map (<c>Meta</c>, <c>Env</c>, <c>Config</c>…,
/// or a null one) gives the operator's not-present result; a missing struct field is an error
/// (<c>error finding value in datum: /X at part 0: couldn't find key: struct field with name "X"</c>).
/// </summary>
public static class FilterEvaluator
{
    /// <summary>JSON objects with these property names are Go maps, not structs: a missing key is "not present".</summary>
    private static readonly HashSet<string> MapFields = new(StringComparer.Ordinal)
    {
        "Meta", "Env", "Config", "Labels", "VariableFlags", "ExtraClaims", "Options", "MountOptions", "Headers",
    };

    /// <summary>True when the document matches, or go-bexpr's evaluation error text.</summary>
    public static (bool Matches, string? Error) Evaluate(FilterNode node, JsonNode? datum)
    {
        try
        {
            return (Eval(node, datum), null);
        }
        catch (FormatException e)
        {
            return (false, e.Message);
        }
    }

    private static bool Eval(FilterNode node, JsonNode? datum) => node switch
    {
        AndNode and => Eval(and.Left, datum) && Eval(and.Right, datum),
        OrNode or => Eval(or.Left, datum) || Eval(or.Right, datum),
        NotNode not => !Eval(not.Operand, datum),
        MatchNode match => EvalMatch(match, datum),
        _ => throw new FormatException("invalid AST node"),
    };

    private static bool EvalMatch(MatchNode match, JsonNode? datum)
    {
        if (!TryResolve(match, datum, out var value))
        {
            return match.NotPresentResult;
        }

        return match.Operator switch
        {
            MatchOperator.Equal => IsEqual(match, value),
            MatchOperator.NotEqual => !IsEqual(match, value),
            MatchOperator.In => Contains(match, value),
            MatchOperator.NotIn => !Contains(match, value),
            MatchOperator.IsEmpty => IsEmpty(match, value),
            MatchOperator.IsNotEmpty => !IsEmpty(match, value),
            MatchOperator.Matches => RegexMatches(match, value),
            MatchOperator.NotMatches => !RegexMatches(match, value),
            _ => throw new FormatException($"invalid match operation: {match.Operator}"),
        };
    }

    private static bool TryResolve(MatchNode match, JsonNode? datum, out JsonNode? value)
    {
        value = datum;
        string? parentName = null;
        for (var i = 0; i < match.Selector.Count; i++)
        {
            var part = match.Selector[i];
            var isMap = parentName is not null && MapFields.Contains(parentName);
            switch (value)
            {
                case null when isMap:
                    return false;
                case JsonObject obj when obj.TryGetPropertyValue(part, out var child):
                    value = child;
                    break;
                case JsonObject when isMap:
                    return false;
                case JsonArray array when int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                    value = array[index];
                    break;
                case JsonArray:
                    throw new FormatException($"error finding value in datum: /{string.Join('/', match.Selector.Take(i + 1))} at part {i}: couldn't find key: invalid slice index \"{part}\"");
                case null:
                    throw new FormatException($"error finding value in datum: /{string.Join('/', match.Selector.Take(i + 1))} at part {i}: couldn't find key: value is nil");
                default:
                    throw new FormatException($"error finding value in datum: {match.JsonPath} at part {i}: couldn't find key: struct field with name \"{part}\"");
            }

            parentName = part;
        }

        return true;
    }

    private static bool IsEqual(MatchNode match, JsonNode? value)
    {
        if (value is not JsonValue scalar)
        {
            if (value is null)
            {
                return false;
            }

            throw new FormatException("unable to find suitable primitive comparison function for matching");
        }

        return PrimitiveEquals(match, scalar);
    }

    private static bool PrimitiveEquals(MatchNode match, JsonValue scalar)
    {
        var literal = match.Value ?? "";
        switch (scalar.GetValueKind())
        {
            case JsonValueKind.String:
                return scalar.GetValue<string>() == literal;
            case JsonValueKind.True or JsonValueKind.False:
                if (!bool.TryParse(literal, out var b) && !TryGoBool(literal, out b))
                {
                    throw new FormatException($"error getting match value in expression: failed to coerce value {literal} to a bool");
                }

                return scalar.GetValue<bool>() == b;
            case JsonValueKind.Number:
                if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    throw new FormatException($"error getting match value in expression: failed to coerce value {literal} to a number");
                }

                return scalar.GetValue<double>() == d;
            default:
                return false;
        }
    }

    private static bool Contains(MatchNode match, JsonNode? value)
    {
        switch (value)
        {
            case null:
                return false;
            case JsonObject obj:
                return obj.ContainsKey(match.Value ?? "");
            case JsonArray array:
                return array.OfType<JsonValue>().Any(item => PrimitiveEquals(match, item));
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                return scalar.GetValue<string>().Contains(match.Value ?? "", StringComparison.Ordinal);
            default:
                throw new FormatException($"cannot perform in/contains operations on type {KindName(value)} for selector: \"{string.Join('.', match.Selector)}\"");
        }
    }

    private static bool IsEmpty(MatchNode match, JsonNode? value) => value switch
    {
        null => true,
        JsonObject obj => obj.Count == 0,
        JsonArray array => array.Count == 0,
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => scalar.GetValue<string>().Length == 0,
        _ => throw new FormatException($"{string.Join('.', match.Selector)} is not a map, slice, array, chan or string"),
    };

    private static bool RegexMatches(MatchNode match, JsonNode? value)
    {
        if (value is not JsonValue scalar || scalar.GetValueKind() != JsonValueKind.String)
        {
            throw new FormatException($"value of type {KindName(value)} is not convertible to []byte");
        }

        try
        {
            return Regex.IsMatch(scalar.GetValue<string>(), match.Value ?? "", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"failed to compile regular expression \"{match.Value}\": {e.Message}");
        }
    }

    private static bool TryGoBool(string text, out bool value)
    {
        // strconv.ParseBool accepts 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False.
        value = text is "1" or "t" or "T" or "TRUE" or "true" or "True";
        return value || text is "0" or "f" or "F" or "FALSE" or "false" or "False";
    }

    private static string KindName(JsonNode? value) => value switch
    {
        null => "ptr",
        JsonObject => "struct",
        JsonArray => "slice",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.Number => "int",
            JsonValueKind.True or JsonValueKind.False => "bool",
            _ => "string",
        },
        _ => "invalid",
    };
}
