using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace NomadGitOps.Logging;

/// <summary>Wires the console log of <c>run</c> and <c>dev</c>: standard error, the chosen formatter and level.</summary>
internal static class LoggingBuilderExtensions
{
    /// <summary>
    /// Logs every event at or above <see cref="LogSettings.Level"/> to standard error in <see cref="LogSettings.Format"/>;
    /// the framework's own categories (<c>Microsoft</c>, <c>System</c>) only from Warning.
    /// </summary>
    public static ILoggingBuilder AddNomadGitOpsConsole(this ILoggingBuilder logging, LogSettings settings)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(settings);
        logging.Services.TryAddSingleton(TimeProvider.System);
        logging.AddConsole(console =>
        {
            console.FormatterName = settings.Format == LogFormat.Json ? JsonLogFormatter.FormatterName : TextLogFormatter.FormatterName;
            console.LogToStandardErrorThreshold = LogLevel.Trace;
        });
        logging.AddConsoleFormatter<TextLogFormatter, LogFormatterOptions>(o => o.Color = settings.Color);
        logging.AddConsoleFormatter<JsonLogFormatter, ConsoleFormatterOptions>();
        return logging
            .SetMinimumLevel(settings.Level)
            .AddFilter("Microsoft", (LogLevel)Math.Max((int)LogLevel.Warning, (int)settings.Level))
            .AddFilter("System", (LogLevel)Math.Max((int)LogLevel.Warning, (int)settings.Level));
    }
}
