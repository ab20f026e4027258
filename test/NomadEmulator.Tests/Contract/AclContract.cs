using System.Net;
using System.Text.Json;
using Nomad.Emulator.Tests.Support;

namespace Nomad.Emulator.Tests.Contract;

/// <summary>
/// ACL enforcement on variables, policies and tokens. Needs a cluster with ACLs on and a management
/// token (the emulator fixture, or <c>NOMAD_GITOPS_CONTRACT_TOKEN</c> on a real Nomad).
/// </summary>
public abstract class AclContract(ContractTarget target)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private HttpClient Http
    {
        get
        {
            var http = target.Http;
            Assert.SkipWhen(target.Token is null, "needs a management token (NOMAD_GITOPS_CONTRACT_TOKEN)");
            return http;
        }
    }

    private async Task<string> ClientTokenAsync(string rules)
    {
        var policy = Some.Name("pol");
        using var put = await Http.PutAsync($"/v1/acl/policy/{policy}", Wire.Json(JsonSerializer.Serialize(new { Name = policy, Rules = rules })), _ct);
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var token = await Http.PostAsync(Wire.Path("/v1/acl/token"), Wire.Json(JsonSerializer.Serialize(new { Name = policy, Type = "client", Policies = new[] { policy } })), _ct);
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await token.JsonAsync(_ct);
        body.Str("AccessorID").ShouldNotBeNullOrEmpty();
        return body.Str("SecretID");
    }

    private static string VariablesPolicy(string root) => $$"""
        # what a reader of {{root}} may do
        namespace "default" {
          variables {
            path "{{root}}/read/*" { capabilities = ["read"] }
            path "{{root}}/write/*" {
              capabilities = ["write", "read", "destroy"]
            }
            path "{{root}}/read/secret" { capabilities = ["deny"] }
          }
        }
        """;

    [Fact]
    public async Task A_request_without_a_token_answers_403_Permission_denied()
    {
        using var get = await Http.SendAsTokenAsync(HttpMethod.Get, $"/v1/var/acl/{Some.Name()}", token: null, content: null, _ct);

        get.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await get.TextAsync(_ct)).ShouldBe("Permission denied");
    }

    [Fact]
    public async Task An_unknown_token_answers_403_Permission_denied()
    {
        using var get = await Http.SendAsTokenAsync(HttpMethod.Get, $"/v1/var/acl/{Some.Name()}", Guid.NewGuid().ToString(), null, _ct);

        get.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await get.TextAsync(_ct)).ShouldBe("Permission denied");
    }

    [Fact]
    public async Task The_management_token_works_as_a_bearer_token()
    {
        using var get = await Http.SendAsTokenAsync(HttpMethod.Get, $"/v1/var/acl/{Some.Name()}", target.Token, null, _ct, bearer: true);

        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_client_token_reads_where_its_policy_allows_and_is_refused_elsewhere()
    {
        var root = "acl-" + Some.Name();
        var secret = await ClientTokenAsync(VariablesPolicy(root));
        using var seed = await Http.PutAsync($"/v1/var/{root}/read/x", Wire.Items(("k", "v")), _ct);
        using var other = await Http.PutAsync($"/v1/var/{root}-other/x", Wire.Items(("k", "v")), _ct);

        using var read = await Http.SendAsTokenAsync(HttpMethod.Get, $"/v1/var/{root}/read/x", secret, null, _ct);
        using var readOther = await Http.SendAsTokenAsync(HttpMethod.Get, $"/v1/var/{root}-other/x", secret, null, _ct);
        using var write = await Http.SendAsTokenAsync(HttpMethod.Put, $"/v1/var/{root}/read/x", secret, Wire.Items(("k", "w")), _ct);
        using var delete = await Http.SendAsTokenAsync(HttpMethod.Delete, $"/v1/var/{root}/read/x", secret, null, _ct);

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        readOther.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await write.TextAsync(_ct)).ShouldBe("Permission denied");
        delete.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_client_token_writes_and_destroys_where_its_policy_allows()
    {
        var root = "acl-" + Some.Name();
        var secret = await ClientTokenAsync(VariablesPolicy(root));

        using var write = await Http.SendAsTokenAsync(HttpMethod.Put, $"/v1/var/{root}/write/y", secret, Wire.Items(("k", "v")), _ct);
        using var delete = await Http.SendAsTokenAsync(HttpMethod.Delete, $"/v1/var/{root}/write/y", secret, null, _ct);

        write.StatusCode.ShouldBe(HttpStatusCode.OK);
        delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_deny_on_a_longer_path_wins_over_a_shorter_glob()
    {
        var root = "acl-" + Some.Name();
        var secret = await ClientTokenAsync(VariablesPolicy(root));
        using var seed = await Http.PutAsync($"/v1/var/{root}/read/secret", Wire.Items(("k", "v")), _ct);

        using var read = await Http.SendAsTokenAsync(HttpMethod.Get, $"/v1/var/{root}/read/secret", secret, null, _ct);

        read.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_list_silently_leaves_out_paths_the_token_may_not_list()
    {
        var root = "acl-" + Some.Name();
        var secret = await ClientTokenAsync(VariablesPolicy(root));
        foreach (var path in new[] { "read/a", "read/secret", "write/b", "hidden/c" })
        {
            using var seed = await Http.PutAsync($"/v1/var/{root}/{path}", Wire.Items(("k", "v")), _ct);
        }

        using var list = await Http.SendAsTokenAsync(HttpMethod.Get, $"/v1/vars?prefix={root}/", secret, null, _ct);

        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await list.JsonAsync(_ct)).EnumerateArray().Select(e => e.Str("Path")).ShouldBe([$"{root}/read/a", $"{root}/write/b"]);
    }

    [Fact]
    public async Task A_client_token_never_sees_a_lock()
    {
        var root = "acl-" + Some.Name();
        var secret = await ClientTokenAsync(VariablesPolicy(root));
        using var acquire = await Http.PutAsync($"/v1/var/{root}/read/locked?lock-acquire", Wire.Json("{\"Items\":{\"k\":\"v\"}}"), _ct);
        acquire.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var read = await Http.SendAsTokenAsync(HttpMethod.Get, $"/v1/var/{root}/read/locked", secret, null, _ct);
        using var list = await Http.SendAsTokenAsync(HttpMethod.Get, $"/v1/vars?prefix={root}/", secret, null, _ct);
        using var managementRead = await Http.GetAsync($"/v1/var/{root}/read/locked", _ct);

        (await read.JsonAsync(_ct)).Has("Lock").ShouldBeFalse();
        (await list.JsonAsync(_ct)).EnumerateArray().Single().Has("Lock").ShouldBeFalse();
        (await managementRead.JsonAsync(_ct)).Has("Lock").ShouldBeTrue();
    }

    [Fact]
    public async Task A_client_token_may_not_write_policies()
    {
        var secret = await ClientTokenAsync(VariablesPolicy("acl-" + Some.Name()));
        var name = Some.Name("pol");

        using var put = await Http.SendAsTokenAsync(
            HttpMethod.Put, $"/v1/acl/policy/{name}", secret, Wire.Json(JsonSerializer.Serialize(new { Name = name, Rules = "namespace \"default\" { policy = \"read\" }" })), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await put.TextAsync(_ct)).ShouldBe("Permission denied");
    }

    [Fact]
    public async Task A_policy_whose_name_differs_from_the_path_answers_400()
    {
        using var put = await Http.PutAsync($"/v1/acl/policy/{Some.Name("pol")}", Wire.Json("{\"Name\":\"other\",\"Rules\":\"\"}"), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await put.TextAsync(_ct)).ShouldBe("ACL policy name does not match request path");
    }

    [Theory]
    [InlineData("an unknown policy value", "namespace \"default\" { policy = \"admin\" }")]
    [InlineData("an unknown variable capability", "namespace \"default\" { variables { path \"a/*\" { capabilities = [\"fly\"] } } }")]
    [InlineData("an unclosed block", "namespace \"default\" {")]
    public async Task An_invalid_policy_answers_400(string why, string rules)
    {
        _ = why;
        var name = Some.Name("pol");

        using var put = await Http.PutAsync($"/v1/acl/policy/{name}", Wire.Json(JsonSerializer.Serialize(new { Name = name, Rules = rules })), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await put.TextAsync(_ct)).ShouldStartWith("policy 0 invalid: 1 error occurred:\n\t* failed to parse rules: ");
    }

    [Fact]
    public async Task A_stored_policy_reads_back_with_its_rules()
    {
        var name = Some.Name("pol");
        var rules = "namespace \"default\" { policy = \"read\" }";
        using var put = await Http.PutAsync($"/v1/acl/policy/{name}", Wire.Json(JsonSerializer.Serialize(new { Name = name, Description = "d", Rules = rules })), _ct);

        using var get = await Http.GetAsync($"/v1/acl/policy/{name}", _ct);
        using var missing = await Http.GetAsync($"/v1/acl/policy/{Some.Name("pol")}", _ct);

        var body = await get.JsonAsync(_ct);
        body.Str("Name").ShouldBe(name);
        body.Str("Rules").ShouldBe(rules);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.TextAsync(_ct)).ShouldBe("ACL policy not found");
    }

    [Fact]
    public async Task Token_self_answers_the_callers_token()
    {
        var secret = await ClientTokenAsync(VariablesPolicy("acl-" + Some.Name()));

        using var self = await Http.SendAsTokenAsync(HttpMethod.Get, "/v1/acl/token/self", secret, null, _ct);

        self.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await self.JsonAsync(_ct);
        body.Str("SecretID").ShouldBe(secret);
        body.Str("Type").ShouldBe("client");
    }
}

public sealed class AclContractOnEmulator(AclEmulatorTarget target) : AclContract(target), IClassFixture<AclEmulatorTarget>;

public sealed class AclContractOnRealNomad(RealNomadTarget target) : AclContract(target), IClassFixture<RealNomadTarget>;
