using Spectre.Console;

namespace NomadGitOps.Cli;

/// <summary>
/// The Spectre.Console console of a verb's output: colour and progress only on a terminal, never in a pipe or a file,
/// and no colour at all when <c>NO_COLOR</c> is set (https://no-color.org). Output that is not a terminal is laid out
/// as wide as its lines need, so a script never sees a table wrapped at 80 columns.
/// </summary>
internal static class CliConsole
{
    /// <summary>The width of tables written to a pipe or a file.</summary>
    public const int PipeWidth = 4096;

    /// <summary>True when <paramref name="writer"/> is the process's stdout or stderr and that is a terminal.</summary>
    public static bool IsTerminal(TextWriter writer) =>
        (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected)
        || (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);

    /// <summary>True when <c>NO_COLOR</c> is set to anything but the empty string.</summary>
    public static bool NoColor => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>A console writing to <paramref name="writer"/>.</summary>
    public static IAnsiConsole Create(TextWriter writer)
    {
        var terminal = IsTerminal(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal && !NoColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = PipeWidth;
        }

        return console;
    }

    /// <summary>
    /// Runs <paramref name="work"/> with a spinner and <paramref name="status"/> on <paramref name="stderr"/> when that
    /// is a terminal; silently otherwise. The spinner never touches stdout, so <c>-o json</c> stays clean.
    /// </summary>
    public static async Task<T> WithProgressAsync<T>(TextWriter stderr, string status, Func<Action<string>, Task<T>> work)
    {
        if (!IsTerminal(stderr))
        {
            return await work(_ => { }).ConfigureAwait(false);
        }

        return await Create(stderr).Status().StartAsync(Markup.Escape(status), context =>
            work(text => context.Status(Markup.Escape(text)))).ConfigureAwait(false);
    }
}
