namespace Nomad.Client;

/// <summary>Placeholder replaced by the client work.</summary>
public sealed record NomadClientOptions;
