using System.Text.Json.Nodes;
using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>One NomadJob planned by <c>nomad-gitops diff</c>: Nomad's diff of it, or why it could not be planned.</summary>
/// <param name="Key">The NomadJob, or the GitRepository when the error is the repository's (then no job was read).</param>
/// <param name="JobId">The Nomad job ID; null for a repository's error.</param>
/// <param name="File">The job file; null for a repository's error.</param>
/// <param name="Commit">The commit it was read at; null when none was known.</param>
/// <param name="Diff">Nomad's <c>api.JobDiff</c>; null on an error.</param>
/// <param name="Error">What went wrong, naming the object and the file; null when planned.</param>
internal sealed record JobDiffResult(ObjectKey Key, string? JobId, string? File, string? Commit, JsonObject? Diff, string? Error)
{
    /// <summary>The diff's type: <c>None</c>, <c>Added</c>, <c>Deleted</c> or <c>Edited</c>; null on an error.</summary>
    public string? DiffType => Diff?["Type"] is JsonValue value && value.TryGetValue<string>(out var type) ? type : null;

    /// <summary>True when registering the job would change something.</summary>
    public bool Changes => DiffType is { } type && type != "None";
}
