using NomadGitOps.Objects;
using NomadGitOps.Server.StatusPage;

namespace NomadGitOps.Tests.Server.StatusPage;

public sealed class StatusHtmlTests
{
    private static readonly StatusHeader Header = new("gitops <prod>", "1.0", "leader", "https://nomad.example.com", Paused: false, Watching: true, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Every_value_from_an_object_is_encoded_so_markup_in_it_stays_text()
    {
        var job = new JobRow(
            "default/<script>alert(1)</script>", "repo\"><img src=x>", "jobs/a&b.nomad.hcl", ReadyState.False, "RegisterFailed", "Nomad said <b>no</b> & 'never'",
            null, null, null, DriftCorrected: false, Drift: null, Deployment: null, NextAttempt: null, "/objects/nomadjob/default/%3Cscript%3E\"onclick=\"x");

        var html = StatusHtml.Overview(new StatusOverview(Header, [], [job]));

        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<img");
        html.ShouldNotContain("<b>no</b>");
        html.ShouldNotContain("\"onclick=");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("gitops &lt;prod&gt;");
    }

    [Theory]
    [InlineData("failing", "False", "✗ Failing")]
    [InlineData("not known yet", "Unknown", "… Not ready yet")]
    [InlineData("ready", "True", "✓ Ready")]
    public void A_ready_state_reads_as_words_without_colour(string _, string ready, string text) =>
        StatusHtml.ReadyText(Enum.Parse<ReadyState>(ready)).ShouldBe(text);

    [Fact]
    public void A_standby_replica_says_so_and_lists_nothing()
    {
        var html = StatusHtml.Overview(new StatusOverview(Header with { Role = "standby", Watching = false }, [], []));

        html.ShouldContain("id=\"standby\"");
        html.ShouldContain("standing by");
        html.ShouldNotContain("id=\"repositories\"");
    }
}
