using Nomad.Emulator;
using Nomad.Emulator.Acl;

namespace NomadGitOps.Tests.Support;

/// <summary>Client tokens for an emulator with ACLs on: stores the policy (parsed as Nomad parses it) and a token holding only it.</summary>
internal static class AclTokens
{
    /// <summary>Returns the secret ID of a new client token whose only policy has <paramref name="rules"/>.</summary>
    public static string Mint(NomadEmulator nomad, string rules)
    {
        var name = "policy-" + Guid.NewGuid().ToString("N")[..8];
        nomad.State.Acl.PutPolicy(new AclPolicy(name, "", rules, PolicyParser.Parse(rules), 1, 1));
        var secret = Guid.NewGuid().ToString();
        nomad.State.Acl.PutToken(new AclToken(Guid.NewGuid().ToString(), secret, name, "client", [name], DateTimeOffset.UnixEpoch, 1, 1));
        return secret;
    }
}
