using System.Globalization;
using System.Text.Json;

namespace NomadGitOps.Objects;

/// <summary>
/// Status records to and from <c>status_*</c> items. Encoding gives a <see cref="StatusPatch"/> (spec items are
/// never part of it, so they stay untouched); decoding is lenient, since a person may have edited status by hand:
/// a value that does not parse reads as absent. Free text is redacted of URL credentials and capped per item;
/// <see cref="StatusMerge"/> cuts it further when the variable would pass 64 KiB.
/// </summary>
internal static class ItemCodec
{
    /// <summary>Cap of <c>status_message</c> and <c>status_drift</c>, in UTF-8 bytes.</summary>
    public const int MaxMessageBytes = 4_096;

    /// <summary>The most bytes of a commit message's first line kept in <c>status_commit_message</c>.</summary>
    public const int MaxCommitMessageBytes = 256;

    /// <summary>Cap of <c>status_index_errors</c>, in UTF-8 bytes.</summary>
    public const int MaxIndexErrorsBytes = 16_384;

    /// <summary>
    /// The most UTF-8 bytes <c>status_index_jobs</c> may take (some 2,000 entries); a larger inventory is written as
    /// <c>status_index_job_count</c> only and read from the NomadJob objects.
    /// </summary>
    public const int MaxIndexJobsBytes = 32_768;

    /// <summary>Cap of <c>status_plan</c>, in UTF-8 bytes.</summary>
    public const int MaxPlanBytes = 1_024;

    /// <summary>How times are written: RFC 3339 in UTC to the second.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private static readonly IReadOnlySet<string> GitRepositoryShrinkable = new HashSet<string>(StringComparer.Ordinal) { ItemKeys.StatusMessage };

    private static readonly IReadOnlySet<string> IndexShrinkable = new HashSet<string>(StringComparer.Ordinal) { ItemKeys.StatusIndexErrors };

    private static readonly IReadOnlySet<string> NomadJobShrinkable = new HashSet<string>(StringComparer.Ordinal)
    {
        ItemKeys.StatusMessage, ItemKeys.StatusPlan, ItemKeys.StatusDrift,
    };

    private static readonly IReadOnlySet<string> IndexConflictShrinkable = new HashSet<string>(StringComparer.Ordinal) { ItemKeys.StatusIndexConflict };

    /// <summary>The items of a GitRepository's status.</summary>
    public static StatusPatch Encode(GitRepositoryStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        PutReady(items, status.Ready);
        Put(items, ItemKeys.StatusReason, status.Reason);
        Put(items, ItemKeys.StatusMessage, FreeText(status.Message, MaxMessageBytes));
        Put(items, ItemKeys.StatusCurrentCommit, status.CurrentCommit);
        Put(items, ItemKeys.StatusCommitMessage, FreeText(status.CommitMessage, MaxCommitMessageBytes));
        Put(items, ItemKeys.StatusCurrentRef, status.CurrentRef);
        Put(items, ItemKeys.StatusLastChangeAt, FormatTime(status.LastChangeAt));
        Put(items, ItemKeys.StatusConsecutiveFailures, FormatCount(status.ConsecutiveFailures));
        Put(items, ItemKeys.StatusNextAttemptAt, FormatTime(status.NextAttemptAt));
        Put(items, ItemKeys.StatusObservedSpec, status.ObservedSpec);
        Put(items, ItemKeys.StatusLastHandledReconcileAt, status.LastHandledReconcileAt);
        return new StatusPatch(items, GitRepositoryStatus.Keys, GitRepositoryShrinkable);
    }

    /// <summary>A GitRepository's status read from its items.</summary>
    public static GitRepositoryStatus DecodeGitRepositoryStatus(IReadOnlyDictionary<string, string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new GitRepositoryStatus(
            Ready: ReadReady(items),
            Reason: Read(items, ItemKeys.StatusReason),
            Message: Read(items, ItemKeys.StatusMessage),
            CurrentCommit: Read(items, ItemKeys.StatusCurrentCommit),
            CurrentRef: Read(items, ItemKeys.StatusCurrentRef),
            LastChangeAt: ReadTime(items, ItemKeys.StatusLastChangeAt),
            ConsecutiveFailures: ReadCount(items, ItemKeys.StatusConsecutiveFailures),
            NextAttemptAt: ReadTime(items, ItemKeys.StatusNextAttemptAt),
            ObservedSpec: Read(items, ItemKeys.StatusObservedSpec),
            LastHandledReconcileAt: Read(items, ItemKeys.StatusLastHandledReconcileAt),
            CommitMessage: Read(items, ItemKeys.StatusCommitMessage));
    }

