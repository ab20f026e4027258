namespace Nomad.Emulator.Acl;

/// <summary>ACL auth methods by name and binding rules by ID (<c>nomad/state/state_store_acl_sso.go</c>).</summary>
public sealed class LoginTable
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, AuthMethod> _methods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BindingRule> _rules = new(StringComparer.Ordinal);

    /// <summary>Stores or replaces an auth method (its create index is kept).</summary>
    public void PutMethod(AuthMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        lock (_sync)
        {
            _methods[method.Name] = _methods.TryGetValue(method.Name, out var old) ? method with { CreateIndex = old.CreateIndex } : method;
        }
    }

    /// <summary>The auth method with this name, or null.</summary>
    public AuthMethod? Method(string name)
    {
        lock (_sync)
        {
            return _methods.GetValueOrDefault(name);
        }
    }

    /// <summary>Every auth method, by name.</summary>
    public IReadOnlyList<AuthMethod> Methods()
    {
        lock (_sync)
        {
            return [.. _methods.Values.OrderBy(m => m.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>Deletes an auth method and its binding rules, as Nomad does; false when there was none.</summary>
    public bool DeleteMethod(string name)
    {
        lock (_sync)
        {
            foreach (var id in _rules.Values.Where(r => r.AuthMethod == name).Select(r => r.ID).ToList())
            {
                _rules.Remove(id);
            }

            return _methods.Remove(name);
        }
    }

    /// <summary>Stores or replaces a binding rule.</summary>
    public void PutRule(BindingRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_sync)
        {
            _rules[rule.ID] = rule;
        }
    }

    /// <summary>The binding rule with this ID, or null.</summary>
    public BindingRule? Rule(string id)
    {
        lock (_sync)
        {
            return _rules.GetValueOrDefault(id);
        }
    }

    /// <summary>Every binding rule, by ID; only those of <paramref name="authMethod"/> when given.</summary>
    public IReadOnlyList<BindingRule> Rules(string? authMethod = null)
    {
        lock (_sync)
        {
            return [.. _rules.Values.Where(r => authMethod is null || r.AuthMethod == authMethod).OrderBy(r => r.ID, StringComparer.Ordinal)];
        }
    }

    /// <summary>Deletes a binding rule; false when there was none.</summary>
    public bool DeleteRule(string id)
    {
        lock (_sync)
        {
            return _rules.Remove(id);
        }
    }

    /// <summary>Forgets every method and rule.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            _methods.Clear();
            _rules.Clear();
        }
    }
}
