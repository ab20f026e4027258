namespace Nomad.Hcl;

/// <summary>How to parse a job file: its name in errors, variable values, and file access for filesystem functions.</summary>
public sealed record JobParseOptions
{
    /// <summary>The file name diagnostics show; Nomad's parse endpoint uses <c>input.hcl</c>.</summary>
    public string FileName { get; init; } = "input.hcl";

    /// <summary>Var-file text (what the parse endpoint's <c>Variables</c> carries), or null.</summary>
    public string? VarFileContent { get; init; }

    /// <summary>Values as <c>-var name=value</c> pairs.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>The directory filesystem functions may read; null disables them, as on the server.</summary>
    public string? FileSystemRoot { get; init; }

    /// <summary>
    /// Where relative paths of filesystem functions start: the job file's directory, as <c>nomad job run</c> has it
    /// (jobspec2 <c>ParseConfig.BaseDir</c> defaults to the file's directory). Absolute, or relative to
    /// <see cref="FileSystemRoot"/>; null means the root itself. It must lie under the root.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// Fill Nomad's API defaults (<c>Canonicalize: true</c> on the parse endpoint, what the CLI and this project
    /// always ask for). Without it the job carries only what the file sets.
    /// </summary>
    public bool Canonicalize { get; init; } = true;
}
