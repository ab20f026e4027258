using NomadGitOps.Objects;

namespace NomadGitOps.Notifications;

/// <summary>What the notifier remembers of one object: its last version and whether it is failing (ready went False, not yet True again).</summary>
/// <param name="Object">The last version seen.</param>
/// <param name="Failing">True from a <c>status_ready=False</c> until a <c>True</c>; <c>Unknown</c> (waiting, progressing) keeps it.</param>
internal sealed record TrackedObject(StoredObject Object, bool Failing);
