using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using NomadGitOps.Objects;

namespace NomadGitOps.Logging;

/// <summary>
/// The log for machines: one JSON object per line with stable fields, <c>time</c> (UTC, ISO 8601), <c>level</c>
/// (<c>trace</c>, <c>debug</c>, <c>info</c>, <c>warning</c>, <c>error</c>, <c>critical</c>), <c>msg</c>, then
/// those of <see cref="LogFields.StableNames"/> that are known, <c>category</c>, <c>error</c> (an exception, with
/// its stack) and <c>fields</c> (every other template value). Text is redacted of URL credentials and
/// Authorization values.
/// </summary>
internal sealed class JsonLogFormatter(TimeProvider time) : ConsoleFormatter(FormatterName)
{
    /// <summary>The name it is registered under.</summary>
    public const string FormatterName = "nomad-gitops-json";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <inheritdoc/>
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception) ?? logEntry.State?.ToString() ?? "";
        var fields = LogFields.From(logEntry.State, scopeProvider);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("time", time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteString("level", LevelName(logEntry.LogLevel));
            json.WriteString("msg", SecretRedactor.RedactUrls(message));
            foreach (var name in LogFields.StableNames)
            {
                if (fields.Stable.TryGetValue(name, out var value))
                {
                    json.WritePropertyName(name);
                    WriteValue(json, value);
                }
            }

            json.WriteString("category", logEntry.Category);
            if (logEntry.Exception is { } exception)
            {
                json.WriteString("error", SecretRedactor.RedactUrls(exception.ToString()));
            }

            if (fields.Other.Count > 0)
            {
                json.WriteStartObject("fields");
                foreach (var (name, value) in fields.Other.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    json.WritePropertyName(name);
                    WriteValue(json, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        textWriter.Write('\n');
    }

    /// <summary>The name of <paramref name="level"/> in the <c>level</c> field.</summary>
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        _ => "critical",
    };

    private static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int or long or short or byte or uint:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong big:
                json.WriteNumberValue(big);
                break;
            case double or float or decimal:
                json.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(value.ToString());
                break;
        }
    }
}
