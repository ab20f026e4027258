namespace NomadGitOps.Logging;

/// <summary>How log events are written to standard error.</summary>
internal enum LogFormat
{
    /// <summary>One short line per event for people: time, level, message; colour on a terminal.</summary>
    Text,

    /// <summary>One JSON object per line for machines, with stable field names.</summary>
    Json,
}
