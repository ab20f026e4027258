using System.Text.Json.Nodes;
using Nomad.Client;
using Nomad.Emulator;

namespace NomadGitOps.Tests.Samples;

/// <summary>
/// The sample repository `nomad-gitops dev` ships is made of job files real Nomad accepts: each parses to what
/// Nomad's own parser answered (recorded in Samples/Golden) and registers cleanly.
/// </summary>
public sealed class SampleJobsTests : IAsyncLifetime
{
    private static readonly string SamplesDirectory = Path.Combine(AppContext.BaseDirectory, "samples", "jobs");
    private static readonly string GoldenDirectory = Path.Combine(AppContext.BaseDirectory, "Samples", "Golden");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private NomadEmulator _nomad = null!;
    private NomadClient _client = null!;

    public static TheoryData<string> Samples() =>
        [.. Directory.EnumerateFiles(SamplesDirectory, "*.nomad.hcl").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public async ValueTask InitializeAsync()
    {
        _nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), _ct);
        _client = new NomadClient(new NomadClientOptions { Address = _nomad.Address.ToString() });
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _nomad.DisposeAsync();
    }

    [Fact]
    public void There_are_sample_jobs() => Samples().Count.ShouldBeGreaterThanOrEqualTo(3);

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task A_sample_parses_as_nomad_parses_it_and_registers(string file)
    {
        var source = await File.ReadAllTextAsync(Path.Combine(SamplesDirectory, file), _ct);

        var job = await _client.Jobs.ParseAsync(new JobParseRequest(source), ct: _ct);

        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(GoldenDirectory, file.Replace(".nomad.hcl", ".json", StringComparison.Ordinal)), _ct));
        JsonNode.DeepEquals(expected, job).ShouldBeTrue($"{file} parses differently from Nomad's parser");
        var registered = await _client.Jobs.RegisterAsync(new JobRegisterRequest(job), ct: _ct);
        registered.JobModifyIndex.ShouldBeGreaterThan(0UL);
    }
}
