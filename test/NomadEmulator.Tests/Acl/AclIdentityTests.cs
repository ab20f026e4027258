using Nomad.Emulator.Acl;

namespace Nomad.Emulator.Tests.Acl;

/// <summary>Policy parsing and capability checks as <c>acl/policy.go</c> and <c>acl/acl.go</c> define them.</summary>
public sealed class AclIdentityTests
{
    private static AclIdentity For(params string[] policies) => AclIdentity.FromRules(policies.SelectMany(PolicyParser.Parse));

    [Theory]
    [InlineData("list-jobs", true)]
    [InlineData("parse-job", true)]
    [InlineData("read-job", true)]
    [InlineData("submit-job", false)]
    public void Policy_read_expands_to_the_read_capabilities(string capability, bool allowed)
    {
        For("namespace \"default\" { policy = \"read\" }").AllowsNamespace("default", capability).ShouldBe(allowed);
    }

    [Theory]
    [InlineData("submit-job")]
    [InlineData("parse-job")]
    [InlineData("dispatch-job")]
    [InlineData("read-logs")]
    public void Policy_write_includes_submit_and_read(string capability)
    {
        For("namespace \"default\" { policy = \"write\" }").AllowsNamespace("default", capability).ShouldBeTrue();
    }

    [Fact]
    public void A_namespace_policy_grants_no_variable_access_by_itself()
    {
        For("namespace \"default\" { policy = \"write\" }").AllowsVariable("default", "a", "read").ShouldBeFalse();
    }

    [Fact]
    public void Capabilities_add_to_the_policy_expansion()
    {
        var acl = For("namespace \"default\" {\n  policy = \"read\"\n  capabilities = [\"submit-job\"]\n}");

        acl.AllowsNamespace("default", "submit-job").ShouldBeTrue();
        acl.AllowsNamespace("default", "read-job").ShouldBeTrue();
    }

    [Fact]
    public void Deny_in_any_policy_wins_for_the_namespace()
    {
        var acl = For("namespace \"default\" { policy = \"write\" }", "namespace \"default\" { policy = \"deny\" }");

        acl.AllowsNamespace("default", "read-job").ShouldBeFalse();
    }

    [Fact]
    public void The_closest_namespace_glob_wins()
    {
        var acl = For("namespace \"*\" { policy = \"read\" }\nnamespace \"prod-*\" { policy = \"deny\" }");

        acl.AllowsNamespace("dev", "read-job").ShouldBeTrue();
        acl.AllowsNamespace("prod-eu", "read-job").ShouldBeFalse();
    }

    [Fact]
    public void Namespace_star_asks_whether_any_namespace_allows_the_capability()
    {
        var acl = For("namespace \"team\" { policy = \"read\" }");

        acl.AllowsNamespace("*", "list-jobs").ShouldBeTrue();
        acl.AllowsNamespace("*", "submit-job").ShouldBeFalse();
    }

    [Fact]
    public void An_exact_variable_path_wins_over_a_glob_and_the_longest_glob_over_a_shorter_one()
    {
        var acl = For("""
            namespace "default" {
              variables {
                path "*" { capabilities = ["list"] }
                path "app/*" { capabilities = ["read"] }
                path "app/db/*" { capabilities = ["write"] }
                path "app/secret" { capabilities = ["deny"] }
              }
            }
            """);

        acl.AllowsVariable("default", "other", "list").ShouldBeTrue();
        acl.AllowsVariable("default", "other", "read").ShouldBeFalse();
        acl.AllowsVariable("default", "app/x", "read").ShouldBeTrue();
        acl.AllowsVariable("default", "app/x", "list").ShouldBeTrue();
        acl.AllowsVariable("default", "app/db/pw", "write").ShouldBeTrue();
        acl.AllowsVariable("default", "app/db/pw", "read").ShouldBeFalse();
        acl.AllowsVariable("default", "app/secret", "read").ShouldBeFalse();
        acl.AllowsVariable("other-ns", "app/x", "read").ShouldBeFalse();
    }

    [Fact]
    public void Variable_rules_in_a_namespace_glob_cover_matching_namespaces()
    {
        var acl = For("namespace \"team-*\" { variables { path \"*\" { capabilities = [\"read\"] } } }");

        acl.AllowsVariable("team-a", "x/y", "read").ShouldBeTrue();
        acl.AllowsVariable("default", "x/y", "read").ShouldBeFalse();
    }

    [Fact]
    public void Management_allows_everything()
    {
        AclIdentity.Management.AllowsNamespace("any", "submit-job").ShouldBeTrue();
        AclIdentity.Management.AllowsVariable("any", "p", "destroy").ShouldBeTrue();
    }

    [Theory]
    [InlineData("a bad namespace name", "namespace \"a b\" { policy = \"read\" }", "Invalid namespace name: a b")]
    [InlineData("an unknown capability", "namespace \"default\" { capabilities = [\"fly\"] }", "Invalid namespace capability 'fly'")]
    [InlineData("variables without paths", "namespace \"default\" { variables {} }", "Invalid variable policy: no variable paths in namespace default")]
    [InlineData("a path with a leading slash", "namespace \"default\" { variables { path \"/a\" { capabilities = [\"read\"] } } }", "Invalid variable path \"/a\" in namespace default: cannot start with a leading '/'`")]
    [InlineData("an empty policy", "   ", "Invalid policy:    ")]
    public void Invalid_rules_are_refused_with_Nomads_reason(string why, string rules, string expected)
    {
        _ = why;
        Should.Throw<FormatException>(() => PolicyParser.Parse(rules)).Message.ShouldBe(expected);
    }

    [Fact]
    public void Comments_and_other_blocks_are_ignored()
    {
        var rules = PolicyParser.Parse("""
            # comment
            // another
            /* block */
            agent { policy = "read" }
            node { policy = "read" }
            namespace "default" { policy = "read" }
            """);

        rules.Single().Name.ShouldBe("default");
    }
}
