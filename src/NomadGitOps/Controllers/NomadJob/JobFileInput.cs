using NomadGitOps.Rendering;
using NomadGitOps.Sources;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>A job file as read at a commit: the repository's files there, the file's text, and its variables.</summary>
/// <param name="Artifact">The repository at the commit (a checkout is made from it only for a file that reads others).</param>
/// <param name="Source">The job file's text.</param>
/// <param name="Variables">The repository's and the object's var files and values.</param>
/// <param name="Contents">
/// What the texts were read from: the blob ids of the job file and of each var file, in the order read
/// (<see cref="DesiredJobReader.ContentsAsync"/> gives the same key for another commit).
/// </param>
internal sealed record JobFileInput(Artifact Artifact, string Source, JobFileVariables Variables, string Contents);
