using System.Globalization;
using System.Text.RegularExpressions;

namespace NomadGitOps.Tests.Server.Metrics;

/// <summary>A scrape in Prometheus' text format, parsed into samples: name, labels, value.</summary>
internal sealed partial class PrometheusText
{
    private PrometheusText(IReadOnlyList<Sample> samples, IReadOnlyDictionary<string, string> types)
    {
        Samples = samples;
        Types = types;
    }

    public IReadOnlyList<Sample> Samples { get; }

    /// <summary>The <c># TYPE</c> of each metric family.</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    /// <summary>Every sample name (histograms as <c>_bucket</c>, <c>_sum</c>, <c>_count</c>).</summary>
    public IReadOnlySet<string> Names => Samples.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    public static PrometheusText Parse(string text)
    {
        var samples = new List<Sample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                types[parts[2]] = parts[3];
                continue;
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = SampleLine().Match(line);
            match.Success.ShouldBeTrue($"a sample line: {line}");
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match label in Label().Matches(match.Groups["labels"].Value))
            {
                labels[label.Groups["name"].Value] = label.Groups["value"].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
            }

            samples.Add(new Sample(match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }

        return new PrometheusText(samples, types);
    }

    /// <summary>The samples named <paramref name="name"/> whose labels include every one of <paramref name="labels"/>.</summary>
    public IReadOnlyList<Sample> Find(string name, params (string Name, string Value)[] labels) =>
        [.. Samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Name) == l.Value))];

    /// <summary>The one sample named <paramref name="name"/> with exactly these labels (besides otel_scope_name); fails when absent.</summary>
    public double Value(string name, params (string Name, string Value)[] labels)
    {
        var found = Find(name, labels).Where(s => s.Labels.Keys.Count(k => k != "otel_scope_name") == labels.Length).ToList();
        found.Count.ShouldBe(1, $"one sample {name}{{{string.Join(',', labels.Select(l => $"{l.Name}=\"{l.Value}\""))}}}");
        return found[0].Value;
    }

    /// <summary>The sum of every sample named <paramref name="name"/> with these labels (0 when none).</summary>
    public double Sum(string name, params (string Name, string Value)[] labels) => Find(name, labels).Sum(s => s.Value);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex Label();

    internal sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
}
