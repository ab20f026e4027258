namespace NomadGitOps.Server.StatusPage;

/// <summary>The header of every status page.</summary>
/// <param name="Controller">The controller's name (<c>gitops_managed_by</c>, the leader lock's holder).</param>
/// <param name="Version">The nomad-gitops version.</param>
/// <param name="Role"><c>leader</c> or <c>standby</c>.</param>
/// <param name="NomadAddress">The Nomad address it talks to (credentials in it redacted).</param>
/// <param name="Paused">True while the controller is paused (<c>nomad-gitops pause</c>).</param>
/// <param name="Watching">True when this replica watches the objects (it leads and has listed them): the page shows them.</param>
/// <param name="GeneratedAt">When the page was made.</param>
internal sealed record StatusHeader(string Controller, string Version, string Role, string NomadAddress, bool Paused, bool Watching, DateTimeOffset GeneratedAt);
