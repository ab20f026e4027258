using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Nomad.Emulator.Jobs.DiffJson;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// groupConnectHook's interpolation of a sidecar or gateway service's name (nomad/job_endpoint_hook_connect.go):
/// <c>env.ReplaceEnv(service.Name)</c> with the environment <c>taskenv.NewBuilder(nil, alloc{Job, TaskGroup}, nil,
/// job.Region).Build()</c> makes at submission time (client/taskenv/env.go). That environment holds NOMAD_ALLOC_INDEX
/// (<c>0</c>: the allocation has no name), NOMAD_GROUP_NAME, NOMAD_JOB_ID, NOMAD_JOB_NAME, NOMAD_JOB_PARENT_ID (when
/// set), NOMAD_REGION, NOMAD_META_&lt;key&gt; (as written and upper-cased) of the job's meta overlaid by the group's,
/// and NOMAD_UPSTREAM_{IP,PORT,ADDR}_&lt;destination&gt; of the group's sidecar upstreams (setAlloc,
/// buildUpstreamsEnv: the destination as written and cleaned, the proxy's IP 127.0.0.1); buildEnv then cleans the keys
/// of the meta (and port/address) prefixes with helper.CleanEnvVar, so <c>NOMAD_META_my-key</c> is
/// <c>NOMAD_META_my_key</c>. The node attributes hold only <c>node.region</c>. No namespace (the allocation has none), no
/// node, no ports. A <c>${name}</c> it does not hold stays as written (helper/args).
/// </summary>
/// <remarks>
/// The recorded answers' build interpolates with less (no upstreams, no node.region, meta keys not cleaned); the
/// emulator follows the server's source (Golden/server-differs.json, <c>validate/connect_interpolated_upstreams</c>).
/// Two meta keys that clean to the same name (<c>a-b</c>, <c>a_b</c>) or upper-case to the same (<c>Zone</c>,
/// <c>zone</c>) are a Go map's order in Nomad, so which value wins cannot be matched; here the later one in the JSON.
/// </remarks>
internal static partial class ConnectServiceNames
{
    // buildEnv's prefixesToClean.
    private static readonly string[] CleanedPrefixes = ["NOMAD_ADDR_", "NOMAD_IP_", "NOMAD_PORT_", "NOMAD_HOST_PORT_", "NOMAD_META_"];

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
        };
        var region = Str(job, "Region");
        Set(env, "NOMAD_REGION", region);
        Set(env, "NOMAD_GROUP_NAME", Str(group, "Name"));
        Set(env, "NOMAD_JOB_ID", Str(job, "ID"));
        Set(env, "NOMAD_JOB_NAME", Str(job, "Name"));
        Set(env, "NOMAD_JOB_PARENT_ID", Str(job, "ParentID"));

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

        foreach (var service in Objs(group, "Services"))
        {
            foreach (var upstream in Objs(Obj(Obj(Obj(service, "Connect"), "SidecarService"), "Proxy"), "Upstreams"))
            {
                var destination = Str(upstream, "DestinationName");
                var port = Str(upstream, "LocalBindPort");
                foreach (var suffix in new[] { destination, CleanEnvVar(destination) })
                {
                    env["NOMAD_UPSTREAM_IP_" + suffix] = "127.0.0.1";
                    env["NOMAD_UPSTREAM_PORT_" + suffix] = port;
                    env["NOMAD_UPSTREAM_ADDR_" + suffix] = "127.0.0.1:" + port;
                }
            }
        }

        var cleaned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in env)
        {
            cleaned[CleanedPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)) ? CleanEnvVar(key) : key] = value;
        }

        return Reference().Replace(name, m =>
        {
            var key = m.Value[2..^1];
            return cleaned.TryGetValue(key, out var value) ? value
                : key == "node.region" && region.Length > 0 ? region
                : m.Value;
        });
    }

    /// <summary>helper.CleanEnvVar with '_': every byte of the UTF-8 text other than a letter, '_', '.', or a digit not first.</summary>
    private static string CleanEnvVar(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < bytes.Length; i++)
        {
            var c = bytes[i];
            if (!(c is (byte)'_' or (byte)'.' || char.IsAsciiLetter((char)c) || (i > 0 && char.IsAsciiDigit((char)c))))
            {
                bytes[i] = (byte)'_';
            }
        }

        return Encoding.UTF8.GetString(bytes);
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
