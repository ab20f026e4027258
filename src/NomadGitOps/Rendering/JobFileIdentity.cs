namespace NomadGitOps.Rendering;

/// <summary>Which job a job file defines, without the job itself (what the index needs).</summary>
/// <param name="JobId">The job's <c>ID</c> (its <c>Name</c> when a JSON file gives no ID).</param>
/// <param name="Namespace">The namespace the file itself names; null when it names none (the caller picks the default).</param>
internal sealed record JobFileIdentity(string JobId, string? Namespace);
