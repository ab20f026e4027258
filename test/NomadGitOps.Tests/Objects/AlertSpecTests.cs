using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Objects;

public sealed class AlertSpecTests
{
    [Fact]
    public void An_alert_naming_only_type_and_secret_reports_failed_and_recovered_of_everything()
    {
        var spec = AlertSpec.Parse(Items(("type", "Slack"), ("secret", "nomad-gitops/secrets/slack"))).Spec.ShouldNotBeNull();

        spec.Type.ShouldBe(AlertType.Slack);
        spec.Events.ShouldBe([AlertEventKind.Failed, AlertEventKind.Recovered]);
        spec.Repositories.ShouldBe(["*"]);
        spec.Jobs.ShouldBe(["*"]);
        spec.Suspend.ShouldBeFalse();
        spec.CoversJob("prod", "api", null).ShouldBeTrue();
    }

    [Fact]
    public void Events_and_filters_are_read_from_comma_separated_lists()
    {
        var spec = AlertSpec.Parse(Items(("type", "generic"), ("address", "https://hooks.example.com/x"),
            ("events", "applied, drift-corrected,pruned"), ("jobs", "prod/api, web"), ("repositories", "apps"))).Spec.ShouldNotBeNull();

        spec.Events.ShouldBe([AlertEventKind.Applied, AlertEventKind.DriftCorrected, AlertEventKind.Pruned]);
        spec.CoversJob("prod", "api", "apps").ShouldBeTrue();
        spec.CoversJob("default", "web", "apps").ShouldBeTrue();
        spec.CoversJob("default", "api", "apps").ShouldBeFalse();
        spec.CoversJob("prod", "api", "infra").ShouldBeFalse();
        spec.CoversRepository("apps").ShouldBeTrue();
        spec.CoversRepository("infra").ShouldBeFalse();
    }

    [Theory]
    [InlineData("an unknown type", "type", "pagerduty", "\"pagerduty\": use slack, discord, teams or generic")]
    [InlineData("a relative URL", "address", "hooks/slack", "not an absolute http or https URL")]
    [InlineData("an ftp URL", "address", "ftp://example.com/x", "not an absolute http or https URL")]
    [InlineData("an unknown event", "events", "failed,exploded", "lists \"exploded\"")]
    [InlineData("a secret that is no variable path", "secret", "a b", "not a variable path")]
    public void A_bad_item_is_refused_with_a_sentence(string why, string key, string value, string expected)
    {
        _ = why;
        var items = Items(("type", "slack"), ("address", "https://hooks.slack.com/services/T/B/X"));
        items[key] = value;

        var parsed = AlertSpec.Parse(items);

        parsed.Spec.ShouldBeNull();
        parsed.Describe().ShouldContain(expected);
    }

    [Fact]
    public void A_refused_address_is_not_repeated_in_the_message()
    {
        var parsed = AlertSpec.Parse(Items(("type", "slack"), ("address", "hooks.slack.com/services/T0/B0/S3CRET")));

        parsed.Describe().ShouldNotContain("S3CRET");
    }

    [Fact]
    public void An_alert_without_address_or_secret_says_to_set_one()
    {
        AlertSpec.Parse(Items(("type", "teams"))).Describe().ShouldContain("neither \"address\" nor \"secret\" is set");
    }

    private static Dictionary<string, string> Items(params (string Key, string Value)[] items) =>
        items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal);
}
