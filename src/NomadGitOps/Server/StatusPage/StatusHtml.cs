using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using NomadGitOps.Objects;

namespace NomadGitOps.Server.StatusPage;

/// <summary>
/// Renders the status pages as plain server-side HTML: no script, a meta refresh, one small style sheet that stacks the
/// table cells on a phone's width, and every state written as a word (colour only repeats it). Every value from an
/// object is HTML-encoded.
/// </summary>
internal static class StatusHtml
{
    /// <summary>Seconds between the page's own refreshes.</summary>
    public const int RefreshSeconds = 10;

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;padding:0 1rem 2rem;color:#1b1b1b;background:#fff;line-height:1.4}
        header{border-bottom:2px solid #444;padding:.75rem 0;margin-bottom:1rem}
        header h1{font-size:1.3rem;margin:0 0 .25rem}
        header dl{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:0}
        header dt{font-weight:600}header dt::after{content:":"}header dd{margin:0 0 0 .3rem}
        header div{display:flex}
        h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
        table{border-collapse:collapse;width:100%;font-size:.9rem}
        th,td{border:1px solid #999;padding:.3rem .45rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
        th{background:#eee}
        .state{font-weight:700;white-space:nowrap}
        tr.False td.state{color:#a00000}tr.True td.state{color:#006000}tr.Unknown td.state{color:#805000}
        tr.False{border-left:6px solid #a00000}
        .notice{border:2px solid #805000;padding:.5rem;margin:1rem 0}
        code{font-family:ui-monospace,monospace}
        footer{margin-top:2rem;font-size:.8rem;color:#444}
        @media (max-width:700px){
          table,thead,tbody,tr,th,td{display:block}
          thead{position:absolute;left:-9999px}
          tr{border:1px solid #999;margin-bottom:.75rem}
          td{border:none;border-bottom:1px solid #ddd}
          td::before{content:attr(data-label) ": ";font-weight:600}
        }
        """;

    /// <summary>The overview page (<c>GET /</c>).</summary>
    public static string Overview(StatusOverview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        var html = new StringBuilder();
        Open(html, "nomad-gitops status", overview.Header);
        if (overview.Header.Watching)
        {
            var failing = overview.Repositories.Count(r => r.Ready == ReadyState.False) + overview.Jobs.Count(j => j.Ready == ReadyState.False);
            html.Append("<p id=\"summary\">").Append(E(Summary(overview, failing))).Append("</p>\n");
            Repositories(html, overview.Repositories);
            Jobs(html, overview.Jobs);
        }

        Close(html, "/status.json");
        return html.ToString();
    }

    /// <summary>One object's page (<c>GET /objects/{kind}/{name}</c>).</summary>
    public static string Detail(ObjectDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var html = new StringBuilder();
        Open(html, detail.Object + " · nomad-gitops", detail.Header);
        html.Append("<p><a href=\"/\">← all objects</a></p>\n");
        html.Append("<h2 id=\"object\">").Append(E(detail.Object)).Append("</h2>\n");
        html.Append("<table id=\"state\"><tbody><tr class=\"").Append(detail.Ready).Append("\"><td class=\"state\" data-label=\"Ready\">")
            .Append(E(ReadyText(detail.Ready))).Append("</td><td data-label=\"Reason\">").Append(E(detail.Reason ?? "")).Append("</td><td data-label=\"Message\">")
            .Append(E(detail.Message ?? "")).Append("</td></tr></tbody></table>\n");
        Items(html, "status", "Status items", detail.Status);
        Items(html, "spec", "Spec items", detail.Spec);
        html.Append("<h2>Last transitions (seen by this process)</h2>\n");
        if (detail.Transitions.Count == 0)
        {
            html.Append("<p id=\"transitions\">None since this process started leading.</p>\n");
        }
        else
        {
            html.Append("<table id=\"transitions\"><thead><tr><th>At</th><th>Controller</th><th>Ready</th><th>Reason</th><th>Message</th></tr></thead><tbody>\n");
            foreach (var t in detail.Transitions)
            {
                html.Append("<tr class=\"").Append(t.Ready).Append("\">");
                Cell(html, "At", ItemCodec.FormatTime(t.At));
                Cell(html, "Controller", t.Controller);
                html.Append("<td class=\"state\" data-label=\"Ready\">").Append(E(ReadyText(t.Ready))).Append("</td>");
                Cell(html, "Reason", t.Reason);
                Cell(html, "Message", t.Message);
                html.Append("</tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        Close(html, "?format=json");
        return html.ToString();
    }

    /// <summary>The page of an object this replica does not know (404).</summary>
    public static string NotFound(StatusHeader header, string what)
    {
        ArgumentNullException.ThrowIfNull(header);
        var html = new StringBuilder();
        Open(html, "Not found · nomad-gitops", header);
        html.Append("<p class=\"notice\" id=\"not-found\">").Append(E(what)).Append("</p>\n<p><a href=\"/\">← all objects</a></p>\n");
        Close(html, null);
        return html.ToString();
    }

    /// <summary>The ready state as a word with a sign, so it reads without colour.</summary>
    public static string ReadyText(ReadyState ready) => ready switch
    {
        ReadyState.True => "✓ Ready",
        ReadyState.False => "✗ Failing",
        _ => "… Not ready yet",
    };

    private static string Summary(StatusOverview overview, int failing) =>
        string.Create(CultureInfo.InvariantCulture, $"{overview.Repositories.Count} repositories, {overview.Jobs.Count} jobs; {failing} failing.");

    private static void Repositories(StringBuilder html, IReadOnlyList<RepositoryRow> rows)
    {
        html.Append("<h2>Repositories</h2>\n");
        if (rows.Count == 0)
        {
            html.Append("<p id=\"repositories\">No GitRepository objects.</p>\n");
            return;
        }

        html.Append("<table id=\"repositories\"><thead><tr><th>Name</th><th>Ready</th><th>Reason</th><th>Message</th><th>URL</th><th>Ref</th><th>Commit</th><th>Last change</th><th>Next check</th></tr></thead><tbody>\n");
        foreach (var r in rows)
        {
            html.Append("<tr class=\"").Append(r.Ready).Append("\">");
            html.Append("<td data-label=\"Name\"><a href=\"").Append(E(r.Link)).Append("\">").Append(E(r.Name)).Append("</a></td>");
            html.Append("<td class=\"state\" data-label=\"Ready\">").Append(E(ReadyText(r.Ready))).Append("</td>");
            Cell(html, "Reason", r.Reason);
            Cell(html, "Message", r.Message);
            Cell(html, "URL", r.Url);
            Cell(html, "Ref", r.Ref);
            Cell(html, "Commit", r.Commit is null ? null : r.CommitMessage is null ? Short(r.Commit) : $"{Short(r.Commit)} {r.CommitMessage}");
            Cell(html, "Last change", r.LastChange);
            Cell(html, "Next check", r.NextCheck);
            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Jobs(StringBuilder html, IReadOnlyList<JobRow> rows)
    {
        html.Append("<h2>Jobs</h2>\n");
        if (rows.Count == 0)
        {
            html.Append("<p id=\"jobs\">No NomadJob objects.</p>\n");
            return;
        }

        html.Append("<table id=\"jobs\"><thead><tr><th>Job</th><th>Ready</th><th>Reason</th><th>Message</th><th>Source</th><th>Applied</th><th>Plan</th><th>Drift</th><th>Deployment</th><th>Next attempt</th></tr></thead><tbody>\n");
        foreach (var j in rows)
        {
            html.Append("<tr class=\"").Append(j.Ready).Append("\">");
            html.Append("<td data-label=\"Job\"><a href=\"").Append(E(j.Link)).Append("\">").Append(E(j.Job)).Append("</a></td>");
            html.Append("<td class=\"state\" data-label=\"Ready\">").Append(E(ReadyText(j.Ready))).Append("</td>");
            Cell(html, "Reason", j.Reason);
            Cell(html, "Message", j.Message);
            Cell(html, "Source", j.Repository is null ? j.File : $"{j.Repository}: {j.File}");
            Cell(html, "Applied", j.AppliedCommit is null ? null : $"{Short(j.AppliedCommit)}{(j.Version is null ? "" : " · version " + j.Version)}");
            Cell(html, "Plan", j.Plan);
            Cell(html, "Drift", j.DriftCorrected ? "corrected" : j.Drift is null ? null : "detected: " + j.Drift);
            Cell(html, "Deployment", j.Deployment);
            Cell(html, "Next attempt", j.NextAttempt);
            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Items(StringBuilder html, string id, string title, IReadOnlyDictionary<string, string> items)
    {
        html.Append("<h2>").Append(E(title)).Append("</h2>\n<table id=\"").Append(id).Append("\"><thead><tr><th>Item</th><th>Value</th></tr></thead><tbody>\n");
        foreach (var (key, value) in items)
        {
            html.Append("<tr><td data-label=\"Item\"><code>").Append(E(key)).Append("</code></td>");
            Cell(html, "Value", value);
            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Open(StringBuilder html, string title, StatusHeader header)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta http-equiv=\"refresh\" content=\"").Append(RefreshSeconds.ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append("<title>").Append(E(title)).Append("</title><style>").Append(Style).Append("</style></head><body>\n<header>")
            .Append("<h1>nomad-gitops status</h1><dl>");
        Fact(html, "controller", "Controller", header.Controller);
        Fact(html, "role", "Role", header.Role);
        Fact(html, "paused", "Reconciling", header.Paused ? "paused" : "running");
        Fact(html, "nomad", "Nomad", header.NomadAddress);
        Fact(html, "version", "Version", header.Version);
        html.Append("</dl></header>\n<main>\n");
        if (header.Paused)
        {
            html.Append("<p class=\"notice\">The controller is paused: nothing is reconciled until <code>nomad-gitops unpause</code>.</p>\n");
        }

        if (!header.Watching)
        {
            html.Append("<p class=\"notice\" id=\"standby\">This replica is ")
                .Append(header.Role == "leader" ? "still listing the objects" : "standing by: it does not watch the objects; the leader's page shows them")
                .Append(".</p>\n");
        }
    }

    private static void Close(StringBuilder html, string? json)
    {
        html.Append("</main>\n<footer>Refreshes every ").Append(RefreshSeconds.ToString(CultureInfo.InvariantCulture)).Append(" s.");
        if (json is not null)
        {
            html.Append(" For scripts: <a href=\"").Append(E(json)).Append("\">JSON</a>.");
        }

        html.Append(" Metrics: <a href=\"/metrics\">/metrics</a>.</footer>\n</body></html>\n");
    }

    private static void Fact(StringBuilder html, string id, string label, string value) =>
        html.Append("<div><dt>").Append(E(label)).Append("</dt><dd id=\"").Append(id).Append("\">").Append(E(value)).Append("</dd></div>");

    private static void Cell(StringBuilder html, string label, string? value) =>
        html.Append("<td data-label=\"").Append(E(label)).Append("\">").Append(E(value ?? "")).Append("</td>");

    private static string? Short(string? commit) => commit is { Length: > 12 } ? commit[..12] : commit;

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
