using System.Buffers.Binary;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NomadGitOps.Tests.Server.StatusPage;

/// <summary>
/// The status page in a real browser (headless Chromium) against a running <c>dev</c> with one failing repository and a
/// healthy one: what a person sees, on a desk and at a phone's width, and the JSON twins scripts read. Screenshots are
/// kept as test artifacts (<c>artifacts/status-page*.png</c> next to the test assembly).
/// </summary>
[Collection(DevControllerCollection.Name)]
public sealed partial class StatusPageBrowserTests(DevController dev)
{
    private static readonly string Artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");

    [Fact]
    public async Task The_failing_repository_comes_first_with_its_reason_and_message()
    {
        Chromium.RequireOrSkip();
        var ct = TestContext.Current.CancellationToken;
        var dom = await Chromium.DumpDomAsync(dev.Address, 1280, 900, ct);

        dom.ShouldContain("<meta http-equiv=\"refresh\" content=\"10\">");
        Text(Between(dom, "<dd id=\"role\">", "</dd>")).ShouldBe("leader");
        Text(Between(dom, "<dd id=\"paused\">", "</dd>")).ShouldBe("running");
        var repositories = Rows(Between(dom, "<table id=\"repositories\">", "</table>"));
        repositories.Count.ShouldBe(2);
        repositories[0].ShouldStartWith("broken ✗ Failing GitOperationFailed GitRepository broken: ls-remote");
        repositories[0].ShouldContain("the repository was not found");
        repositories[1].ShouldStartWith("samples ✓ Ready Succeeded");
        // The commit cell shows the short commit and the first line of its message.
        repositories[1].ShouldMatch(@" [0-9a-f]{12} Sample jobs ");

        var jobs = Rows(Between(dom, "<table id=\"jobs\">", "</table>"));
        jobs.Count.ShouldBe(3);
        jobs.ShouldAllBe(j => j.Contains("✓ Ready", StringComparison.Ordinal));
        Text(Between(dom, "<p id=\"summary\">", "</p>")).ShouldBe("2 repositories, 3 jobs; 1 failing.");

        // The URL's markup is text, not markup.
        dom.ShouldContain("file:///nonexistent/&lt;b&gt;repo&lt;/b&gt;.git");
        dom.ShouldNotContain("<b>repo</b>");

        await Chromium.ScreenshotAsync(dev.Address, Path.Combine(Artifacts, "status-page.png"), 1280, 900, ct);
        PngSize(Path.Combine(Artifacts, "status-page.png")).ShouldBe((1280, 900));
    }

    [Fact]
    public async Task At_a_phone_width_the_page_renders_the_same_rows_in_a_narrow_window()
    {
        Chromium.RequireOrSkip();
        var ct = TestContext.Current.CancellationToken;
        var dom = await Chromium.DumpDomAsync(dev.Address, 390, 844, ct);

        dom.ShouldContain("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        // Each cell carries its column's name, which the narrow layout prints before the value.
        dom.ShouldContain("<td class=\"state\" data-label=\"Ready\">✗ Failing</td>");
        dom.ShouldContain("@media (max-width:700px)");
        Rows(Between(dom, "<table id=\"repositories\">", "</table>"))[0].ShouldStartWith("broken ✗ Failing");

        var file = Path.Combine(Artifacts, "status-page-phone.png");
        await Chromium.ScreenshotAsync(dev.Address, file, 390, 844, ct);
        PngSize(file).ShouldBe((390, 844));
    }

    [Fact]
    public async Task An_object_page_lists_every_status_item_and_its_last_transitions()
    {
        Chromium.RequireOrSkip();
        var ct = TestContext.Current.CancellationToken;
        var dom = await Chromium.DumpDomAsync(new Uri(dev.Address, "/objects/gitrepository/broken"), 1280, 900, ct);

        Text(Between(dom, "<h2 id=\"object\">", "</h2>")).ShouldBe("gitrepository/broken");
        var status = Rows(Between(dom, "<table id=\"status\">", "</table>"));
        status.ShouldContain("status_ready False");
        status.ShouldContain("status_reason GitOperationFailed");
        status.ShouldContain(s => s.StartsWith("status_message GitRepository broken: ls-remote", StringComparison.Ordinal));
        status.ShouldContain(s => s.StartsWith("status_next_attempt_at ", StringComparison.Ordinal));
        Rows(Between(dom, "<table id=\"spec\">", "</table>")).ShouldContain("branch main");
        var transitions = Rows(Between(dom, "<table id=\"transitions\">", "</table>"));
        transitions.ShouldNotBeEmpty();
        transitions[0].ShouldContain("GitRepository ✗ Failing GitOperationFailed");

        using var missing = await dev.Http.GetAsync("/objects/nomadjob/default/nosuchjob", ct);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync(ct)).ShouldContain("nomadjob/default/nosuchjob is not known to this replica.");
    }

    [Fact]
    public async Task The_json_twins_carry_what_the_pages_show()
    {
        var ct = TestContext.Current.CancellationToken;
        var overview = JsonNode.Parse(await dev.Http.GetStringAsync("/status.json", ct))!;
        overview["header"]!["role"]!.GetValue<string>().ShouldBe("leader");
        overview["repositories"]![0]!["name"]!.GetValue<string>().ShouldBe(DevController.Broken);
        overview["repositories"]![0]!["ready"]!.GetValue<string>().ShouldBe("False");
        overview["repositories"]![0]!["url"]!.GetValue<string>().ShouldBe(DevController.BrokenUrl);
        JsonNode.Parse(await dev.Http.GetStringAsync("/?format=json", ct))!["jobs"]!.AsArray().Count.ShouldBe(3);

        var web = JsonNode.Parse(await dev.Http.GetStringAsync("/objects/nomadjob/default/web?format=json", ct))!;
        web["object"]!.GetValue<string>().ShouldBe("nomadjob/default/web");
        web["status"]!["status_ready"]!.GetValue<string>().ShouldBe("True");
        web["spec"]!["file"]!.GetValue<string>().ShouldBe("jobs/web.nomad.hcl");
        web["transitions"]!.AsArray().ShouldNotBeEmpty();
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        from.ShouldBeGreaterThanOrEqualTo(0, $"the page has {start}");
        from += start.Length;
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        to.ShouldBeGreaterThan(from - 1, $"the page closes {start} with {end}");
        return text[from..to];
    }

    // The body rows of a table, each as its cells' text joined by spaces.
    private static List<string> Rows(string table)
    {
        var body = table.Contains("<tbody>", StringComparison.Ordinal) ? Between(table, "<tbody>", "</tbody>") : table;
        return [.. RowPattern().Matches(body).Select(m => string.Join(' ', CellPattern().Matches(m.Value).Select(c => Text(c.Groups[1].Value))))];
    }

    private static string Text(string html) =>
        WebUtility.HtmlDecode(Whitespace().Replace(TagPattern().Replace(html, ""), " ").Trim());

    private static (int Width, int Height) PngSize(string file)
    {
        var header = File.ReadAllBytes(file).AsSpan(0, 24);
        header[1..4].SequenceEqual("PNG"u8).ShouldBeTrue($"{file} is a PNG");
        return (BinaryPrimitives.ReadInt32BigEndian(header[16..20]), BinaryPrimitives.ReadInt32BigEndian(header[20..24]));
    }

    [GeneratedRegex(@"<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
