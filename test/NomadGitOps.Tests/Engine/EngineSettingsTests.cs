using Microsoft.Extensions.DependencyInjection;
using Nomad.Client;
using NomadGitOps.Engine;
using NomadGitOps.Rendering;

namespace NomadGitOps.Tests.Engine;

public sealed class EngineSettingsTests
{
    [Fact]
    public void Settings_are_read_from_the_NOMAD_GITOPS_variables()
    {
        var settings = EngineSettings.FromEnvironment(
            new Dictionary<string, string?>
            {
                ["NOMAD_GITOPS_PREFIX"] = "gitops/prod",
                ["NOMAD_GITOPS_NAMESPACE"] = "ops",
                ["NOMAD_GITOPS_CONTROLLER_NAME"] = "gitops-prod",
                ["NOMAD_GITOPS_CACHE_DIR"] = "/var/cache/gitops",
                ["NOMAD_GITOPS_CONCURRENCY"] = "8",
                ["NOMAD_GITOPS_INTERVAL"] = "5m",
                ["NOMAD_GITOPS_LEADER_TTL"] = "30s",
                ["NOMAD_GITOPS_ONE_OFF"] = "true",
                ["NOMAD_GITOPS_LEADER_ELECTION"] = "",
            },
            out var errors);

        errors.ShouldBeEmpty();
        settings.Validate().ShouldBeEmpty();
        settings.ShouldBe(new EngineSettings
        {
            Prefix = "gitops/prod",
            Namespace = "ops",
            ControllerName = "gitops-prod",
            CacheDir = "/var/cache/gitops",
            Concurrency = 8,
            DefaultInterval = TimeSpan.FromMinutes(5),
            LeaderTtl = TimeSpan.FromSeconds(30),
            OneOff = true,
            WatchSpacing = EngineSettings.DefaultWatchSpacing,
        });
    }

    [Fact]
    public void Unset_variables_leave_the_defaults()
    {
        var settings = EngineSettings.FromEnvironment(new Dictionary<string, string?>(), out var errors);

        errors.ShouldBeEmpty();
        settings.Prefix.ShouldBe("nomad-gitops/v1");
        settings.ControllerName.ShouldBe("nomad-gitops");
        settings.LeaderElection.ShouldBeTrue();
        settings.WatchSpacing.ShouldBe(TimeSpan.FromMilliseconds(200));
        settings.OneOff.ShouldBeFalse();
    }

    [Fact]
    public void Each_bad_value_is_reported_in_a_sentence_naming_the_variable()
    {
        var settings = EngineSettings.FromEnvironment(
            new Dictionary<string, string?>
            {
                ["NOMAD_GITOPS_CONCURRENCY"] = "many",
                ["NOMAD_GITOPS_INTERVAL"] = "soon",
                ["NOMAD_GITOPS_ONE_OFF"] = "perhaps",
                ["NOMAD_GITOPS_LEADER_TTL"] = "5s",
                ["NOMAD_GITOPS_PREFIX"] = "nomad/mine",
            },
            out var errors);

        errors.Count.ShouldBe(3);
        errors.ShouldContain(e => e.Contains("NOMAD_GITOPS_CONCURRENCY", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("NOMAD_GITOPS_INTERVAL", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("NOMAD_GITOPS_ONE_OFF", StringComparison.Ordinal));
        var invalid = settings.Validate();
        invalid.Count.ShouldBe(2);
        invalid.ShouldContain(e => e.Contains("10s to 24h", StringComparison.Ordinal));
        invalid.ShouldContain(e => e.Contains("reserves", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Unset parses job files in process", null, nameof(ParseOn.Local))]
    [InlineData("local parses them in process", "local", nameof(ParseOn.Local))]
    [InlineData("server sends every file to Nomad's parse endpoint", "SERVER", nameof(ParseOn.Server))]
    public void NOMAD_GITOPS_PARSE_ON_says_where_job_files_are_parsed(string sentence, string? value, string expected)
    {
        _ = sentence;
        var settings = EngineSettings.FromEnvironment(new Dictionary<string, string?> { ["NOMAD_GITOPS_PARSE_ON"] = value }, out var errors);

        errors.ShouldBeEmpty();
        settings.ParseOn.ToString().ShouldBe(expected);
    }

    [Fact]
    public void Another_NOMAD_GITOPS_PARSE_ON_value_is_reported_and_leaves_parsing_in_process()
    {
        var settings = EngineSettings.FromEnvironment(new Dictionary<string, string?> { ["NOMAD_GITOPS_PARSE_ON"] = "client" }, out var errors);

        errors.ShouldHaveSingleItem().ShouldStartWith("NOMAD_GITOPS_PARSE_ON=\"client\" is neither local");
        settings.ParseOn.ShouldBe(ParseOn.Local);
    }

    [Fact]
    public void The_engine_hands_its_parse_setting_to_the_job_file_parser()
    {
        var services = new ServiceCollection();
        services.AddNomadGitOpsEngine(new EngineSettings { ParseOn = ParseOn.Server }, new NomadClientOptions());

        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<JobFileParserOptions>().ParseOn.ShouldBe(ParseOn.Server);
    }
}
