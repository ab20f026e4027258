namespace NomadGitOps.Rendering;

/// <summary>
/// A job file that cannot be turned into a job: malformed HCL or JSON, no job ID, a format Nomad cannot parse.
/// The message names the file (with line and column when Nomad gives them) and what to do; a person must fix the file.
/// </summary>
internal sealed class JobFileException(string message) : Exception(message);
