using Microsoft.Extensions.Logging.Console;

namespace NomadGitOps.Logging;

/// <summary>Options of both formatters: whether the text format may colour warnings and errors.</summary>
internal sealed class LogFormatterOptions : ConsoleFormatterOptions
{
    /// <summary>Colour warnings and errors with ANSI escapes (a terminal without <c>NO_COLOR</c>).</summary>
    public bool Color { get; set; }
}
