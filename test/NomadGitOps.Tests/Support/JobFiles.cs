using System.Text.Json.Nodes;

namespace NomadGitOps.Tests.Support;

/// <summary>
/// JSON job files for the tests: a canonical service job (as <c>/v1/jobs/parse</c> returns it, copied from the
/// emulator's golden <c>api-jobs/service.json</c>) with its ID, image, count and meta set per test, and a small
/// service job (<see cref="Json"/>) for tests that only need a job file to exist (the index's).
/// </summary>
internal static class JobFiles
{
    private const string ServiceTemplate = """
        {
          "Region": "global",
          "Namespace": "default",
          "ID": "example-service",
          "Name": "example-service",
          "Type": "service",
          "Priority": 50,
          "AllAtOnce": false,
          "Datacenters": [
            "dc1"
          ],
          "NodePool": "",
          "Constraints": null,
          "Affinities": null,
          "TaskGroups": [
            {
              "Name": "web",
              "Count": 1,
              "Constraints": null,
              "Affinities": null,
              "Tasks": [
                {
                  "Name": "main",
                  "Driver": "docker",
                  "User": "",
                  "Lifecycle": null,
                  "Config": {
                    "args": [
                      "3600"
                    ],
                    "command": "sleep",
                    "image": "busybox:1.36"
                  },
                  "Constraints": null,
                  "Affinities": null,
                  "Env": null,
                  "Services": null,
                  "Resources": {
                    "CPU": 50,
                    "Cores": 0,
                    "MemoryMB": 32,
                    "MemoryMaxMB": null,
                    "DiskMB": null,
                    "Networks": null,
                    "Devices": null,
                    "NUMA": null,
                    "SecretsMB": null,
                    "IOPS": null
                  },
                  "RestartPolicy": {
                    "Interval": 1800000000000,
                    "Attempts": 2,
                    "Delay": 15000000000,
                    "Mode": "fail",
                    "RenderTemplates": false
                  },
                  "Meta": null,
                  "KillTimeout": 5000000000,
                  "LogConfig": {
                    "MaxFiles": 10,
                    "MaxFileSizeMB": 10,
                    "Enabled": null,
                    "Disabled": false
                  },
                  "Artifacts": null,
                  "Vault": null,
                  "Consul": null,
                  "Templates": null,
                  "DispatchPayload": null,
                  "VolumeMounts": null,
                  "Leader": false,
                  "ShutdownDelay": 0,
                  "KillSignal": "",
                  "Kind": "",
                  "ScalingPolicies": null,
                  "Secrets": null,
                  "Identity": null,
                  "Identities": null,
                  "Actions": null,
                  "Schedule": null
                }
              ],
              "Spreads": null,
              "Volumes": null,
              "RestartPolicy": {
                "Interval": 1800000000000,
                "Attempts": 2,
                "Delay": 15000000000,
                "Mode": "fail",
                "RenderTemplates": false
              },
              "Disconnect": null,
              "ReschedulePolicy": {
                "Attempts": 0,
                "Interval": 0,
                "Delay": 30000000000,
                "DelayFunction": "exponential",
                "MaxDelay": 3600000000000,
                "Unlimited": true
              },
              "EphemeralDisk": {
                "Sticky": false,
                "Migrate": false,
                "SizeMB": 300
              },
              "Update": {
                "Stagger": 30000000000,
                "MaxParallel": 1,
                "HealthCheck": "checks",
                "MinHealthyTime": 10000000000,
                "HealthyDeadline": 300000000000,
                "ProgressDeadline": 600000000000,
                "Canary": 0,
                "AutoRevert": false,
                "AutoPromote": false
              },
              "Migrate": {
                "MaxParallel": 1,
                "HealthCheck": "checks",
                "MinHealthyTime": 10000000000,
                "HealthyDeadline": 300000000000
              },
              "Networks": null,
              "Meta": null,
              "Services": null,
              "ShutdownDelay": null,
              "MaxRunDuration": null,
              "StopAfterClientDisconnect": null,
              "MaxClientDisconnect": null,
              "Scaling": null,
              "Consul": null,
              "PreventRescheduleOnLost": null
            }
          ],
          "Update": {
            "Stagger": 30000000000,
            "MaxParallel": 1,
            "HealthCheck": "checks",
            "MinHealthyTime": 10000000000,
            "HealthyDeadline": 300000000000,
            "ProgressDeadline": 600000000000,
            "Canary": 0,
            "AutoRevert": false,
            "AutoPromote": false
          },
          "Multiregion": null,
          "Spreads": null,
          "Periodic": null,
          "ParameterizedJob": null,
          "Reschedule": null,
          "Migrate": null,
          "Meta": null,
          "UI": null,
          "Stop": false,
          "ParentID": "",
          "Dispatched": false,
          "DispatchIdempotencyToken": null,
          "Payload": null,
          "ConsulNamespace": "",
          "VaultNamespace": "",
          "NomadTokenID": "",
          "Status": "",
          "StatusDescription": "",
          "Stable": false,
          "Version": 0,
          "SubmitTime": null,
          "CreateIndex": 0,
          "ModifyIndex": 0,
          "JobModifyIndex": 0,
          "VersionTag": null
        }
        """;

    /// <summary>The job JSON of service <paramref name="id"/>.</summary>
    public static JsonObject ServiceJob(string id, string image = "busybox:1.36", int count = 1, IReadOnlyDictionary<string, string>? meta = null)
    {
        var job = JsonNode.Parse(ServiceTemplate)!.AsObject();
        job["ID"] = id;
        job["Name"] = id;
        var group = job["TaskGroups"]![0]!.AsObject();
        group["Count"] = count;
        group["Tasks"]![0]!["Config"]!["image"] = image;
        if (meta is not null)
        {
            var node = new JsonObject();
            foreach (var (key, value) in meta)
            {
                node[key] = value;
            }

            job["Meta"] = node;
        }

        return job;
    }

    /// <summary>A job file in the <c>{"Job": {...}}</c> form <c>nomad job inspect</c> prints.</summary>
    public static string Wrapped(JsonObject job) => new JsonObject { ["Job"] = job.DeepClone() }.ToJsonString(new() { WriteIndented = true });

    /// <summary>A job file holding the bare job.</summary>
    public static string Bare(JsonObject job) => job.ToJsonString(new() { WriteIndented = true });

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
