using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Nomad.Client;

/// <summary>
/// The TLS settings of <see cref="NomadClientOptions"/> turned into <see cref="SslClientAuthenticationOptions"/>:
/// client certificate from PEM files, CA certificates from <c>CaCert</c>/<c>CaPath</c> trusted instead of the
/// system's (as Go's <c>rootcerts</c> does), <c>TlsServerName</c> checked instead of the address host,
/// <c>SkipVerify</c> accepting any certificate.
/// </summary>
internal static class NomadTls
{
    /// <summary>Builds the client TLS options; throws <see cref="ArgumentException"/> on a half-configured client certificate.</summary>
    public static SslClientAuthenticationOptions Create(NomadClientOptions options)
    {
        var ssl = new SslClientAuthenticationOptions();
        if (options.ClientCert is not null || options.ClientKey is not null)
        {
            if (options.ClientCert is null || options.ClientKey is null)
            {
                throw new ArgumentException("Both client cert and client key must be provided (NOMAD_CLIENT_CERT, NOMAD_CLIENT_KEY)", nameof(options));
            }

            using var pem = X509Certificate2.CreateFromPemFile(options.ClientCert, options.ClientKey);
            // Re-import so the private key is usable by SslStream on every platform.
            ssl.ClientCertificates = [X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null)];
        }

        var roots = LoadRoots(options);
        ssl.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            Validate(options, roots, certificate, chain, errors);
        return ssl;
    }

    /// <summary>Decides whether a server certificate is trusted under these options.</summary>
    public static bool Validate(
        NomadClientOptions options,
        X509Certificate2Collection roots,
        X509Certificate? certificate,
        X509Chain? chain,
        SslPolicyErrors errors)
    {
        if (options.SkipVerify)
        {
            return true;
        }

        if (certificate is null)
        {
            return false;
        }

        var server = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var nameOk = options.TlsServerName is { } name
            ? server.MatchesHostname(name)
            : !errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch);
        if (!nameOk)
        {
            return false;
        }

        var otherErrors = errors & ~SslPolicyErrors.RemoteCertificateNameMismatch;
        if (roots.Count == 0)
        {
            return otherErrors == SslPolicyErrors.None;
        }

        if (otherErrors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.CustomTrustStore.AddRange(roots);
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(server);
    }

    /// <summary>The CA certificates named by <c>CaCert</c> (a PEM bundle) and <c>CaPath</c> (every file in it).</summary>
    public static X509Certificate2Collection LoadRoots(NomadClientOptions options)
    {
        var roots = new X509Certificate2Collection();
        if (options.CaCert is not null)
        {
            roots.ImportFromPemFile(options.CaCert);
        }

        if (options.CaPath is not null)
        {
            foreach (var file in Directory.EnumerateFiles(options.CaPath).Order(StringComparer.Ordinal))
            {
                roots.ImportFromPemFile(file);
            }
        }

        return roots;
    }
}
