using System.Text;

namespace NomadGitOps.Sources;

/// <summary>What a git process left behind: its exit code, standard output bytes and standard error text.</summary>
internal sealed record GitResult(int ExitCode, ReadOnlyMemory<byte> Output, string Error)
{
    /// <summary>True when git exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>Standard output as UTF-8 text.</summary>
    public string OutputText => Encoding.UTF8.GetString(Output.Span);
}
