using NomadGitOps.Objects;

namespace NomadGitOps.Controllers.NomadJobIndex;

/// <summary>
/// Decides, without I/O, what one NomadJob object becomes given the files of one repository that define its job
/// and the object's items as stored. The rules (docs/controller-index.md):
/// <list type="bullet">
/// <item>no object: created, owned by the first file (path order);</item>
/// <item>a hand-made object (no <c>managed_by</c>): never touched, every claim is an error on the repository;</item>
/// <item>an object of this repository, or an orphaned one: kept by the file it names if that file still claims it,
/// else by the first file; its index spec items set, <c>status_orphaned_at</c> removed;</item>
/// <item>an object another repository owns: left to it; this repository's claims become lines of its
/// <c>status_index_conflict</c> and errors on the repository.</item>
/// </list>
/// The first owner keeps the object however often this runs, so there is no flip-flop.
/// </summary>
internal static class IndexDecision
{
    /// <summary>The decision for <paramref name="claims"/> (at least one, sorted by file) on an object stored with <paramref name="existing"/> items (null: absent).</summary>
    public static ObjectChange For(
        string repository, bool prune, IReadOnlyList<JobClaim> claims, IReadOnlyDictionary<string, string>? existing, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfZero(claims.Count);
        var key = claims[0].Key;
        var job = $"job \"{key.Name}\" in namespace \"{key.Namespace}\"";
        if (existing is null)
        {
            var created = new Dictionary<string, string>(StringComparer.Ordinal);
            SetIndexSpec(created, repository, claims[0], prune);
            created[ItemKeys.StatusIndexedAt] = ItemCodec.FormatTime(now)!;
            SetOrRemove(created, ItemKeys.StatusIndexConflict, ConflictLines.Replace(null, repository, SameRepositoryLines(claims[0], claims)));
            return new ObjectChange(created, SpecChanged: true, Owned: true, Conflicted: false, SameRepositoryErrors(job, claims[0], claims));
        }

        var managedBy = existing.GetValueOrDefault(ItemKeys.ManagedBy);
        if (managedBy != NomadJobSpec.ManagedByIndex)
        {
            var errors = claims.Select(c =>
                $"Conflict: {c.File} defines {job}, which the hand-made NomadJob {key} manages; the index leaves hand-made objects alone: rename the job in the file, exclude the file, or delete the object.")
                .ToList();
            return new ObjectChange(null, SpecChanged: false, Owned: false, Conflicted: true, errors);
        }

        var owner = existing.GetValueOrDefault(ItemKeys.Repository);
        var orphaned = existing.ContainsKey(ItemKeys.StatusOrphanedAt);
        if (owner == repository || orphaned)
        {
            var ownFile = owner == repository ? existing.GetValueOrDefault(ItemKeys.File) : null;
            var keeper = claims.FirstOrDefault(c => c.File == ownFile) ?? claims[0];
            var items = new Dictionary<string, string>(existing, StringComparer.Ordinal);
            SetIndexSpec(items, repository, keeper, prune);
            items.Remove(ItemKeys.StatusOrphanedAt);
            var specChanged = !SameSpec(existing, items);
            if (specChanged)
            {
                items[ItemKeys.StatusIndexedAt] = ItemCodec.FormatTime(now)!;
            }

            SetOrRemove(items, ItemKeys.StatusIndexConflict,
                ConflictLines.Replace(existing.GetValueOrDefault(ItemKeys.StatusIndexConflict), repository, SameRepositoryLines(keeper, claims)));
            var changed = !SameItems(existing, items);
            return new ObjectChange(changed ? items : null, specChanged, Owned: true, Conflicted: false, SameRepositoryErrors(job, keeper, claims));
        }

        var ownerFile = existing.GetValueOrDefault(ItemKeys.File) ?? "?";
        var lines = claims.Select(c => $"{c.File} also defines this job; it stays with gitrepository/{owner} ({ownerFile}).");
        var noted = new Dictionary<string, string>(existing, StringComparer.Ordinal);
        SetOrRemove(noted, ItemKeys.StatusIndexConflict,
            ConflictLines.Replace(existing.GetValueOrDefault(ItemKeys.StatusIndexConflict), repository, lines));
        var foreignErrors = claims.Select(c =>
            $"Conflict: {c.File} defines {job}, which gitrepository/{owner} ({ownerFile}) already manages; the first owner keeps it: rename the job in one of the files or remove one of them.")
            .ToList();
        return new ObjectChange(SameItems(existing, noted) ? null : noted, SpecChanged: false, Owned: false, Conflicted: true, foreignErrors);
    }

