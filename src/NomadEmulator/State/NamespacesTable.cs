namespace Nomad.Emulator.State;

/// <summary>
/// Namespaces by name; <c>default</c> always exists and cannot be deleted
/// (<c>nomad/state/state_store.go</c>, <c>UpsertNamespaces</c>, <c>DeleteNamespaces</c>). Runs under
/// <see cref="EmulatorState.Sync"/>.
/// </summary>
public sealed class NamespacesTable
{
    /// <summary>The namespace every request uses unless it names another.</summary>
    public const string Default = "default";

    private readonly Dictionary<string, StoredNamespace> _namespaces = new(StringComparer.Ordinal);

    /// <summary>Starts with only <c>default</c>.</summary>
    public NamespacesTable() => Clear();

    /// <summary>The index of the last write to the table.</summary>
    public long TableIndex { get; private set; } = 1;

    /// <summary>The namespace with this name, or null.</summary>
    public StoredNamespace? Get(string name) => _namespaces.GetValueOrDefault(name);

    /// <summary>True when the namespace exists.</summary>
    public bool Exists(string name) => _namespaces.ContainsKey(name);

    /// <summary>Every namespace, sorted by name.</summary>
    public IReadOnlyList<StoredNamespace> List() => [.. _namespaces.Values.OrderBy(n => n.Name, StringComparer.Ordinal)];

    /// <summary>Creates or updates a namespace.</summary>
    public StoredNamespace Upsert(string name, string description, IReadOnlyDictionary<string, string> meta, long index)
    {
        var stored = _namespaces.TryGetValue(name, out var old)
            ? old with { Description = description, Meta = meta, ModifyIndex = index }
            : new StoredNamespace(name, description, meta, index, index);
        _namespaces[name] = stored;
        TableIndex = index;
        return stored;
    }

    /// <summary>Deletes a namespace; returns Nomad's error text when it cannot (default, still holds variables, missing).</summary>
    public string? Delete(string name, long index, bool holdsVariables, string region)
    {
        if (name == Default)
        {
            return NamespacesErrors.DefaultCannotBeDeleted;
        }

        if (holdsVariables)
        {
            return NamespacesErrors.HasVariables(name, region);
        }

        if (!_namespaces.Remove(name))
        {
            return NamespacesErrors.NotFoundOnDelete;
        }

        TableIndex = index;
        return null;
    }

    /// <summary>Back to only <c>default</c>.</summary>
    public void Clear()
    {
        _namespaces.Clear();
        _namespaces[Default] = new StoredNamespace(Default, "Default shared namespace", new Dictionary<string, string>(), 1, 1);
    }
}
