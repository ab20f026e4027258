namespace Nomad.Emulator.State;

/// <summary>The namespace answers' texts, each with the Nomad source it comes from.</summary>
public static class NamespacesErrors
{
    /// <summary>404 for <c>GET /v1/namespace/:name</c> (<c>command/agent/namespace_endpoint.go</c>, <c>namespaceQuery</c>).</summary>
    public const string NotFound = "Namespace not found";

    /// <summary>400 (<c>NamespaceSpecificRequest</c>).</summary>
    public const string MissingName = "Missing Namespace Name";

    /// <summary>400 when the body's Name differs from the URL (<c>namespaceUpdate</c>).</summary>
    public const string NameMismatch = "Namespace name does not match request path";

    /// <summary>500, uncoded (<c>nomad/namespace_endpoint.go</c>, <c>DeleteNamespaces</c>).</summary>
    public const string DefaultCannotBeDeleted = "can not delete default namespace";

    /// <summary>500: a namespace still holding variables (<c>DeleteNamespaces</c>, <c>namespaceNoAssociatedVarsLocally</c>, in a multierror).</summary>
    public static string HasVariables(string ns, string region) =>
        VariablesErrors.MultiError([$"namespace {VariablesErrors.GoQuote(ns)} has variables associated with it in regions: [{region}]"]);

    /// <summary>500, uncoded (<c>nomad/state/state_store.go</c>, <c>DeleteNamespaces</c>).</summary>
    public const string NotFoundOnDelete = "namespace not found";
}
