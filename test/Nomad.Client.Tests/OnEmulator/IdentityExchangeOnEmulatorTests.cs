using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Nomad.Client.Tests.Jobs.Golden;
using Nomad.Client.Tests.Support;
using Nomad.Emulator;

namespace Nomad.Client.Tests.OnEmulator;

/// <summary>
/// Authentication that follows Nomad, against an emulator with ACLs on: an ACL token is sent as is; a workload identity
/// is sent as is where plan takes it (2.0.4 on), else exchanged through the JWT auth method for an ACL token that is
/// renewed before it expires and replaced after a 403.
/// </summary>
public sealed class IdentityExchangeOnEmulatorTests : IAsyncDisposable
{
    private const string Method = "nomad-gitops";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private NomadEmulator? _nomad;

    [Fact]
    public async Task An_ACL_token_is_sent_as_is_without_asking_for_the_version()
    {
        var ct = TestContext.Current.CancellationToken;
        var nomad = await StartAsync("1.10.5", ct);
        var token = await CreateTokenAsync(nomad, ct);
        using var client = Clients.Create(Clients.For(nomad.Address) with { Token = token, AuthMethod = Method }, time: _time);

        await client.Jobs.PlanAsync(GoldenFiles.Json("web.parsed.json"), ct: ct);

        client.Authentication.Mode.ShouldBe(AuthMode.AclToken);
        nomad.Calls.Count("GET /v1/agent/self").ShouldBe(0);
        nomad.Calls.Count("PUT /v1/acl/login").ShouldBe(0);
    }

    [Fact]
    public async Task A_workload_identity_fails_plan_on_a_release_before_2_0_4_when_sent_as_is()
    {
        var ct = TestContext.Current.CancellationToken;
        var nomad = await StartAsync("1.10.5", ct);
        using var client = Clients.Create(Clients.For(nomad.Address) with { Token = Identity(nomad), MaxAttempts = 1 }, time: _time);

        var failed = await Should.ThrowAsync<NomadApiException>(() => client.Jobs.PlanAsync(GoldenFiles.Json("web.parsed.json"), ct: ct));

        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        failed.NomadMessage.ShouldBe("acl token lookup failed: index error: UUID must be 36 characters");
        client.Authentication.Mode.ShouldBe(AuthMode.WorkloadIdentity);
        client.Authentication.ClusterVersion.ShouldBe(new NomadVersion(1, 10, 5, false));
    }

    [Fact]
    public async Task A_workload_identity_is_sent_as_is_from_2_0_4_on()
    {
        var ct = TestContext.Current.CancellationToken;
        var nomad = await StartAsync("2.0.4", ct);
        using var client = Clients.Create(Clients.For(nomad.Address) with { Token = Identity(nomad), AuthMethod = Method }, time: _time);

        var plan = await client.Jobs.PlanAsync(GoldenFiles.Json("web.parsed.json"), ct: ct);

        plan.ShouldNotBeNull();
        client.Authentication.Mode.ShouldBe(AuthMode.WorkloadIdentity);
        nomad.Calls.Count("PUT /v1/acl/login").ShouldBe(0);
    }

    [Fact]
    public async Task A_workload_identity_is_exchanged_through_the_auth_method_before_2_0_4_and_plan_succeeds()
    {
        var ct = TestContext.Current.CancellationToken;
        var nomad = await StartAsync("1.10.5", ct);
        using var client = Clients.Create(Clients.For(nomad.Address) with { Token = Identity(nomad), AuthMethod = Method }, time: _time);

        await client.Jobs.PlanAsync(GoldenFiles.Json("web.parsed.json"), ct: ct);

        client.Authentication.Mode.ShouldBe(AuthMode.ExchangedIdentity);
        client.Authentication.Logins.ShouldBe(1);
        client.Authentication.ExpiresAt.ShouldBe(_time.GetUtcNow().AddHours(1));
        var issued = nomad.State.Acl.Tokens().ShouldHaveSingleItem();
        issued.Policies.ShouldBe(["nomad-gitops"]);
        issued.Name.ShouldBe("JWT-nomad-gitops");
    }

    [Fact]
    public async Task The_exchanged_token_is_renewed_by_a_new_login_once_two_thirds_of_its_life_have_passed()
    {
        var ct = TestContext.Current.CancellationToken;
        var nomad = await StartAsync("1.10.5", ct);
        using var client = Clients.Create(Clients.For(nomad.Address) with { Token = Identity(nomad), AuthMethod = Method }, time: _time);
        await client.Variables.ReadAsync("nomad-gitops/v1/x", ct: ct);

        _time.Advance(TimeSpan.FromMinutes(39));
        await client.Variables.ReadAsync("nomad-gitops/v1/x", ct: ct);
        client.Authentication.Logins.ShouldBe(1);

        _time.Advance(TimeSpan.FromMinutes(2));
        await client.Variables.ReadAsync("nomad-gitops/v1/x", ct: ct);

        client.Authentication.Logins.ShouldBe(2);
        client.Authentication.ExpiresAt.ShouldBe(_time.GetUtcNow().AddHours(1));
        nomad.Calls.Count("PUT /v1/acl/login").ShouldBe(2);
    }

