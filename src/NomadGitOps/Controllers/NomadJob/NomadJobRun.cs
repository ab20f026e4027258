using System.Text.Json.Nodes;
using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>The facts one reconcile of a NomadJob has found so far; the steps fill it in, the status summary reads it.</summary>
internal sealed class NomadJobRun(StoredObject stored, NomadJobSpec spec, NomadJobStatus previous, string objectPath)
{
    private const string JobModifyIndexField = "JobModifyIndex";

    /// <summary>The object as loaded.</summary>
    public StoredObject Stored { get; } = stored;

    /// <summary>Its spec.</summary>
    public NomadJobSpec Spec { get; } = spec;

    /// <summary>The status stored before this reconcile.</summary>
    public NomadJobStatus Previous { get; } = previous;

    /// <summary>The object's variable path (the <c>gitops_object</c> meta).</summary>
    public string ObjectPath { get; } = objectPath;

    /// <summary>The GitRepository object, once read; null when it does not exist.</summary>
    public StoredObject? RepositoryObject { get; set; }

    /// <summary>The GitRepository's spec, once read.</summary>
    public GitRepositorySpec? Repository { get; set; }

    /// <summary>The commit the repository serves (<c>status_current_commit</c>).</summary>
    public string? Commit { get; set; }

    /// <summary>The job file, its variables and the repository's files at <see cref="Commit"/>.</summary>
    public JobFileInput? Input { get; set; }

    /// <summary>The parsed job file.</summary>
    public ParsedJobFile? Parsed { get; set; }

    /// <summary>The job as Git wants it, with ownership meta.</summary>
    public JsonObject? Desired { get; set; }

    /// <summary><see cref="JobSpecHash"/> of <see cref="Desired"/>.</summary>
    public string? DesiredHash { get; set; }

    /// <summary>The live job; null when it does not exist (never registered, or purged).</summary>
    public JsonObject? Live { get; set; }

    /// <summary>What drifted from what we last applied (changed, stopped, purged); null when nothing did.</summary>
    public string? Drift { get; set; }

    /// <summary>True when drift was found and is being corrected by this reconcile.</summary>
    public bool CorrectingDrift { get; set; }

    /// <summary>
    /// True when desired hash and live JobModifyIndex equal what status recorded, so nothing was planned: a fact for the
    /// status summary (it keeps the message of the apply); no step reads it to skip itself.
    /// </summary>
    public bool Unchanged { get; set; }

    /// <summary>The last plan's answer.</summary>
    public JobPlanResponse? Plan { get; set; }

    /// <summary>One-line summary of <see cref="Plan"/>.</summary>
    public string? PlanSummary { get; set; }

    /// <summary>How many plans this reconcile made (enforce-index races plan again).</summary>
    public int Plans { get; set; }

    /// <summary>True when the plan showed no change and nothing was registered.</summary>
    public bool PlanUnchanged { get; set; }

    /// <summary>True when this reconcile registered a new job version.</summary>
    public bool Registered { get; set; }

    /// <summary>The register's evaluation.</summary>
    public string? EvalId { get; set; }

    /// <summary>The live job's JobModifyIndex after this reconcile (applied, or found equal to Git).</summary>
    public ulong? JobModifyIndex { get; set; }

    /// <summary>The live job's version after this reconcile.</summary>
    public ulong? JobVersion { get; set; }

    /// <summary>The deployment of the registered version, when followed.</summary>
    public Deployment? Deployment { get; set; }

    /// <summary>True when the job was deregistered because the object was orphaned with prune on.</summary>
    public bool Pruned { get; set; }

    /// <summary>
    /// True when the object holds a <c>reconcile_requested_at</c> its last reconcile did not handle: the job is planned
    /// (and registered when the plan shows a change) even when the hash and the live index are unchanged.
    /// </summary>
    public bool ReconcileRequested => ReconcileRequest.IsPending(Stored.Items, Previous.LastHandledReconcileAt);

    /// <summary>
    /// True when the object's spec items differ from those the last reconcile saw (<c>status_observed_spec</c>): with a
    /// failed release, a changed object is tried once more.
    /// </summary>
    public bool ObjectChanged => SpecHash.Of(Stored.Items) != Previous.ObservedSpec;

    /// <summary>Our release whose deployment failed (rolled back by Nomad or not), when this reconcile found one.</summary>
    public FailedRelease? FailedRelease { get; set; }

    /// <summary>The live job's <c>JobModifyIndex</c>, or null when there is no live job.</summary>
    public ulong? LiveJobModifyIndex => Live?[JobModifyIndexField]?.GetValue<ulong>();

    /// <summary>True when the live job exists and is stopped.</summary>
    public bool LiveStopped => Live?["Stop"] is JsonValue stop && stop.TryGetValue<bool>(out var stopped) && stopped;

    /// <summary>The live job's version, or null.</summary>
    public ulong? LiveVersion => Live?["Version"]?.GetValue<ulong>();

    /// <summary>Short name of the commit, for messages.</summary>
    public string ShortCommit => Commit is { Length: > 12 } c ? c[..12] : Commit ?? "(none)";

    /// <summary>Names the job for messages: <c>job "web" in namespace "default"</c>.</summary>
    public string JobName => $"job \"{Spec.JobId}\" in namespace \"{Spec.Namespace}\"";
}
