namespace NomadGitOps.Sources;

/// <summary>A git failure with its kind and a message meant for a person; secrets already redacted.</summary>
internal sealed class GitException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> must already be redacted.</summary>
    public GitException(GitErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    /// <summary>What went wrong, for status reasons and retry decisions.</summary>
    public GitErrorKind Kind { get; }
}
