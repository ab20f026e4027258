using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Nomad.Client.Tests.Support;

/// <summary>
/// A throwaway PKI written as PEM files to a temp directory: a CA, a server certificate it signed (for the
/// given DNS names and 127.0.0.1), a client certificate it signed, and an unrelated self-signed CA.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory) => Directory = directory;

    /// <summary>The directory holding the PEM files.</summary>
    public string Directory { get; }

    /// <summary>CA certificate PEM.</summary>
    public string CaCertFile => Path.Combine(Directory, "ca.pem");

    /// <summary>A directory holding only the CA certificate (for <c>NOMAD_CAPATH</c>).</summary>
    public string CaPathDirectory => Path.Combine(Directory, "cas");

    /// <summary>Client certificate PEM.</summary>
    public string ClientCertFile => Path.Combine(Directory, "client.pem");

    /// <summary>Client key PEM.</summary>
    public string ClientKeyFile => Path.Combine(Directory, "client-key.pem");

    /// <summary>The CA.</summary>
    public required X509Certificate2 Ca { get; init; }

    /// <summary>Server certificate with private key, signed by the CA.</summary>
    public required X509Certificate2 Server { get; init; }

    /// <summary>A self-signed certificate no CA vouches for, for the same names.</summary>
    public required X509Certificate2 Stranger { get; init; }

    /// <summary>Creates the PKI; the server certificate names <paramref name="serverNames"/> and 127.0.0.1.</summary>
    public static TestCertificates Create(params string[] serverNames)
    {
        var directory = Path.Combine(Path.GetTempPath(), "nomad-client-tls-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "cas"));

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Test Nomad CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = TimeProvider.System.GetUtcNow();
        var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));

        var server = Issue(ca, caKey, "CN=nomad server", serverNames, serverAuth: true, now);
        var client = Issue(ca, caKey, "CN=nomad cli", [], serverAuth: false, now);
        using var strangerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var strangerRequest = LeafRequest("CN=stranger", strangerKey, serverNames, serverAuth: true);
        var stranger = Reload(strangerRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1)));

        File.WriteAllText(Path.Combine(directory, "ca.pem"), ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "cas", "ca.pem"), ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "client.pem"), client.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "client-key.pem"), client.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return new TestCertificates(directory) { Ca = ca, Server = server, Stranger = stranger };
    }

    /// <inheritdoc />
    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static X509Certificate2 Issue(X509Certificate2 ca, ECDsa caKey, string subject, string[] names, bool serverAuth, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = LeafRequest(subject, key, names, serverAuth);
        var serial = RandomNumberGenerator.GetBytes(8);
        using var issued = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), now.AddDays(-1), now.AddYears(1), serial);
        return Reload(issued.CopyWithPrivateKey(key));
    }

    private static CertificateRequest LeafRequest(string subject, ECDsa key, string[] names, bool serverAuth)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var san = new SubjectAlternativeNameBuilder();
            foreach (var name in names)
            {
                san.AddDnsName(name);
            }

            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
        }

        return request;
    }

    private static X509Certificate2 Reload(X509Certificate2 certificate)
    {
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }
    }
}
