namespace Nomad.Client;

/// <summary>An ACL token as Nomad returns it (<c>api.ACLToken</c>); <see cref="SecretID"/> is never printed.</summary>
public sealed record AclToken
{
    /// <summary>The public ID.</summary>
    public string AccessorID { get; init; } = "";

    /// <summary>The secret sent as <c>X-Nomad-Token</c>.</summary>
    public string SecretID { get; init; } = "";

    /// <summary>E.g. <c>JWT-nomad-gitops</c> for a token made by a login.</summary>
    public string Name { get; init; } = "";

    /// <summary><c>client</c> or <c>management</c>.</summary>
    public string Type { get; init; } = "";

    /// <summary>The policies it carries.</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreateTime { get; init; }

    /// <summary>When Nomad stops accepting it; null when it never expires.</summary>
    public DateTimeOffset? ExpirationTime { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"AclToken {{ AccessorID = {AccessorID}, Name = {Name}, Type = {Type}, ExpirationTime = {ExpirationTime:O} }}";
}
