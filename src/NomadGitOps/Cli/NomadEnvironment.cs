using Nomad.Client;

namespace NomadGitOps.Cli;

/// <summary>How every verb reaches Nomad: the <c>nomad</c> CLI's variables plus <c>NOMAD_GITOPS_AUTH_METHOD</c>.</summary>
internal static class NomadEnvironment
{
    /// <summary>
    /// <see cref="NomadClientOptions.FromEnvironment"/> with <see cref="NomadClientOptions.AuthMethod"/> from
    /// <c>NOMAD_GITOPS_AUTH_METHOD</c>: the JWT auth method through which a workload identity is exchanged for an ACL
    /// token where the cluster's plan or parse cannot take the identity (issue 11 §2; <c>install</c> names it
    /// <c>nomad-gitops</c>).
    /// </summary>
    public static NomadClientOptions Read(IReadOnlyDictionary<string, string?>? env = null)
    {
        var method = env is null ? Environment.GetEnvironmentVariable("NOMAD_GITOPS_AUTH_METHOD") : env.GetValueOrDefault("NOMAD_GITOPS_AUTH_METHOD");
        return NomadClientOptions.FromEnvironment(env) with { AuthMethod = string.IsNullOrEmpty(method) ? null : method };
    }

    /// <summary>One line for people saying how the client authenticates (decided on its first request).</summary>
    public static string DescribeMode(NomadClient nomad)
    {
        var auth = nomad.Authentication;
        var version = auth.ClusterVersion?.ToString() ?? "unknown";
        return auth.Mode switch
        {
            AuthMode.ExchangedIdentity =>
                $"  mode  workload identity exchanged for an ACL token through auth method \"{nomad.Options.AuthMethod}\" (Nomad {version}), expires {auth.ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "never"}, renewed at two thirds of its life",
            AuthMode.WorkloadIdentity when IdentityExchange.NeedsExchange(auth.ClusterVersion) =>
                $"  mode  workload identity sent as is, but Nomad {version} refuses it for plan (before 2.0.4) and parse (before 1.11.1): set NOMAD_GITOPS_AUTH_METHOD",
            AuthMode.WorkloadIdentity => $"  mode  workload identity sent as is (Nomad {version} takes it for every call)",
            AuthMode.AclToken => "  mode  ACL token",
            AuthMode.None => "  mode  anonymous",
            _ => "  mode  not decided (no request reached Nomad)",
        };
    }
}
