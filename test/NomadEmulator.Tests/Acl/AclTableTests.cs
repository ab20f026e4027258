using Microsoft.AspNetCore.Http;
using Nomad.Emulator.Acl;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Tests.Acl;

/// <summary>The checks other API areas call with the request: token lookup from the headers and capability answers.</summary>
public sealed class AclTableTests
{
    private static readonly EmulatorOptions AclOn = new() { AclEnabled = true };

    private static HttpRequest Request(string? token = null, string? bearer = null)
    {
        var context = new DefaultHttpContext();
        if (token is not null)
        {
            context.Request.Headers["X-Nomad-Token"] = token;
        }

        if (bearer is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + bearer;
        }

        return context.Request;
    }

    private static AclTable WithClientToken(string secret, string rules)
    {
        var table = new AclTable(AclOn);
        table.PutPolicy(new AclPolicy("p", "", rules, PolicyParser.Parse(rules), 1, 1));
        table.PutToken(new AclToken("accessor", secret, "t", "client", ["p"], DateTimeOffset.UnixEpoch, 1, 1));
        return table;
    }

    [Fact]
    public void With_ACLs_off_every_request_is_allowed()
    {
        var table = new AclTable(new EmulatorOptions());

        table.AllowsNamespace(Request(), "default", "submit-job").ShouldBeTrue();
        table.AllowsVariable(Request(token: "whatever"), "default", "a", "destroy").ShouldBeTrue();
    }

    [Fact]
    public void With_ACLs_on_the_management_token_is_allowed_from_either_header()
    {
        var table = new AclTable(AclOn);

        table.AllowsNamespace(Request(token: AclOn.ManagementToken), "any", "submit-job").ShouldBeTrue();
        table.AllowsNamespace(Request(bearer: AclOn.ManagementToken), "any", "submit-job").ShouldBeTrue();
    }

    [Fact]
    public void With_ACLs_on_a_missing_or_unknown_token_is_refused()
    {
        var table = new AclTable(AclOn);

        table.AllowsNamespace(Request(), "default", "read-job").ShouldBeFalse();
        table.AllowsNamespace(Request(token: Guid.NewGuid().ToString()), "default", "read-job").ShouldBeFalse();
        table.Resolve(Request(token: Guid.NewGuid().ToString())).ShouldBeNull();
    }

    [Fact]
    public void A_client_token_gets_what_its_policies_grant()
    {
        var table = WithClientToken("s3cret", "namespace \"default\" { policy = \"read\" }");

        table.AllowsNamespace(Request(token: "s3cret"), "default", "parse-job").ShouldBeTrue();
        table.AllowsNamespace(Request(token: "s3cret"), "default", "submit-job").ShouldBeFalse();
        table.AllowsNamespace(Request(token: "s3cret"), "other", "read-job").ShouldBeFalse();
    }

    [Fact]
    public void A_policy_named_anonymous_applies_to_requests_without_a_token()
    {
        var table = new AclTable(AclOn);
        var rules = "namespace \"default\" { policy = \"read\" }";
        table.PutPolicy(new AclPolicy("anonymous", "", rules, PolicyParser.Parse(rules), 1, 1));

        table.AllowsNamespace(Request(), "default", "list-jobs").ShouldBeTrue();
    }
}
