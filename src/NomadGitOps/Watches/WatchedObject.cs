using NomadGitOps.Objects;

namespace NomadGitOps.Watches;

/// <summary>What the prefix watcher last saw of one variable under the prefix.</summary>
/// <param name="Key">The object it holds; null for a variable that is no object (the leader lock, the controller variable, others).</param>
/// <param name="ModifyIndex">The variable's ModifyIndex when its items were last read.</param>
/// <param name="SpecHash">The <see cref="Objects.SpecHash"/> of its items (status items left out).</param>
/// <param name="Interval">Its own <c>interval</c> item, when it has a valid one.</param>
/// <param name="ConsecutiveFailures">Its <c>status_consecutive_failures</c> when read, so backoff survives restarts.</param>
internal sealed record WatchedObject(ObjectKey? Key, ulong ModifyIndex, string SpecHash, TimeSpan? Interval, int ConsecutiveFailures);
