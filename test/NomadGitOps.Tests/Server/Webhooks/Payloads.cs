using System.Text;
using System.Text.Json.Nodes;

namespace NomadGitOps.Tests.Server.Webhooks;

/// <summary>The recorded-shape push payloads of each host (Server/Webhooks/Payloads/*.json), as bytes or as JSON to change.</summary>
internal static class Payloads
{
    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Server", "Webhooks", "Payloads", name + ".json"));

    public static JsonNode Json(string name) => JsonNode.Parse(Bytes(name))!;

    public static byte[] ToBytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