    /// <summary>
    /// The items of an object this repository no longer claims: its conflict lines withdrawn; null when nothing changes.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Withdraw(string repository, IReadOnlyDictionary<string, string> existing)
    {
        var items = new Dictionary<string, string>(existing, StringComparer.Ordinal);
        SetOrRemove(items, ItemKeys.StatusIndexConflict,
            ConflictLines.Replace(existing.GetValueOrDefault(ItemKeys.StatusIndexConflict), repository, []));
        return SameItems(existing, items) ? null : items;
    }

    /// <summary>
    /// True when <see cref="For"/> would write nothing for the single <paramref name="claim"/> on an object stored with
    /// <paramref name="existing"/> items and this repository keeps it: a look, without building the decision.
    /// </summary>
    public static bool IsUnchanged(string repository, bool prune, JobClaim claim, IReadOnlyDictionary<string, string>? existing) =>
        existing is not null
        && IsOwnedBy(repository, existing)
        && existing.GetValueOrDefault(ItemKeys.File) == claim.File
        && existing.GetValueOrDefault(ItemKeys.JobId) == claim.JobId
        && existing.GetValueOrDefault(ItemKeys.Namespace) == claim.Namespace
        && existing.GetValueOrDefault(ItemKeys.Prune) == (prune ? "true" : "false")
        && !existing.ContainsKey(ItemKeys.StatusOrphanedAt)
        && (existing.GetValueOrDefault(ItemKeys.StatusIndexConflict) is not { } conflict
            || ConflictLines.Replace(conflict, repository, []) == conflict);

    /// <summary>True when <paramref name="items"/> are those of a NomadJob the index made for <paramref name="repository"/>.</summary>
    public static bool IsOwnedBy(string repository, IReadOnlyDictionary<string, string> items) =>
        items.GetValueOrDefault(ItemKeys.ManagedBy) == NomadJobSpec.ManagedByIndex
        && items.GetValueOrDefault(ItemKeys.Repository) == repository;

    private static IEnumerable<string> SameRepositoryLines(JobClaim keeper, IReadOnlyList<JobClaim> claims) =>
        claims.Where(c => c != keeper).Select(c => $"{c.File} also defines this job; it stays with {keeper.File}.");

    private static List<string> SameRepositoryErrors(string job, JobClaim keeper, IReadOnlyList<JobClaim> claims) =>
        claims.Where(c => c != keeper)
            .Select(c => $"Conflict: {c.File} defines {job}, as {keeper.File} does, which keeps it: rename the job in one of the files or remove one of them.")
            .ToList();

    private static void SetIndexSpec(Dictionary<string, string> items, string repository, JobClaim claim, bool prune)
    {
        items[ItemKeys.Repository] = repository;
        items[ItemKeys.File] = claim.File;
        items[ItemKeys.JobId] = claim.JobId;
        items[ItemKeys.Namespace] = claim.Namespace;
        items[ItemKeys.ManagedBy] = NomadJobSpec.ManagedByIndex;
        items[ItemKeys.Prune] = prune ? "true" : "false";
    }

    private static void SetOrRemove(Dictionary<string, string> items, string key, string? value)
    {
        if (value is null)
        {
            items.Remove(key);
        }
        else
        {
            items[key] = value;
        }
    }

    private static bool SameSpec(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        SameItems(ItemCodec.SpecItems(a), ItemCodec.SpecItems(b));

    private static bool SameItems(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
