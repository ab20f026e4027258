using System.Net;
using System.Text.Json.Nodes;
using Nomad.Emulator.Tests.Support;

namespace Nomad.Emulator.Tests.Jobs;

/// <summary>
/// Every job file of the HCL library's corpus, sent to the emulator's <c>POST /v1/jobs/parse</c> as a client
/// sends it, answers what Nomad's own parser answered for it (recorded in the corpus).
/// </summary>
public sealed class ParseEndpointCorpusTests(EmulatorTarget target) : IClassFixture<EmulatorTarget>
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "HclCorpus");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<string> ValidFiles() => Files("valid");

    public static TheoryData<string> InvalidFiles() => Files("invalid");

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public async Task A_valid_job_file_parses_to_the_job_nomad_returns(string name)
    {
        var answer = await ParseAsync("valid", name);

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Text);
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Corpus, "valid", name.Replace(".nomad.hcl", ".json", StringComparison.Ordinal)), _ct));
        JsonNode.DeepEquals(expected, answer.Json).ShouldBeTrue($"{name}: the endpoint's job differs from Nomad's");
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task An_invalid_job_file_answers_400_at_the_position_and_with_the_summary_nomad_gives(string name)
    {
        var answer = await ParseAsync("invalid", name);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        var expected = await File.ReadAllTextAsync(Path.Combine(Corpus, "invalid", name.Replace(".nomad.hcl", ".error.txt", StringComparison.Ordinal)), _ct);
        answer.Text.ShouldStartWith("Failed to parse job: ");
        PositionAndSummary(answer.Text["Failed to parse job: ".Length..]).ShouldBe(PositionAndSummary(expected));
    }

    private async Task<NomadAnswer> ParseAsync(string folder, string name)
    {
        var path = Path.Combine(Corpus, folder, name);
        var vars = path.Replace(".nomad.hcl", ".vars.hcl", StringComparison.Ordinal);
        var body = new JsonObject
        {
            ["JobHCL"] = await File.ReadAllTextAsync(path, _ct),
            ["Canonicalize"] = true,
            ["Variables"] = File.Exists(vars) ? await File.ReadAllTextAsync(vars, _ct) : "",
        };
        return await target.Http.NomadPostAsync("/v1/jobs/parse", body, _ct);
    }

    private static TheoryData<string> Files(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Corpus, folder), "*.nomad.hcl").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static string PositionAndSummary(string errorText)
    {
        var firstLine = errorText.Split('\n')[0];
        var semicolon = firstLine.IndexOf("; ", StringComparison.Ordinal);
        return semicolon < 0 ? firstLine : firstLine[..semicolon];
    }
}
