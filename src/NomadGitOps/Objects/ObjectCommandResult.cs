namespace NomadGitOps.Objects;

/// <summary>
/// The answer of one <see cref="ObjectCommands"/> action: what happened, to which variable, a sentence for people,
/// and the items as they stand afterwards (empty when the variable does not exist, or no longer does).
/// </summary>
/// <param name="Outcome">Written, unchanged or not found.</param>
/// <param name="Path">The variable path acted on.</param>
/// <param name="Message">What happened, naming the object, for a terminal or an HTTP answer.</param>
/// <param name="Items">The variable's items after the action.</param>
/// <param name="RequestedAt">For a reconcile request: the <c>reconcile_requested_at</c> value written, to wait on.</param>
internal sealed record ObjectCommandResult(
    ObjectCommandOutcome Outcome,
    string Path,
    string Message,
    IReadOnlyDictionary<string, string> Items,
    string? RequestedAt = null);
