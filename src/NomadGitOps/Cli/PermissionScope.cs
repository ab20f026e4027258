namespace NomadGitOps.Cli;

/// <summary>Where a capability the controller needs applies in its ACL policy.</summary>
internal enum PermissionScope
{
    /// <summary>No ACL check: any token, or none, may call it.</summary>
    None,

    /// <summary>A variables path capability on <c>&lt;prefix&gt;/*</c> in the controller's own namespace.</summary>
    ObjectVariables,

    /// <summary>A namespace capability in every namespace whose jobs the controller manages.</summary>
    ManagedNamespaces,
}