    [Fact]
    public async Task A_403_with_the_exchanged_token_logs_in_again_once_and_the_call_succeeds()
    {
        var ct = TestContext.Current.CancellationToken;
        var nomad = await StartAsync("1.10.5", ct);
        using var client = Clients.Create(Clients.For(nomad.Address) with { Token = Identity(nomad), AuthMethod = Method }, time: _time);
        await client.Variables.ReadAsync("nomad-gitops/v1/x", ct: ct);
        nomad.State.Acl.DeleteToken(nomad.State.Acl.Tokens().Single().AccessorID);

        var read = await client.Variables.ReadAsync("nomad-gitops/v1/x", ct: ct);

        read.Value.ShouldBeNull();
        client.Authentication.Logins.ShouldBe(2);
        nomad.Calls.Count("GET /v1/var/:path").ShouldBe(3);
    }

    [Fact]
    public async Task A_login_that_no_binding_rule_matches_fails_with_401_naming_the_auth_method()
    {
        var ct = TestContext.Current.CancellationToken;
        var nomad = await StartAsync("1.10.5", ct);
        var other = nomad.State.Acl.Identities.Issue("default", "someone-else", "g", "t");
        using var client = Clients.Create(Clients.For(nomad.Address) with { Token = other, AuthMethod = Method }, time: _time);

        var failed = await Should.ThrowAsync<NomadApiException>(() => client.Variables.ReadAsync("nomad-gitops/v1/x", ct: ct));

        failed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        failed.NomadMessage.ShouldBe("logging in through the auth method \"nomad-gitops\" failed: no role or policy bindings matched");
        nomad.Calls.Count("GET /v1/var/:path").ShouldBe(0);
    }

    [Fact]
    public async Task An_identity_signed_by_another_key_is_refused_by_the_login()
    {
        var ct = TestContext.Current.CancellationToken;
        var nomad = await StartAsync("1.10.5", ct);
        await using var stranger = await NomadEmulator.StartAsync(new EmulatorOptions { AclEnabled = true }, ct);
        using var client = Clients.Create(Clients.For(nomad.Address) with { Token = Identity(stranger), AuthMethod = Method }, time: _time);

        var failed = await Should.ThrowAsync<NomadApiException>(() => client.Variables.ReadAsync("nomad-gitops/v1/x", ct: ct));

        failed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        failed.NomadMessage.ShouldContain("unable to validate provided token: failed to verify signature");
    }

    public async ValueTask DisposeAsync()
    {
        if (_nomad is not null)
        {
            await _nomad.DisposeAsync();
        }
    }

    private static string Identity(NomadEmulator nomad) => nomad.State.Acl.Identities.Issue("nomad-gitops", "nomad-gitops", "controller", "controller");

    // What `nomad-gitops install` sets up: the policy bound to the job, a JWT auth method trusting the cluster's JWKS
    // with a 1h token TTL, and a binding rule selecting the job's identities. Sent over HTTP as the nomad CLI would.
    private async Task<NomadEmulator> StartAsync(string version, CancellationToken ct)
    {
        _nomad = await NomadEmulator.StartAsync(new EmulatorOptions { AclEnabled = true, NomadVersion = version, TimeProvider = _time }, ct);
        using var http = new HttpClient { BaseAddress = _nomad.Address };
        http.DefaultRequestHeaders.Add("X-Nomad-Token", new EmulatorOptions().ManagementToken);
        async Task Put(string path, object body) => (await http.PutAsJsonAsync(path, body, ct)).EnsureSuccessStatusCode();
        await Put("/v1/namespace/nomad-gitops", new { Name = "nomad-gitops" });
        await Put("/v1/acl/policy/nomad-gitops", new
        {
            Name = "nomad-gitops",
            Rules = "namespace \"default\" {\n  capabilities = [\"list-jobs\", \"parse-job\", \"read-job\", \"submit-job\"]\n  variables {\n    path \"nomad-gitops/v1/*\" {\n      capabilities = [\"read\", \"list\", \"write\", \"destroy\"]\n    }\n  }\n}\n",
            JobACL = new { Namespace = "nomad-gitops", JobID = "nomad-gitops" },
        });
        await Put("/v1/acl/auth-method", new
        {
            Name = Method,
            Type = "JWT",
            TokenLocality = "local",
            MaxTokenTTL = "1h0m0s",
            Config = new
            {
                JWKSURL = new Uri(_nomad.Address, "/.well-known/jwks.json").ToString(),
                BoundAudiences = new[] { "nomadproject.io" },
                ClaimMappings = new Dictionary<string, string> { ["nomad_namespace"] = "nomad_namespace", ["nomad_job_id"] = "nomad_job_id" },
            },
        });
        await Put("/v1/acl/binding-rule", new
        {
            AuthMethod = Method,
            Selector = "value.nomad_namespace == \"nomad-gitops\" and value.nomad_job_id == \"nomad-gitops\"",
            BindType = "policy",
            BindName = "nomad-gitops",
        });
        return _nomad;
    }

    private static async Task<string> CreateTokenAsync(NomadEmulator nomad, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = nomad.Address };
        http.DefaultRequestHeaders.Add("X-Nomad-Token", new EmulatorOptions().ManagementToken);
        var response = await http.PutAsJsonAsync("/v1/acl/token", new { Name = "static", Type = "client", Policies = new[] { "nomad-gitops" } }, ct);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        return token!["SecretID"]!.GetValue<string>();
    }
}
