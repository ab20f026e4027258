using System.CommandLine;

namespace NomadGitOps.Cli;

/// <summary>How a verb prints: tables and sentences for people, or JSON alone on stdout for scripts.</summary>
internal enum OutputFormat
{
    /// <summary>Human-readable text.</summary>
    Text,

    /// <summary>One JSON document on stdout and nothing else there.</summary>
    Json,
}

/// <summary>The shared <c>-o/--output</c> option.</summary>
internal static class OutputOption
{
    /// <summary>Creates the option; each verb that prints data adds it.</summary>
    public static Option<OutputFormat> Create() => new("--output", "-o")
    {
        Description = "Output format: text or json",
        DefaultValueFactory = _ => OutputFormat.Text,
    };
}
