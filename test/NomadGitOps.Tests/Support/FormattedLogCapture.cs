using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace NomadGitOps.Tests.Support;

/// <summary>
/// A logger provider that writes every event, with its scopes, through a <see cref="ConsoleFormatter"/> into memory:
/// the one given, or the one the console logger was configured with (by name, from the container it was added to).
/// What the console would have shown, without touching the process's real standard error.
/// </summary>
internal sealed class FormattedLogCapture(ConsoleFormatter? formatter = null) : ILoggerProvider, ISupportExternalScope
{
    private readonly Lock gate = new();
    private readonly StringWriter output = new();
    private IServiceProvider? services;
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    /// <summary>Everything written so far.</summary>
    public string Text
    {
        get
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>The name of the formatter that wrote (known after the first event).</summary>
    public string? FormatterName => formatter?.Name;

    /// <summary>Adds this capture to <paramref name="services"/>: it logs with the formatter that container configures.</summary>
    public void AddTo(IServiceCollection services) =>
        services.AddSingleton<ILoggerProvider>(sp =>
        {
            this.services = sp;
            return this;
        });

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new Writer(this, categoryName);

    /// <inheritdoc/>
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    /// <inheritdoc/>
    public void Dispose()
    {
        // The text stays readable after the container that logged into it is gone.
    }

    private ConsoleFormatter Formatter()
    {
        if (formatter is null)
        {
            var container = services ?? throw new InvalidOperationException("The capture was not added to a container.");
            var name = container.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName;
            formatter = container.GetServices<ConsoleFormatter>().Single(f => f.Name == name);
        }

        return formatter;
    }

    private sealed class Writer(FormattedLogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter);
            lock (owner.gate)
            {
                owner.Formatter().Write(entry, owner.scopes, owner.output);
            }
        }
    }
}
