using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NomadGitOps.Tests.Support;

/// <summary>Keeps every log event (level and rendered message) so tests can assert what was logged, and what was not.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> events = new();

    /// <summary>Every event so far.</summary>
    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Events => [.. events];

    /// <summary>Forgets every event.</summary>
    public void Clear() => events.Clear();

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private sealed class Recorder(RecordingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.events.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}