    /// <summary>
    /// The items of a repository's index status; the inventory is a JSON array of sorted <c>namespace/job-id</c>, or,
    /// when that passes <see cref="MaxIndexJobsBytes"/>, only its size in <c>status_index_job_count</c>.
    /// </summary>
    public static StatusPatch Encode(RepositoryIndexStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        var jobs = status.Jobs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var list = jobs.Length == 0 ? null : JsonSerializer.Serialize(jobs);
        if (list is not null && System.Text.Encoding.UTF8.GetByteCount(list) > MaxIndexJobsBytes)
        {
            Put(items, ItemKeys.StatusIndexJobCount, jobs.Length.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            Put(items, ItemKeys.StatusIndexJobs, list);
        }

        Put(items, ItemKeys.StatusIndexErrors, FreeText(status.Errors, MaxIndexErrorsBytes));
        Put(items, ItemKeys.StatusIndexedCommit, status.IndexedCommit);
        var conflicts = (status.Conflicts ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Put(items, ItemKeys.StatusIndexConflicts, conflicts.Length == 0 ? null : JsonSerializer.Serialize(conflicts));
        return new StatusPatch(items, RepositoryIndexStatus.Keys, IndexShrinkable);
    }

    /// <summary>A repository's index status read from its items; an unreadable inventory reads as empty.</summary>
    public static RepositoryIndexStatus DecodeRepositoryIndexStatus(IReadOnlyDictionary<string, string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new RepositoryIndexStatus(
            Jobs: ReadList(items, ItemKeys.StatusIndexJobs),
            Errors: Read(items, ItemKeys.StatusIndexErrors),
            IndexedCommit: Read(items, ItemKeys.StatusIndexedCommit),
            Conflicts: ReadList(items, ItemKeys.StatusIndexConflicts),
            JobCount: Read(items, ItemKeys.StatusIndexJobCount) is null ? null : ReadCount(items, ItemKeys.StatusIndexJobCount));
    }

    /// <summary>The items of a NomadJob's status.</summary>
    public static StatusPatch Encode(NomadJobStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        PutReady(items, status.Ready);
        Put(items, ItemKeys.StatusReason, status.Reason);
        Put(items, ItemKeys.StatusMessage, FreeText(status.Message, MaxMessageBytes));
        Put(items, ItemKeys.StatusLastAppliedCommit, status.LastAppliedCommit);
        Put(items, ItemKeys.StatusLastAttemptedCommit, status.LastAttemptedCommit);
        Put(items, ItemKeys.StatusLastAppliedAt, FormatTime(status.LastAppliedAt));
        Put(items, ItemKeys.StatusSpecHash, status.SpecHash);
        Put(items, ItemKeys.StatusJobModifyIndex, status.JobModifyIndex?.ToString(CultureInfo.InvariantCulture));
        Put(items, ItemKeys.StatusJobVersion, status.JobVersion?.ToString(CultureInfo.InvariantCulture));
        Put(items, ItemKeys.StatusEvalId, status.EvalId);
        Put(items, ItemKeys.StatusPlan, FreeText(status.Plan, MaxPlanBytes));
        Put(items, ItemKeys.StatusDeploymentId, status.DeploymentId);
        Put(items, ItemKeys.StatusDeploymentStatus, status.DeploymentStatus);
        Put(items, ItemKeys.StatusDrift, FreeText(status.Drift, MaxMessageBytes));
        Put(items, ItemKeys.StatusConsecutiveFailures, FormatCount(status.ConsecutiveFailures));
        Put(items, ItemKeys.StatusNextAttemptAt, FormatTime(status.NextAttemptAt));
        Put(items, ItemKeys.StatusObservedSpec, status.ObservedSpec);
        Put(items, ItemKeys.StatusLastHandledReconcileAt, status.LastHandledReconcileAt);
        return new StatusPatch(items, NomadJobStatus.Keys, NomadJobShrinkable);
    }

    /// <summary>A NomadJob's status read from its items.</summary>
    public static NomadJobStatus DecodeNomadJobStatus(IReadOnlyDictionary<string, string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new NomadJobStatus(
            Ready: ReadReady(items),
            Reason: Read(items, ItemKeys.StatusReason),
            Message: Read(items, ItemKeys.StatusMessage),
            LastAppliedCommit: Read(items, ItemKeys.StatusLastAppliedCommit),
            LastAttemptedCommit: Read(items, ItemKeys.StatusLastAttemptedCommit),
            LastAppliedAt: ReadTime(items, ItemKeys.StatusLastAppliedAt),
            SpecHash: Read(items, ItemKeys.StatusSpecHash),
            JobModifyIndex: ReadUnsigned(items, ItemKeys.StatusJobModifyIndex),
            JobVersion: ReadUnsigned(items, ItemKeys.StatusJobVersion),
            EvalId: Read(items, ItemKeys.StatusEvalId),
            Plan: Read(items, ItemKeys.StatusPlan),
            DeploymentId: Read(items, ItemKeys.StatusDeploymentId),
            DeploymentStatus: Read(items, ItemKeys.StatusDeploymentStatus),
            Drift: Read(items, ItemKeys.StatusDrift),
            ConsecutiveFailures: ReadCount(items, ItemKeys.StatusConsecutiveFailures),
            NextAttemptAt: ReadTime(items, ItemKeys.StatusNextAttemptAt),
            ObservedSpec: Read(items, ItemKeys.StatusObservedSpec),
            LastHandledReconcileAt: Read(items, ItemKeys.StatusLastHandledReconcileAt));
    }

    /// <summary>The items of a NomadJob's index status.</summary>
    public static StatusPatch Encode(NomadJobIndexStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        Put(items, ItemKeys.StatusIndexedAt, FormatTime(status.IndexedAt));
        Put(items, ItemKeys.StatusOrphanedAt, FormatTime(status.OrphanedAt));
        Put(items, ItemKeys.StatusIndexConflict, FreeText(status.Conflict, MaxMessageBytes));
        return new StatusPatch(items, NomadJobIndexStatus.Keys, IndexConflictShrinkable);
    }

    /// <summary>A NomadJob's index status read from its items.</summary>
    public static NomadJobIndexStatus DecodeNomadJobIndexStatus(IReadOnlyDictionary<string, string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new NomadJobIndexStatus(
            IndexedAt: ReadTime(items, ItemKeys.StatusIndexedAt),
            OrphanedAt: ReadTime(items, ItemKeys.StatusOrphanedAt),
            Conflict: Read(items, ItemKeys.StatusIndexConflict));
    }

    /// <summary>The spec items alone (every item without the <c>status_</c> prefix).</summary>
    public static IReadOnlyDictionary<string, string> SpecItems(IReadOnlyDictionary<string, string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Where(kv => !ItemKeys.IsStatus(kv.Key)).ToDictionary(StringComparer.Ordinal);
    }

    /// <summary>A time as written in status: <c>2026-11-25T17:35:38Z</c>; null stays null.</summary>
    public static string? FormatTime(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>A time read back from status (any RFC 3339 offset accepted); null when absent or unreadable.</summary>
    public static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    private static void Put(Dictionary<string, string> items, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            items[key] = value;
        }
    }

    private static void PutReady(Dictionary<string, string> items, ReadyState ready) => items[ItemKeys.StatusReady] = ready.ToString();

    private static string? FreeText(string? text, int maxBytes) =>
        text is null ? null : ItemBudget.Truncate(SecretRedactor.RedactUrls(text), maxBytes);

    private static string? FormatCount(int count) => count > 0 ? count.ToString(CultureInfo.InvariantCulture) : null;

    private static string? Read(IReadOnlyDictionary<string, string> items, string key) =>
        items.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    /// <summary>An object's <c>status_ready</c>: <c>True</c>, <c>False</c>, anything else (or none) Unknown.</summary>
    public static ReadyState ReadReady(IReadOnlyDictionary<string, string> items) => Read(items, ItemKeys.StatusReady) switch
    {
        "True" => ReadyState.True,
        "False" => ReadyState.False,
        _ => ReadyState.Unknown,
    };

    private static DateTimeOffset? ReadTime(IReadOnlyDictionary<string, string> items, string key) => ParseTime(Read(items, key));

    private static int ReadCount(IReadOnlyDictionary<string, string> items, string key) =>
        int.TryParse(Read(items, key), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;

    private static ulong? ReadUnsigned(IReadOnlyDictionary<string, string> items, string key) =>
        ulong.TryParse(Read(items, key), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string[] ReadList(IReadOnlyDictionary<string, string> items, string key)
    {
        if (Read(items, key) is not { } json)
        {
            return [];
        }

        try
        {
            return (JsonSerializer.Deserialize<string?[]>(json) ?? []).OfType<string>().Where(s => s.Length > 0).ToArray();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
