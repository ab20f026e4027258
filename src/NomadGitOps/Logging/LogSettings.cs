using Microsoft.Extensions.Logging;

namespace NomadGitOps.Logging;

/// <summary>
/// How <c>run</c> and <c>dev</c> log: <c>--log-format</c> / <c>NOMAD_GITOPS_LOG_FORMAT</c> (<c>text</c> or
/// <c>json</c>), <c>--log-level</c> / <c>NOMAD_GITOPS_LOG_LEVEL</c> (<c>trace</c> … <c>critical</c>, <c>none</c>),
/// and whether text is coloured (standard error is a terminal and <c>NO_COLOR</c> is unset or empty, as
/// https://no-color.org asks). Flags win over variables.
/// </summary>
/// <param name="Format">Text for people (the default) or JSON for machines.</param>
/// <param name="Level">The lowest level written; <see cref="LogLevel.Information"/> by default.</param>
/// <param name="Color">Whether the text format colours warnings and errors.</param>
internal sealed record LogSettings(LogFormat Format = LogFormat.Text, LogLevel Level = LogLevel.Information, bool Color = false)
{
    /// <summary>The variable naming the format.</summary>
    public const string FormatVariable = "NOMAD_GITOPS_LOG_FORMAT";

    /// <summary>The variable naming the level.</summary>
    public const string LevelVariable = "NOMAD_GITOPS_LOG_LEVEL";

    /// <summary>The level names accepted, as they are written in help and errors.</summary>
    public const string LevelNames = "trace, debug, info, warning, error, critical, none";

    /// <summary>
    /// The settings from the flags (<paramref name="format"/>, <paramref name="level"/>; null when not given), else
    /// from <paramref name="env"/> (null: the process environment); <paramref name="errorRedirected"/> says whether
    /// standard error is not a terminal. Unknown names are reported in <paramref name="errors"/>.
    /// </summary>
    public static LogSettings Resolve(
        string? format,
        string? level,
        IReadOnlyDictionary<string, string?>? env,
        bool errorRedirected,
        out IReadOnlyList<string> errors)
    {
        string? Get(string name)
        {
            var value = env is null ? Environment.GetEnvironmentVariable(name) : env.GetValueOrDefault(name);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        var problems = new List<string>();
        var settings = new LogSettings();
        var formatText = format ?? Get(FormatVariable);
        var formatSource = format is null ? FormatVariable : "--log-format";
        if (formatText is not null)
        {
            if (TryParseFormat(formatText) is { } parsed)
            {
                settings = settings with { Format = parsed };
            }
            else
            {
                problems.Add($"{formatSource} \"{formatText}\" is not a log format: write text or json.");
            }
        }

        var levelText = level ?? Get(LevelVariable);
        var levelSource = level is null ? LevelVariable : "--log-level";
        if (levelText is not null)
        {
            if (TryParseLevel(levelText) is { } parsed)
            {
                settings = settings with { Level = parsed };
            }
            else
            {
                problems.Add($"{levelSource} \"{levelText}\" is not a log level: write one of {LevelNames}.");
            }
        }

        errors = problems;
        return settings with { Color = !errorRedirected && Get("NO_COLOR") is null };
    }

    private static LogFormat? TryParseFormat(string text) => text.ToUpperInvariant() switch
    {
        "TEXT" => LogFormat.Text,
        "JSON" => LogFormat.Json,
        _ => null,
    };

    private static LogLevel? TryParseLevel(string text) => text.ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFO" or "INFORMATION" => LogLevel.Information,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "CRITICAL" => LogLevel.Critical,
        "NONE" => LogLevel.None,
        _ => null,
    };
}
