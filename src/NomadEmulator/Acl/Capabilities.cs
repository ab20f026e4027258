namespace Nomad.Emulator.Acl;

/// <summary>Capability names and what the coarse <c>policy</c> values expand to (<c>acl/policy.go</c>).</summary>
public static class Capabilities
{
    /// <summary>The deny capability, which wins over every other in its set.</summary>
    public const string Deny = "deny";

    /// <summary>Variable path capabilities (<c>VariablesCapability*</c>).</summary>
    public static readonly IReadOnlySet<string> VariablePath = new HashSet<string>(StringComparer.Ordinal)
    {
        "list", "read", "write", "destroy", "deny",
    };

    /// <summary>Every namespace capability <c>acl.Parse</c> accepts (<c>isNamespaceCapabilityValid</c>).</summary>
    public static readonly IReadOnlySet<string> Namespace = new HashSet<string>(StringComparer.Ordinal)
    {
        "deny", "list-jobs", "parse-job", "read-job", "submit-job", "dispatch-job", "read-logs", "read-fs",
        "alloc-exec", "alloc-node-exec", "alloc-lifecycle", "sentinel-override", "csi-register-plugin",
        "csi-write-volume", "csi-read-volume", "csi-list-volume", "csi-mount-volume", "host-volume-create",
        "host-volume-register", "host-volume-read", "host-volume-write", "host-volume-delete",
        "list-scaling-policies", "read-scaling-policy", "read-job-scaling", "scale-job", "submit-recommendation",
    };

    private static readonly string[] Read =
    [
        "list-jobs", "parse-job", "read-job", "csi-list-volume", "csi-read-volume", "read-job-scaling",
        "list-scaling-policies", "read-scaling-policy", "host-volume-read",
    ];

    private static readonly string[] Write =
    [
        .. Read, "scale-job", "submit-job", "dispatch-job", "read-logs", "read-fs", "alloc-exec",
        "alloc-lifecycle", "csi-mount-volume", "csi-write-volume", "submit-recommendation", "host-volume-create",
    ];

    private static readonly string[] Scale =
    [
        "list-scaling-policies", "read-scaling-policy", "read-job-scaling", "scale-job", "read-job", "submit-recommendation",
    ];

    /// <summary>True for the values <c>policy = "…"</c> may take (<c>isPolicyValid</c>).</summary>
    public static bool IsPolicyValid(string policy) => policy is "deny" or "read" or "write" or "scale";

    /// <summary>The capabilities a namespace <c>policy</c> grants (<c>expandNamespacePolicy</c>).</summary>
    public static IReadOnlyList<string> ExpandNamespacePolicy(string policy) => policy switch
    {
        "deny" => [Deny],
        "read" => Read,
        "write" => Write,
        "scale" => Scale,
        _ => [],
    };

    /// <summary>Capabilities implied by fine-grained host volume ones (<c>expandNamespaceCapabilities</c>).</summary>
    public static IEnumerable<string> ImpliedBy(string capability) => capability switch
    {
        "host-volume-write" => ["host-volume-register", "host-volume-create", "host-volume-delete", "host-volume-read"],
        "host-volume-register" => ["host-volume-create", "host-volume-read"],
        "host-volume-create" => ["host-volume-read"],
        _ => [],
    };

    /// <summary>Variable path capabilities after expansion (<c>expandVariablesCapabilities</c>): deny alone, read implies list.</summary>
    public static IReadOnlyList<string> ExpandVariablePath(IReadOnlyList<string> capabilities)
    {
        if (capabilities.Contains(Deny))
        {
            return [Deny];
        }

        return capabilities.Contains("read") && !capabilities.Contains("list") ? [.. capabilities, "list"] : capabilities;
    }
}
