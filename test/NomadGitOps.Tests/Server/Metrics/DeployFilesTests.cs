using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace NomadGitOps.Tests.Server.Metrics;

/// <summary>
/// The Grafana dashboard and the Prometheus alert rules in <c>deploy/</c> name only metrics a real <c>/metrics</c>
/// scrape of <c>dev</c> serves, so a renamed metric breaks this test instead of silently emptying a panel or an alert.
/// </summary>
[Collection(DevControllerCollection.Name)]
public sealed partial class DeployFilesTests(DevController dev)
{
    [Fact]
    public async Task Every_metric_the_dashboard_and_the_alert_rules_use_is_in_a_real_scrape()
    {
        var ct = TestContext.Current.CancellationToken;
        var served = PrometheusText.Parse(await dev.Http.GetStringAsync("/metrics", ct)).Names;
        var root = RepositoryRoot();

        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "deploy", "grafana", "nomad-gitops-dashboard.json"), ct))!;
        var panelExpressions = dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]!.AsArray()).Select(t => t!["expr"]!.GetValue<string>()).ToList();
        panelExpressions.Count.ShouldBeGreaterThanOrEqualTo(10);

        var rules = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(root, "deploy", "prometheus", "nomad-gitops.rules.yml")))
        {
            rules.Load(reader);
        }

        var ruleExpressions = ((YamlSequenceNode)((YamlMappingNode)rules.Documents[0].RootNode)["groups"])
            .SelectMany(g => (YamlSequenceNode)((YamlMappingNode)g)["rules"])
            .Select(r => ((YamlScalarNode)((YamlMappingNode)r)["expr"]).Value!)
            .ToList();
        ruleExpressions.Count.ShouldBeGreaterThanOrEqualTo(4);

        var used = panelExpressions.Concat(ruleExpressions).SelectMany(e => MetricName().Matches(e).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        used.ShouldContain("nomad_gitops_leader");
        used.ShouldContain("nomad_gitops_objects");
        used.ShouldContain("nomad_gitops_reconcile_duration_seconds_bucket");
        used.Where(name => !served.Contains(name)).ShouldBeEmpty("metrics named in deploy/ but not served by /metrics");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "nomad-gitops.slnx")))
        {
            directory = directory.Parent;
        }

        return directory.ShouldNotBeNull("the tests run inside the repository").FullName;
    }

    [GeneratedRegex(@"\b(nomad_gitops|dotnet)_[a-z0-9_]+\b")]
    private static partial Regex MetricName();
}
