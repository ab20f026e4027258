using System.Text.Json.Nodes;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Sources;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// The job a NomadJob wants, as the controller registers it and <c>nomad-gitops diff</c> plans it: reads the job file
/// and the var files at the repository's commit (<see cref="ReadAsync"/>), then renders it and sets namespace, region and
/// the ownership meta (<see cref="Render"/>). Errors are thrown as they come (<see cref="GitException"/>,
/// <see cref="JobFileException"/>, <see cref="Nomad.Client.NomadApiException"/> from Nomad's parse endpoint), so each
/// caller maps them to its own answer.
/// </summary>
internal sealed class DesiredJobReader(GitCache git, JobFileParser parser)
{
    /// <summary>
    /// Reads <paramref name="spec"/>'s job file at <paramref name="commit"/> of <paramref name="repository"/> with the
    /// repository's then the object's var files and values (one HCL body: a variable set in both is an error).
    /// </summary>
    public async Task<JobFileInput> ReadAsync(GitRepositorySpec repository, NomadJobSpec spec, string commit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(spec);
        var artifact = git.Open(GitUrl.Parse(repository.Url), commit, repository.Timeout);
        var file = await artifact.ReadFileAsync(spec.File, ct).ConfigureAwait(false);
        var source = JobFileText.Of(file);
        var varFiles = new List<string>();
        var blobs = new List<string> { file.File.BlobId };
        foreach (var varFile in VarFiles(repository, spec))
        {
            var read = await artifact.ReadFileAsync(varFile, ct).ConfigureAwait(false);
            varFiles.Add(read.Text);
            blobs.Add(read.File.BlobId);
        }

        string?[] values = [repository.Variables, spec.Variables];
        var content = string.Join("\n", values.OfType<string>());
        return new JobFileInput(artifact, source, new JobFileVariables(content.Length == 0 ? null : content, varFiles), string.Join('\0', blobs));
    }

    /// <summary>
    /// The <see cref="JobFileInput.Contents"/> that <see cref="ReadAsync"/> would give at <paramref name="commit"/>, from
    /// the commit's tree alone (no file is read), or null when a file is missing there or the tree cannot be read (the
    /// reconcile then reads and reports it). Many NomadJobs of one repository asking about one new commit cost one
    /// <c>git ls-tree</c> in all.
    /// </summary>
    public async Task<string?> ContentsAsync(GitRepositorySpec repository, NomadJobSpec spec, string commit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(spec);
        try
        {
            var artifact = git.Open(GitUrl.Parse(repository.Url), commit, repository.Timeout);
            var blobs = new List<string>();
            foreach (var path in VarFiles(repository, spec).Prepend(spec.File))
            {
                if (await artifact.BlobIdAsync(path, ct).ConfigureAwait(false) is not { } blob)
                {
                    return null;
                }

                blobs.Add(blob);
            }

            return string.Join('\0', blobs);
        }
        catch (GitException)
        {
            return null;
        }
    }

    /// <summary>Parses <paramref name="input"/> (in process, Nomad's parse endpoint for what Nomad.Hcl refuses, or a checkout of the commit for a file that reads others).</summary>
    public Task<ParsedJobFile> ParseAsync(NomadJobSpec spec, JobFileInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(input);
        return parser.ParseAsync(spec.File, input.Source, input.Variables, input.Artifact, ct);
    }

    /// <summary>
    /// The job to register from <paramref name="parsed"/>: the object's namespace and region, and the ownership meta
    /// naming <paramref name="managedBy"/> and <paramref name="objectPath"/>.
    /// </summary>
    public static JsonObject Render(ParsedJobFile parsed, NomadJobSpec spec, string managedBy, string objectPath)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(spec);
        var desired = (JsonObject)parsed.Job.DeepClone();
        desired["Namespace"] = spec.Namespace;
        if (spec.Region is { } region)
        {
            desired["Region"] = region;
        }

        OwnershipMeta.Apply(desired, managedBy, objectPath, spec.Prune);
        return desired;
    }

    // The repository's var files, then the object's.
    private static IEnumerable<string> VarFiles(GitRepositorySpec repository, NomadJobSpec spec) => repository.VarFiles.Concat(spec.VarFiles);
}
