using System.Net.Security;
using Nomad.Client.Tests.Support;

namespace Nomad.Client.Tests.Configuration;

public sealed class NomadTlsTests : IDisposable
{
    private readonly TestCertificates _pki = TestCertificates.Create("server.global.nomad");

    public void Dispose() => _pki.Dispose();

    [Fact]
    public void A_PEM_client_certificate_and_key_are_loaded_with_the_private_key()
    {
        var ssl = NomadTls.Create(new NomadClientOptions { ClientCert = _pki.ClientCertFile, ClientKey = _pki.ClientKeyFile });

        var certificates = ssl.ClientCertificates.ShouldNotBeNull();
        certificates.Count.ShouldBe(1);
        var certificate = certificates[0].ShouldBeOfType<System.Security.Cryptography.X509Certificates.X509Certificate2>();
        certificate.HasPrivateKey.ShouldBeTrue();
        certificate.Subject.ShouldBe("CN=nomad cli");
    }

    [Fact]
    public void A_client_certificate_without_its_key_is_rejected() =>
        Should.Throw<ArgumentException>(() => NomadTls.Create(new NomadClientOptions { ClientCert = _pki.ClientCertFile }))
            .Message.ShouldContain("Both client cert and client key must be provided");

    [Fact]
    public void CaCert_trusts_a_server_certificate_the_CA_signed_and_nothing_else()
    {
        var options = new NomadClientOptions { CaCert = _pki.CaCertFile };
        var roots = NomadTls.LoadRoots(options);

        NomadTls.Validate(options, roots, _pki.Server, null, SslPolicyErrors.RemoteCertificateChainErrors).ShouldBeTrue();
        NomadTls.Validate(options, roots, _pki.Stranger, null, SslPolicyErrors.RemoteCertificateChainErrors).ShouldBeFalse();
    }

    [Fact]
    public void CaPath_loads_every_certificate_in_the_directory()
    {
        var options = new NomadClientOptions { CaPath = _pki.CaPathDirectory };

        var roots = NomadTls.LoadRoots(options);

        roots.ShouldHaveSingleItem().Subject.ShouldBe("CN=Test Nomad CA");
        NomadTls.Validate(options, roots, _pki.Server, null, SslPolicyErrors.RemoteCertificateChainErrors).ShouldBeTrue();
    }

    [Fact]
    public void TlsServerName_is_checked_instead_of_the_address_host()
    {
        var right = new NomadClientOptions { CaCert = _pki.CaCertFile, TlsServerName = "server.global.nomad" };
        var wrong = right with { TlsServerName = "client.global.nomad" };

        NomadTls.Validate(right, NomadTls.LoadRoots(right), _pki.Server, null, SslPolicyErrors.RemoteCertificateNameMismatch).ShouldBeTrue();
        NomadTls.Validate(wrong, NomadTls.LoadRoots(wrong), _pki.Server, null, SslPolicyErrors.None).ShouldBeFalse();
    }

    [Fact]
    public void Without_a_CA_setting_the_system_verdict_stands()
    {
        var options = new NomadClientOptions();

        NomadTls.Validate(options, [], _pki.Server, null, SslPolicyErrors.RemoteCertificateChainErrors).ShouldBeFalse();
        NomadTls.Validate(options, [], _pki.Server, null, SslPolicyErrors.None).ShouldBeTrue();
    }

    [Fact]
    public void SkipVerify_accepts_any_certificate() =>
        NomadTls.Validate(new NomadClientOptions { SkipVerify = true }, [], _pki.Stranger, null, SslPolicyErrors.RemoteCertificateChainErrors).ShouldBeTrue();

    [Fact]
    public async Task A_TLS_server_signed_by_NOMAD_CACERT_is_reached_and_sees_the_client_certificate()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedNomad.StartAsync(_pki.Server, ct: ct);
        server.On("GET /v1/status/leader", CannedResponse.Json("\"10.0.0.1:4647\""));
        var options = NomadClientOptions.FromEnvironment(new Dictionary<string, string?>
        {
            ["NOMAD_ADDR"] = server.Address.ToString().TrimEnd('/'),
            ["NOMAD_CACERT"] = _pki.CaCertFile,
            ["NOMAD_CLIENT_CERT"] = _pki.ClientCertFile,
            ["NOMAD_CLIENT_KEY"] = _pki.ClientKeyFile,
        });
        using var client = Clients.Create(options);

        (await client.Status.LeaderAsync(ct)).ShouldBe("10.0.0.1:4647");
        server.OnlyRequest.ClientCertificateSubject.ShouldBe("CN=nomad cli");
    }

    [Fact]
    public async Task A_TLS_server_no_configured_CA_vouches_for_is_refused_without_retrying()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedNomad.StartAsync(_pki.Stranger, ct: ct);
        using var client = Clients.Create(Clients.For(server.Address) with { CaCert = _pki.CaCertFile });

        var error = await Should.ThrowAsync<NomadApiException>(() => client.Status.LeaderAsync(ct));

        error.StatusCode.ShouldBeNull();
        error.IsTransient.ShouldBeFalse();
        error.Attempts.ShouldBe(1);
        server.Requests.ShouldBeEmpty();
    }
}
