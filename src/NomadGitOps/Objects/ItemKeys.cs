namespace NomadGitOps.Objects;

/// <summary>
/// The item keys of objects, as they appear in <c>nomad var get</c>. Items without the
/// <see cref="StatusPrefix"/> are the spec (written by people or the index controller); items with it are
/// written by the controller.
/// </summary>
internal static class ItemKeys
{
    /// <summary>What every status item key starts with.</summary>
    public const string StatusPrefix = "status_";

    // Spec items shared by both kinds.

    /// <summary>Free text for people; ignored by the controller.</summary>
    public const string Description = "description";

    /// <summary>Any new value forces a reconcile (written by <c>nomad-gitops reconcile</c>).</summary>
    public const string ReconcileRequestedAt = "reconcile_requested_at";

    /// <summary><c>true</c> stops reconciling this object.</summary>
    public const string Suspend = "suspend";

    /// <summary><c>true</c> deregisters jobs whose files vanished.</summary>
    public const string Prune = "prune";

    /// <summary>The Nomad namespace (GitRepository: default for its jobs; NomadJob: the job's).</summary>
    public const string Namespace = "namespace";

    /// <summary>HCL2 variable values for the job files, in var-file syntax.</summary>
    public const string Variables = "variables";

    /// <summary>Var files in the repository, separated by commas or new lines.</summary>
    public const string VarFiles = "var_files";

    // GitRepository spec items.

    /// <summary>The repository URL (https, http, ssh, scp-like, git, file).</summary>
    public const string Url = "url";

    /// <summary>The branch to follow (default <c>main</c>).</summary>
    public const string Branch = "branch";

    /// <summary>A tag to pin.</summary>
    public const string Tag = "tag";

    /// <summary>A semver range over tags; the highest match is followed.</summary>
    public const string Semver = "semver";

    /// <summary>A full commit SHA to pin.</summary>
    public const string Commit = "commit";

    /// <summary>The folder of the repository to search for job files (default <c>.</c>).</summary>
    public const string Path = "path";

    /// <summary>Regular expression on file paths below <see cref="Path"/> selecting job files.</summary>
    public const string Include = "include";

    /// <summary>Regular expression on file paths below <see cref="Path"/> leaving files out.</summary>
    public const string Exclude = "exclude";

    /// <summary>How often to check the remote (Go duration, default <c>1m</c>).</summary>
    public const string Interval = "interval";

    /// <summary>Time limit of one git operation (Go duration, default <c>1m</c>).</summary>
    public const string Timeout = "timeout";

    /// <summary>Path of the variable holding credentials.</summary>
    public const string Secret = "secret";

    // NomadJob spec items.

    /// <summary>The GitRepository the job file comes from.</summary>
    public const string Repository = "repository";

    /// <summary>Path of the job file in the repository.</summary>
    public const string File = "file";

    /// <summary>The Nomad job ID (the truth even when the path is shortened).</summary>
    public const string JobId = "job_id";

    /// <summary>The Nomad region to register in.</summary>
    public const string Region = "region";

    /// <summary><c>index</c> when the index controller made the object.</summary>
    public const string ManagedBy = "managed_by";

    /// <summary><c>false</c> reports drift instead of correcting it (default <c>true</c>).</summary>
    public const string CorrectDrift = "correct_drift";

    /// <summary><c>true</c> keeps the live task-group counts (autoscaled jobs).</summary>
    public const string PreserveCounts = "preserve_counts";

    /// <summary><c>true</c> follows the deployment until it finishes.</summary>
    public const string Wait = "wait";

    /// <summary>How long to follow a deployment (Go duration, default <c>5m</c>).</summary>
    public const string WaitTimeout = "wait_timeout";

    // Receiver spec items.

    /// <summary>Which Git host signs the deliveries: <c>github</c>, <c>gitlab</c>, <c>gitea</c>, <c>bitbucket</c> or <c>generic</c>.</summary>
    public const string Type = "type";

    /// <summary>Event names the receiver acts on, separated by commas (defaults per type).</summary>
    public const string Events = "events";

    /// <summary>GitRepository names a receiver may trigger, separated by commas (default <c>*</c>: all).</summary>
    public const string Repositories = "repositories";

    /// <summary>The item of a receiver's secret variable that holds the shared webhook secret.</summary>
    public const string Token = "token";

    // Alert spec items (type, events, repositories, secret and suspend are shared with the Receiver).

    /// <summary>
    /// The URL an Alert posts to; or, in the variable an Alert's <c>secret</c> names, the item holding it (a Slack or Teams
    /// URL is a credential).
    /// </summary>
    public const string Address = "address";

    /// <summary>NomadJobs an Alert reports on: <c>namespace/job-id</c> or <c>job-id</c>, separated by commas (default <c>*</c>).</summary>
    public const string Jobs = "jobs";

    // Status items shared by both kinds.

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    public const string StatusReady = "status_ready";

    /// <summary>One of <see cref="Reasons"/>.</summary>
    public const string StatusReason = "status_reason";

    /// <summary>What happened, for people; capped in size.</summary>
    public const string StatusMessage = "status_message";

    /// <summary>Failures in a row since the last success.</summary>
    public const string StatusConsecutiveFailures = "status_consecutive_failures";

    /// <summary>When the controller means to look again (RFC 3339, UTC).</summary>
    public const string StatusNextAttemptAt = "status_next_attempt_at";

    /// <summary>The <see cref="SpecHash"/> of the spec items last reconciled.</summary>
    public const string StatusObservedSpec = "status_observed_spec";

