namespace Nomad.Emulator.Acl;

/// <summary>
/// What one token may do, merged from its policies as <c>acl.NewACL</c> merges them: per namespace (exact
/// name, else the closest glob) a capability set where <c>deny</c> wins; per variable
/// <c>namespace\0path</c> (exact, else the closest glob) a capability set.
/// </summary>
public sealed class AclIdentity
{
    private readonly Dictionary<string, HashSet<string>> _namespaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _variables = new(StringComparer.Ordinal);

    private AclIdentity(bool isManagement) => IsManagement = isManagement;

    /// <summary>Every request with ACLs off, and every management token.</summary>
    public static AclIdentity Management { get; } = new(isManagement: true);

    /// <summary>True for a management token (or ACLs off): everything is allowed and locks are shown.</summary>
    public bool IsManagement { get; }

    /// <summary>Merges the namespace rules of a client token's policies.</summary>
    public static AclIdentity FromRules(IEnumerable<NamespaceRule> rules)
    {
        var identity = new AclIdentity(isManagement: false);
        foreach (var ns in rules)
        {
            var caps = SetFor(identity._namespaces, ns.Name);
            foreach (var path in ns.VariablePaths)
            {
                SetFor(identity._variables, ns.Name + "\0" + path.PathSpec).UnionWith(path.Capabilities);
            }

            if (caps.Contains(Capabilities.Deny))
            {
                continue;
            }

            if (ns.Capabilities.Contains(Capabilities.Deny))
            {
                caps.Clear();
                caps.Add(Capabilities.Deny);
                continue;
            }

            caps.UnionWith(ns.Capabilities);
        }

        return identity;
    }

    /// <summary>True when the token may use <paramref name="capability"/> in <paramref name="ns"/>; <c>*</c> asks "in any namespace".</summary>
    public bool AllowsNamespace(string ns, string capability)
    {
        if (IsManagement)
        {
            return true;
        }

        if (ns == "*" && _namespaces.Values.Any(c => Check(c, capability)))
        {
            return true;
        }

        return Closest(_namespaces, ns) is { } caps && Check(caps, capability);
    }

    /// <summary>True when the token may do anything at all in <paramref name="ns"/> (<c>ACL.AllowNamespace</c>): some capability, not deny.</summary>
    public bool AllowsAnyInNamespace(string ns) =>
        IsManagement || (Closest(_namespaces, ns) is { Count: > 0 } caps && !caps.Contains(Capabilities.Deny));

    /// <summary>True when the token may use <paramref name="capability"/> on the variable at <paramref name="path"/>.</summary>
    public bool AllowsVariable(string ns, string path, string capability) =>
        IsManagement || (Closest(_variables, ns + "\0" + path) is { } caps && Check(caps, capability));

    private static HashSet<string> SetFor(Dictionary<string, HashSet<string>> table, string key)
    {
        if (!table.TryGetValue(key, out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            table[key] = set;
        }

        return set;
    }

    // capabilitySet.Check: plain membership; a namespace deny already cleared its set.
    private static bool Check(HashSet<string> caps, string capability) => caps.Contains(capability);

    private static HashSet<string>? Closest(Dictionary<string, HashSet<string>> table, string name)
    {
        if (table.TryGetValue(name, out var exact) && !name.Contains('*', StringComparison.Ordinal))
        {
            return exact;
        }

        return table
            .Where(kv => kv.Key.Contains('*', StringComparison.Ordinal) && Glob.Matches(kv.Key, name))
            .OrderBy(kv => Glob.Difference(kv.Key, name))
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Value)
            .FirstOrDefault();
    }
}
