using System.CommandLine;

namespace NomadGitOps.Logging;

/// <summary>The <c>--log-format</c> and <c>--log-level</c> flags, shared by <c>run</c> and <c>dev</c>.</summary>
internal static class LogOptions
{
    /// <summary>A new <c>--log-format</c> flag (null when not given: <see cref="LogSettings.FormatVariable"/>, else text).</summary>
    public static Option<string?> Format() => new("--log-format")
    {
        Description = $"How logs are written to stderr: text (for people) or json (one object per line) ({LogSettings.FormatVariable}, default text)",
    };

    /// <summary>A new <c>--log-level</c> flag (null when not given: <see cref="LogSettings.LevelVariable"/>, else info).</summary>
    public static Option<string?> Level() => new("--log-level")
    {
        Description = $"Lowest level logged: {LogSettings.LevelNames} ({LogSettings.LevelVariable}, default info)",
    };
}
