using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Nomad.Emulator.Jobs.DiffJson;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// groupConnectHook's interpolation of a sidecar or gateway service's name (nomad/job_endpoint_hook_connect.go):
/// <c>env.ReplaceEnv(service.Name)</c> with the environment <c>taskenv.NewBuilder(nil, alloc{Job, TaskGroup}, nil,
/// job.Region)</c> builds at submission time. That environment holds NOMAD_ALLOC_INDEX (<c>0</c>: the allocation has
/// no name), NOMAD_GROUP_NAME, NOMAD_JOB_ID, NOMAD_JOB_NAME, NOMAD_JOB_PARENT_ID (when set), NOMAD_REGION and
/// NOMAD_META_&lt;key&gt; (as written and upper-cased) of the job's meta overlaid by the group's; no namespace (the
/// allocation has none), no node, no ports. A <c>${name}</c> it does not hold stays as written (helper/args).
/// Not reproduced: the NOMAD_UPSTREAM_* variables of the group's sidecar upstreams and the clean-up of meta keys
/// holding characters other than letters, digits and <c>_</c>.
/// </summary>
internal static partial class ConnectServiceNames
{
    /// <summary>The service name with the submission-time environment substituted.</summary>
    public static string Interpolate(string name, JsonObject job, JsonObject group)
    {
        if (!name.Contains("${", StringComparison.Ordinal))
        {
            return name;
        }

        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["NOMAD_ALLOC_INDEX"] = "0",
            ["NOMAD_REGION"] = Str(job, "Region"),
        };
        Set(env, "NOMAD_GROUP_NAME", Str(group, "Name"));
        Set(env, "NOMAD_JOB_ID", Str(job, "ID"));
        Set(env, "NOMAD_JOB_NAME", Str(job, "Name"));
        Set(env, "NOMAD_JOB_PARENT_ID", Str(job, "ParentID"));
        if (env["NOMAD_REGION"].Length == 0)
        {
            env.Remove("NOMAD_REGION");
        }

        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { Obj(job, "Meta"), Obj(group, "Meta") })
        {
            foreach (var (key, value) in source ?? [])
            {
                meta[key] = value is JsonValue v ? Text(v) : "";
            }
        }

        foreach (var (key, value) in meta)
        {
            env["NOMAD_META_" + key.ToUpperInvariant()] = value;
            env["NOMAD_META_" + key] = value;
        }

        return Reference().Replace(name, m => env.TryGetValue(m.Value[2..^1], out var value) ? value : m.Value);
    }

    private static void Set(Dictionary<string, string> env, string key, string value)
    {
        if (value.Length > 0)
        {
            env[key] = value;
        }
    }

    [GeneratedRegex(@"\$\{[a-zA-Z0-9_\-\.]+\}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
