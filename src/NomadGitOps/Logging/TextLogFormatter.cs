using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using NomadGitOps.Objects;

namespace NomadGitOps.Logging;

/// <summary>
/// The log for people: one short line per event, <c>17:40:12 INF nomadjob/default/web registered version 1 …</c>
/// (local time, a three-letter level, the message; no category). Warnings are yellow, errors red and debug dim when
/// <see cref="LogFormatterOptions.Color"/> is on; an exception adds its type and message, not its stack. Lines of
/// a multi-line message after the first are indented. URL credentials and Authorization values are redacted.
/// </summary>
internal sealed class TextLogFormatter(IOptions<LogFormatterOptions> options, TimeProvider time) : ConsoleFormatter(FormatterName)
{
    /// <summary>The name it is registered under.</summary>
    public const string FormatterName = "nomad-gitops-text";

    private const string Reset = "\u001b[0m";

    private readonly bool color = options.Value.Color;

    /// <inheritdoc/>
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception) ?? logEntry.State?.ToString() ?? "";
        if (logEntry.Exception is { } exception)
        {
            message = message.Length == 0 ? Describe(exception) : $"{message} ({Describe(exception)})";
        }

        message = SecretRedactor.RedactUrls(message).TrimEnd().ReplaceLineEndings("\n    ");
        var line = string.Create(CultureInfo.InvariantCulture, $"{time.GetLocalNow():HH:mm:ss} {Abbreviation(logEntry.LogLevel)} {message}");
        var paint = color ? Paint(logEntry.LogLevel) : null;
        textWriter.Write(paint is null ? line : paint + line + Reset);
        textWriter.Write('\n');
    }

    /// <summary>The three letters of <paramref name="level"/>: TRC, DBG, INF, WRN, ERR, CRT.</summary>
    public static string Abbreviation(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRC",
        LogLevel.Debug => "DBG",
        LogLevel.Information => "INF",
        LogLevel.Warning => "WRN",
        LogLevel.Error => "ERR",
        _ => "CRT",
    };

    private static string? Paint(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "\u001b[90m", // grey
        LogLevel.Warning => "\u001b[33m", // yellow
        LogLevel.Error or LogLevel.Critical => "\u001b[1;31m", // bold red
        _ => null,
    };

    private static string Describe(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";
}
