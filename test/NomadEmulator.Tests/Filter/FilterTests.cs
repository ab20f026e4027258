using System.Text.Json.Nodes;
using Nomad.Emulator.Filter;

namespace Nomad.Emulator.Tests.Filter;

/// <summary>The go-bexpr filter language as the emulator parses and evaluates it against a job's JSON.</summary>
public sealed class FilterTests
{
    private static readonly JsonObject Job = JsonNode.Parse("""
        {
          "ID": "web",
          "Name": "web",
          "Type": "service",
          "Priority": 50,
          "Stop": false,
          "Datacenters": ["dc1", "dc2"],
          "Meta": { "gitops_managed_by": "nomad-gitops", "team": "platform", "empty": "" },
          "Periodic": null,
          "Constraints": null,
          "TaskGroups": [ { "Name": "api", "Count": 2, "Meta": null } ]
        }
        """)!.AsObject();

    public static TheoryData<string, string, bool> Cases => new()
    {
        { "equality on a top-level string", "Name == \"web\"", true },
        { "inequality on a top-level string", "Name != \"web\"", false },
        { "a map key by dot", "Meta.gitops_managed_by == \"nomad-gitops\"", true },
        { "a map key by index", "Meta[\"team\"] == \"platform\"", true },
        { "a missing map key is never equal", "Meta.owner == \"x\"", false },
        { "a missing map key is always unequal", "Meta.owner != \"x\"", true },
        { "a key of a null map is not present", "TaskGroups.0.Meta.x != \"y\"", true },
        { "a bare number against an int", "Priority == 50", true },
        { "a bare boolean against a bool", "Stop == false", true },
        { "a raw string in backquotes", "Type == `service`", true },
        { "in over a list", "\"dc2\" in Datacenters", true },
        { "not in over a list", "\"dc3\" not in Datacenters", true },
        { "in over a map's keys", "\"team\" in Meta", true },
        { "in over a string is a substring test", "\"latf\" in Meta.team", true },
        { "contains over a list", "Datacenters contains \"dc1\"", true },
        { "not contains over a list", "Datacenters not contains \"dc1\"", false },
        { "is empty on an empty string", "Meta.empty is empty", true },
        { "is empty on a missing key", "Meta.nothing is empty", true },
        { "is not empty on a list", "Datacenters is not empty", true },
        { "is empty on a null list", "Constraints is empty", true },
        { "matches a regular expression", "Name matches \"^w.b$\"", true },
        { "not matches a regular expression", "Name not matches \"^api\"", true },
        { "a list element by index", "TaskGroups.0.Name == \"api\"", true },
        { "and needs both", "Name == \"web\" and Type == \"batch\"", false },
        { "or needs one", "Name == \"web\" or Type == \"batch\"", true },
        { "not negates", "not Type == \"batch\"", true },
        { "parentheses group", "(Type == \"batch\" or Name == \"web\") and Meta.team == \"platform\"", true },
        { "and binds tighter than or", "Type == \"batch\" and Name == \"x\" or Name == \"web\"", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Filter_evaluates_like_go_bexpr(string because, string expression, bool expected)
    {
        var (node, parseError) = FilterParser.Parse(expression);
        parseError.ShouldBeNull(because);

        var (matches, error) = FilterEvaluator.Evaluate(node!, Job);

        error.ShouldBeNull(because);
        matches.ShouldBe(expected, because);
    }

    [Theory]
    [InlineData("Name ==")]
    [InlineData("Name = \"web\"")]
    [InlineData("(Name == \"web\"")]
    [InlineData("Name == \"web")]
    [InlineData("Name is full")]
    [InlineData("== \"web\"")]
    [InlineData("Name == \"web\" extra")]
    public void Filter_with_bad_syntax_is_a_parse_error_with_a_position(string expression)
    {
        var (node, error) = FilterParser.Parse(expression);

        node.ShouldBeNull();
        error.ShouldNotBeNull();
        error.ShouldStartWith("1:");
        error.ShouldContain("no match found");
    }

    [Fact]
    public void Unknown_top_level_field_is_an_evaluation_error_naming_it()
    {
        var (node, _) = FilterParser.Parse("NoSuchField == \"x\"");

        var (_, error) = FilterEvaluator.Evaluate(node!, Job);

        error.ShouldBe("error finding value in datum: /NoSuchField at part 0: couldn't find key: struct field with name \"NoSuchField\"");
    }

    [Fact]
    public void Unknown_field_is_an_error_even_under_an_operator_that_would_be_true()
    {
        var (node, _) = FilterParser.Parse("Nope != \"x\"");

        var (matches, error) = FilterEvaluator.Evaluate(node!, Job);

        matches.ShouldBeFalse();
        error.ShouldNotBeNull();
    }

    [Fact]
    public void Equality_against_a_list_is_an_error()
    {
        var (node, _) = FilterParser.Parse("Datacenters == \"dc1\"");

        var (_, error) = FilterEvaluator.Evaluate(node!, Job);

        error.ShouldBe("unable to find suitable primitive comparison function for matching");
    }

    [Fact]
    public void A_value_that_does_not_fit_a_boolean_field_is_an_error()
    {
        var (node, _) = FilterParser.Parse("Stop == maybe");

        var (_, error) = FilterEvaluator.Evaluate(node!, Job);

        error.ShouldNotBeNull();
        error.ShouldStartWith("error getting match value in expression");
    }

    [Fact]
    public void Escapes_in_double_quoted_values_are_decoded()
    {
        var (node, error) = FilterParser.Parse("Meta.team == \"plat\\u0066orm\"");

        error.ShouldBeNull();
        FilterEvaluator.Evaluate(node!, Job).Matches.ShouldBeTrue();
    }
}
