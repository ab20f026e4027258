namespace NomadGitOps.Controllers.NomadJobIndex;

/// <summary>A decision as written by <see cref="IndexWriter.WriteAsync"/>: whether the object was created.</summary>
/// <param name="Change">The decision.</param>
/// <param name="Created">True when the object did not exist before.</param>
internal sealed record AppliedChange(ObjectChange Change, bool Created);
