using Microsoft.Extensions.Logging;
using NomadGitOps.Logging;

namespace NomadGitOps.Tests.Logging;

public sealed class LogSettingsTests
{
    private static readonly Dictionary<string, string?> Empty = [];

    [Fact]
    public void Without_flags_or_variables_logs_are_text_from_information_and_coloured_on_a_terminal()
    {
        var settings = LogSettings.Resolve(null, null, Empty, errorRedirected: false, out var errors);

        errors.ShouldBeEmpty();
        settings.ShouldBe(new LogSettings(LogFormat.Text, LogLevel.Information, Color: true));
    }

    [Fact]
    public void The_variables_choose_format_and_level()
    {
        var env = new Dictionary<string, string?> { [LogSettings.FormatVariable] = "JSON", [LogSettings.LevelVariable] = "debug" };

        var settings = LogSettings.Resolve(null, null, env, errorRedirected: false, out var errors);

        errors.ShouldBeEmpty();
        settings.Format.ShouldBe(LogFormat.Json);
        settings.Level.ShouldBe(LogLevel.Debug);
    }

    [Fact]
    public void Flags_win_over_the_variables()
    {
        var env = new Dictionary<string, string?> { [LogSettings.FormatVariable] = "json", [LogSettings.LevelVariable] = "debug" };

        var settings = LogSettings.Resolve("text", "warn", env, errorRedirected: false, out var errors);

        errors.ShouldBeEmpty();
        settings.Format.ShouldBe(LogFormat.Text);
        settings.Level.ShouldBe(LogLevel.Warning);
    }

    [Theory]
    [InlineData("stderr redirected to a file or pipe", true, null, false)]
    [InlineData("NO_COLOR set to anything", false, "1", false)]
    [InlineData("NO_COLOR empty counts as unset", false, "", true)]
    [InlineData("a terminal without NO_COLOR", false, null, true)]
    public void Colour_is_on_only_for_a_terminal_without_NO_COLOR(string because, bool redirected, string? noColor, bool color)
    {
        var env = new Dictionary<string, string?> { ["NO_COLOR"] = noColor };

        LogSettings.Resolve(null, null, env, redirected, out _).Color.ShouldBe(color, because);
    }

    [Fact]
    public void Unknown_names_are_reported_naming_where_they_came_from()
    {
        var env = new Dictionary<string, string?> { [LogSettings.LevelVariable] = "loud" };

        LogSettings.Resolve("xml", null, env, errorRedirected: true, out var errors);

        errors.ShouldBe(
        [
            "--log-format \"xml\" is not a log format: write text or json.",
            $"{LogSettings.LevelVariable} \"loud\" is not a log level: write one of {LogSettings.LevelNames}.",
        ]);
    }
}