    /// <summary>
    /// The <see cref="ReconcileRequestedAt"/> value the last reconcile handled, whatever its outcome; absent while the
    /// object has none. What <c>nomad-gitops reconcile</c> waits for after writing a new request.
    /// </summary>
    public const string StatusLastHandledReconcileAt = "status_last_handled_reconcile_at";

    // GitRepository status items.

    /// <summary>The commit the artifact holds.</summary>
    public const string StatusCurrentCommit = "status_current_commit";

    /// <summary>The first line of the current commit's message (for people; GitRepository only).</summary>
    public const string StatusCommitMessage = "status_commit_message";

    /// <summary>The ref that resolved to the commit (<c>refs/heads/main</c>, <c>refs/tags/v1.2.0</c>).</summary>
    public const string StatusCurrentRef = "status_current_ref";

    /// <summary>When <see cref="StatusReady"/> or the commit last changed.</summary>
    public const string StatusLastChangeAt = "status_last_change_at";

    /// <summary>The index's inventory: a JSON array of sorted <c>namespace/job-id</c> strings.</summary>
    public const string StatusIndexJobs = "status_index_jobs";

    /// <summary>
    /// How many NomadJobs the index made, written instead of <see cref="StatusIndexJobs"/> when the list would not fit
    /// its share of the variable; the inventory is then read from the NomadJob objects themselves.
    /// </summary>
    public const string StatusIndexJobCount = "status_index_job_count";

    /// <summary>The index's errors (malformed files, conflicts), one per line; capped in size.</summary>
    public const string StatusIndexErrors = "status_index_errors";

    /// <summary>The commit the index last went through.</summary>
    public const string StatusIndexedCommit = "status_indexed_commit";

    /// <summary>
    /// The NomadJobs this repository claims but another owner keeps (conflicts): a JSON array of sorted
    /// <c>namespace/job-id</c>, so the index can withdraw its notes from them when the claim goes away.
    /// </summary>
    public const string StatusIndexConflicts = "status_index_conflicts";

    // NomadJob status items.

    /// <summary>The commit last registered successfully.</summary>
    public const string StatusLastAppliedCommit = "status_last_applied_commit";

    /// <summary>The commit last tried.</summary>
    public const string StatusLastAttemptedCommit = "status_last_attempted_commit";

    /// <summary>When the job was last registered (RFC 3339, UTC).</summary>
    public const string StatusLastAppliedAt = "status_last_applied_at";

    /// <summary>Hash of the canonical job JSON last applied.</summary>
    public const string StatusSpecHash = "status_spec_hash";

    /// <summary>The live job's <c>JobModifyIndex</c> after our last apply.</summary>
    public const string StatusJobModifyIndex = "status_job_modify_index";

    /// <summary>The live job's <c>Version</c> after our last apply.</summary>
    public const string StatusJobVersion = "status_job_version";

    /// <summary>When <c>nomad-gitops restart job</c> last rolled the job's allocations (RFC 3339, UTC; owned by that verb).</summary>
    public const string StatusLastRestartAt = "status_last_restart_at";

    /// <summary>What that restart did: how many allocations of which job version were restarted (owned by that verb).</summary>
    public const string StatusLastRestart = "status_last_restart";

    /// <summary>The evaluation of the last register.</summary>
    public const string StatusEvalId = "status_eval_id";

    /// <summary>One-line summary of the last plan.</summary>
    public const string StatusPlan = "status_plan";

    /// <summary>The deployment of the last register.</summary>
    public const string StatusDeploymentId = "status_deployment_id";

    /// <summary>That deployment's status (<c>running</c>, <c>successful</c>, <c>failed</c>...).</summary>
    public const string StatusDeploymentStatus = "status_deployment_status";

    /// <summary>What drifted from Git, when drift is reported rather than corrected.</summary>
    public const string StatusDrift = "status_drift";

    /// <summary>When the index controller last wrote this object (owned by the index controller).</summary>
    public const string StatusIndexedAt = "status_indexed_at";

    /// <summary>
    /// When the index found this object's file gone from its repository while <c>prune</c> is off (owned by the index
    /// controller): the NomadJob controller stops applying it and leaves the job running. Absent while the file exists.
    /// </summary>
    public const string StatusOrphanedAt = "status_orphaned_at";

    /// <summary>
    /// Other files claiming this object's job ID and namespace, one line each, beginning <c>gitrepository/&lt;name&gt;: </c>
    /// (owned by the index controller; each repository's index writes only its own lines). The object stays with its owner.
    /// </summary>
    public const string StatusIndexConflict = "status_index_conflict";

    // Receiver status items.

    /// <summary>The receiver's hook path: <c>/hook/</c> and the hex SHA-256 of token, name and namespace.</summary>
    public const string StatusUrl = "status_url";

    /// <summary>When the receiver last took a delivery that verified (RFC 3339, UTC).</summary>
    public const string StatusLastDeliveryAt = "status_last_delivery_at";

    /// <summary>What that delivery was: event, ref, repository URL and the GitRepositories it triggered.</summary>
    public const string StatusLastDelivery = "status_last_delivery";

    // Alert status items.

    /// <summary>When the Alert last delivered a notification (RFC 3339, UTC).</summary>
    public const string StatusLastSentAt = "status_last_sent_at";

    /// <summary>Why the Alert's last delivery failed after its retries; absent once one succeeds.</summary>
    public const string StatusLastError = "status_last_error";

    /// <summary>True for keys of status items.</summary>
    public static bool IsStatus(string key) => key.StartsWith(StatusPrefix, StringComparison.Ordinal);
}
