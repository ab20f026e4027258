namespace NomadGitOps.Tests.Controllers.NomadJobIndex;

/// <summary>Small JSON job files for tests (the emulator parses no HCL yet).</summary>
internal static class JobFiles
{
    /// <summary>A service job as the API takes it, with an optional namespace.</summary>
    public static string Json(string id, string? ns = null, int count = 1) =>
        $$"""
        {
          "ID": "{{id}}",
          "Name": "{{id}}",
          {{(ns is null ? "" : $"\"Namespace\": \"{ns}\",")}}
          "Type": "service",
          "Datacenters": ["dc1"],
          "TaskGroups": [{ "Name": "app", "Count": {{count}}, "Tasks": [{ "Name": "app", "Driver": "docker", "Config": { "image": "nginx" } }] }]
        }
        """;

    /// <summary>The same job wrapped as <c>nomad job inspect</c> prints it.</summary>
    public static string Inspected(string id, string? ns = null) => $$"""{ "Job": {{Json(id, ns)}} }""";
}
