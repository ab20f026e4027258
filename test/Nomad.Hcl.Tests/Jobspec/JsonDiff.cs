using System.Text.Json.Nodes;

namespace Nomad.Hcl.Tests.Jobspec;

/// <summary>Lists the paths where two JSON documents differ, for readable test failures.</summary>
internal static class JsonDiff
{
    public static List<string> Describe(JsonNode? expected, JsonNode? actual)
    {
        var differences = new List<string>();
        Walk("$", expected, actual, differences);
        return differences;
    }

    private static void Walk(string path, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        if (expected is JsonObject eo && actual is JsonObject ao)
        {
            foreach (var (key, value) in eo)
            {
                if (!ao.ContainsKey(key))
                {
                    differences.Add($"{path}.{key}: missing, expected {value?.ToJsonString() ?? "null"}");
                    continue;
                }

                Walk($"{path}.{key}", value, ao[key], differences);
            }

            foreach (var (key, value) in ao)
            {
                if (!eo.ContainsKey(key))
                {
                    differences.Add($"{path}.{key}: unexpected {value?.ToJsonString() ?? "null"}");
                }
            }

            return;
        }

        if (expected is JsonArray ea && actual is JsonArray aa && ea.Count == aa.Count)
        {
            for (var i = 0; i < ea.Count; i++)
            {
                Walk($"{path}[{i}]", ea[i], aa[i], differences);
            }

            return;
        }

        if (!JsonNode.DeepEquals(expected, actual))
        {
            differences.Add($"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
        }
    }
}
