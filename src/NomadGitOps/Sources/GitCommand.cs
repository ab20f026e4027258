namespace NomadGitOps.Sources;

/// <summary>One git invocation: arguments (first is the verb), where, with what environment and timeout.</summary>
/// <param name="Arguments">Arguments after <c>git</c>; the first is the verb (<c>fetch</c>, <c>ls-remote</c>…).</param>
/// <param name="Timeout">After this the process tree is killed and a <see cref="GitErrorKind.Timeout"/> error raised.</param>
internal sealed record GitCommand(IReadOnlyList<string> Arguments, TimeSpan Timeout)
{
    /// <summary>The directory git runs in (the cache for local operations), or null for the current one.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Extra environment variables (auth); may hold secrets, never logged.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Bytes written to standard input, or null.</summary>
    public ReadOnlyMemory<byte>? StandardInput { get; init; }

    /// <summary>What the command works on, for messages (a redacted URL or "the cache of …"); never a secret.</summary>
    public string? Subject { get; init; }

    /// <summary>The verb, for counts and messages.</summary>
    public string Verb => Arguments.Count > 0 ? Arguments[0] : "";
}
