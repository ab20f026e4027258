using NomadGitOps.Sources;

namespace NomadGitOps.Controllers.NomadJobIndex;

/// <summary>
/// The job files of a new commit compared with the last index's (<see cref="IndexSnapshot.Blobs"/>) by blob id: which
/// are new or changed (read, parsed and decided on again) and which are gone. Files with the same blob are the same
/// file, so nothing else about them needs a look.
/// </summary>
/// <param name="Changed">Files new at this commit or whose blob differs, in the order listed.</param>
/// <param name="Removed">Paths selected before and not now, sorted.</param>
internal sealed record JobFileChanges(IReadOnlyList<ArtifactFile> Changed, IReadOnlyList<string> Removed)
{
    /// <summary>Compares <paramref name="selected"/> (the job files now) with <paramref name="before"/> (blob id by path).</summary>
    public static JobFileChanges Between(IReadOnlyDictionary<string, string> before, IReadOnlyList<ArtifactFile> selected)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(selected);
        var changed = new List<ArtifactFile>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in selected)
        {
            present.Add(file.Path);
            if (!before.TryGetValue(file.Path, out var blob) || blob != file.BlobId)
            {
                changed.Add(file);
            }
        }

        var removed = before.Keys.Where(p => !present.Contains(p)).Order(StringComparer.Ordinal).ToList();
        return new JobFileChanges(changed, removed);
    }

    /// <summary>True when no job file changed.</summary>
    public bool IsEmpty => Changed.Count == 0 && Removed.Count == 0;
}
