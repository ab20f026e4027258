using NomadGitOps.Objects;

namespace NomadGitOps.Controllers;

/// <summary>
/// How a reconcile ended, Flux's vocabulary as a closed family. Each says what it means for <c>status_ready</c>,
/// for the failure count that drives backoff, and for when the object is looked at again.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>outcome</term><description>ready / retry</description></listheader>
/// <item><term><see cref="UpToDate"/></term><description>True / after the interval; failures reset to 0.</description></item>
/// <item><term><see cref="Waiting"/></term><description>Unknown / after its delay; failures unchanged.</description></item>
/// <item><term><see cref="Failed"/></term><description>False / after backoff; failures + 1.</description></item>
/// <item><term><see cref="Stalled"/></term><description>False / only when the spec changes; failures + 1.</description></item>
/// </list>
/// </remarks>
internal abstract record ReconcileOutcome : StepResult
{
    private protected ReconcileOutcome()
    {
    }

    /// <summary>The value for <c>status_ready</c>.</summary>
    public abstract ReadyState Ready { get; }

    /// <summary>The value for <c>status_reason</c>, one of <see cref="Reasons"/>.</summary>
    public abstract string Reason { get; }

    /// <summary>The value for <c>status_message</c> (redact before writing).</summary>
    public abstract string Message { get; }

    /// <summary>True when the one-off mode must exit non-zero for this outcome.</summary>
    public bool IsFailure => this is Failed or Stalled;

    /// <summary>The <c>status_consecutive_failures</c> after this outcome, given the one before.</summary>
    public abstract int ConsecutiveFailures(int previous);

    /// <summary>
    /// When to look at the object again: <paramref name="interval"/> (already spread by the engine) for up-to-date objects,
    /// <paramref name="backoff"/> after a failure, the outcome's own delay when waiting, null (on spec change only) when stalled.
    /// </summary>
    public abstract TimeSpan? RequeueAfter(TimeSpan interval, TimeSpan backoff);

    /// <summary>Nothing to do: the object is as Git wants it.</summary>
    /// <param name="Message">What was found, e.g. "Job web is at commit 3f2a1b0".</param>
    /// <param name="Reason">Usually <see cref="Reasons.Succeeded"/>.</param>
    internal sealed record UpToDate(string Message, string Reason = Reasons.Succeeded) : ReconcileOutcome
    {
        /// <inheritdoc/>
        public override ReadyState Ready => ReadyState.True;

        /// <inheritdoc/>
        public override string Reason { get; } = Reason;

        /// <inheritdoc/>
        public override string Message { get; } = Message;

        /// <inheritdoc/>
        public override int ConsecutiveFailures(int previous) => 0;

        /// <inheritdoc/>
        public override TimeSpan? RequeueAfter(TimeSpan interval, TimeSpan backoff) => interval;
    }

    /// <summary>Depends on something that is not ready yet (a repository without artifact, a deployment running).</summary>
    /// <param name="Reason">E.g. <see cref="Reasons.DependencyNotReady"/> or <see cref="Reasons.Progressing"/>.</param>
    /// <param name="Message">What is awaited.</param>
    /// <param name="After">When to look again.</param>
    internal sealed record Waiting(string Reason, string Message, TimeSpan After) : ReconcileOutcome
    {
        /// <inheritdoc/>
        public override ReadyState Ready => ReadyState.Unknown;

        /// <inheritdoc/>
        public override string Reason { get; } = Reason;

        /// <inheritdoc/>
        public override string Message { get; } = Message;

        /// <inheritdoc/>
        public override int ConsecutiveFailures(int previous) => previous;

        /// <inheritdoc/>
        public override TimeSpan? RequeueAfter(TimeSpan interval, TimeSpan backoff) => After;
    }

    /// <summary>A transient failure (Nomad 5xx, network, git remote down): retried with backoff.</summary>
    /// <param name="Reason">E.g. <see cref="Reasons.GitOperationFailed"/>.</param>
    /// <param name="Message">What failed, on which object, what to do.</param>
    /// <param name="Exception">The cause, for logs; never written to status.</param>
    internal sealed record Failed(string Reason, string Message, Exception? Exception = null) : ReconcileOutcome
    {
        /// <inheritdoc/>
        public override ReadyState Ready => ReadyState.False;

        /// <inheritdoc/>
        public override string Reason { get; } = Reason;

        /// <inheritdoc/>
        public override string Message { get; } = Message;

        /// <summary>
        /// The delay the controller drew and wrote to the object's <c>status_next_attempt_at</c>; when set the engine
        /// retries after it rather than drawing its own, so the status tells the truth. Null: the engine's backoff.
        /// </summary>
        public TimeSpan? RetryAfter { get; init; }

        /// <inheritdoc/>
        public override int ConsecutiveFailures(int previous) => previous + 1;

        /// <inheritdoc/>
        public override TimeSpan? RequeueAfter(TimeSpan interval, TimeSpan backoff) => RetryAfter ?? backoff;
    }

    /// <summary>A person must act (invalid spec, bad HCL, path escape, conflict): not retried until the spec changes.</summary>
    /// <param name="Reason">E.g. <see cref="Reasons.InvalidSpec"/>.</param>
    /// <param name="Message">What is wrong and what to change.</param>
    internal sealed record Stalled(string Reason, string Message) : ReconcileOutcome
    {
        /// <inheritdoc/>
        public override ReadyState Ready => ReadyState.False;

        /// <inheritdoc/>
        public override string Reason { get; } = Reason;

        /// <inheritdoc/>
        public override string Message { get; } = Message;

        /// <inheritdoc/>
        public override int ConsecutiveFailures(int previous) => previous + 1;

        /// <inheritdoc/>
        public override TimeSpan? RequeueAfter(TimeSpan interval, TimeSpan backoff) => null;
    }
}
