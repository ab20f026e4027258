using Microsoft.AspNetCore.Http;

namespace Nomad.Emulator.State;

/// <summary>
/// ACL policies and tokens, and the checks every endpoint makes. With ACLs off every request is allowed
/// and counts as management, as in Nomad.
/// </summary>
public sealed class AclTable(EmulatorOptions options)
{
    /// <summary>True when the request's token may use <paramref name="capability"/> (e.g. <c>submit-job</c>) in <paramref name="ns"/>.</summary>
    public bool AllowsNamespace(HttpRequest request, string ns, string capability) => !options.AclEnabled;

    /// <summary>True when the request's token may use <paramref name="capability"/> (<c>read</c>, <c>write</c>, <c>list</c>, <c>destroy</c>) on a variable path.</summary>
    public bool AllowsVariable(HttpRequest request, string ns, string path, string capability) => !options.AclEnabled;
}
