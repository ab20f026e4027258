namespace NomadGitOps.Objects;

/// <summary>The spec of a NomadJob: which file of which repository becomes which Nomad job, and how (DESIGN §1).</summary>
/// <param name="Repository">Name of the GitRepository holding the file.</param>
/// <param name="File">Path of the job file in the repository, normalized.</param>
/// <param name="JobId">The Nomad job ID.</param>
/// <param name="Namespace">The job's Nomad namespace.</param>
/// <param name="Region">The region to register in; null for the client's default.</param>
/// <param name="ManagedBy"><see cref="ManagedByIndex"/> when the index controller made the object; null for a hand-made one.</param>
/// <param name="Prune">True deregisters the job when its file or object vanishes.</param>
/// <param name="Suspend">True stops reconciling.</param>
/// <param name="CorrectDrift">True registers the job again when it drifted; false only reports drift.</param>
/// <param name="PreserveCounts">True keeps the live task-group counts (autoscaled jobs).</param>
/// <param name="Wait">True follows the deployment until it finishes.</param>
/// <param name="WaitTimeout">How long to follow the deployment.</param>
/// <param name="Variables">HCL2 variable values in var-file syntax; null for none.</param>
/// <param name="VarFiles">Var files in the repository, normalized.</param>
internal sealed record NomadJobSpec(
    string Repository,
    string File,
    string JobId,
    string Namespace,
    string? Region,
    string? ManagedBy,
    bool Prune,
    bool Suspend,
    bool CorrectDrift,
    bool PreserveCounts,
    bool Wait,
    TimeSpan WaitTimeout,
    string? Variables,
    IReadOnlyList<string> VarFiles)
{
    /// <summary>The <c>managed_by</c> value of objects the index controller made.</summary>
    public const string ManagedByIndex = "index";

    /// <summary>The namespace of a job that names none.</summary>
    public const string DefaultNamespace = "default";

    /// <summary>The default <c>wait_timeout</c>.</summary>
    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Every spec item a NomadJob may hold.</summary>
    public static IReadOnlySet<string> Keys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ItemKeys.Repository, ItemKeys.File, ItemKeys.JobId, ItemKeys.Namespace, ItemKeys.Region, ItemKeys.ManagedBy,
        ItemKeys.Prune, ItemKeys.Suspend, ItemKeys.CorrectDrift, ItemKeys.PreserveCounts, ItemKeys.Wait,
        ItemKeys.WaitTimeout, ItemKeys.Variables, ItemKeys.VarFiles, ItemKeys.ReconcileRequestedAt, ItemKeys.Description,
    };

    /// <summary>True when the index controller made and maintains this object.</summary>
    public bool IsManagedByIndex => ManagedBy == ManagedByIndex;

    /// <summary>
    /// Reads and validates the spec items of a NomadJob; status items are ignored. When <paramref name="key"/>
    /// is given (the key read from the object's path), <c>job_id</c> and <c>namespace</c> default to it and must agree with it.
    /// </summary>
    public static SpecParseResult<NomadJobSpec> Parse(IReadOnlyDictionary<string, string> items, ObjectKey? key = null)
    {
        if (key is not null && key.Kind != ObjectKind.NomadJob)
        {
            throw new ArgumentException($"{key} is not a NomadJob.", nameof(key));
        }

        var reader = new SpecReader(items, Keys);
        reader.ReportUnknownKeys();
        var repository = reader.Required(ItemKeys.Repository, "the name of the GitRepository holding the job file");
        var file = reader.Text(ItemKeys.File) is null
            ? reader.Required(ItemKeys.File, "the path of the job file in the repository, e.g. jobs/web.nomad.hcl")
            : reader.RepositoryPath(ItemKeys.File, "", mayBeRoot: false);

        // The job ID is taken exactly as written: Nomad job IDs may not hold spaces, so nothing to trim.
        var jobId = reader.RawText(ItemKeys.JobId) ?? key?.Name;
        if (jobId is null)
        {
            reader.Error(ItemKeys.JobId, "item \"job_id\" is missing: set it to the ID of the job the file defines");
        }
        else if (jobId.Contains(' ', StringComparison.Ordinal) || jobId.Contains('\0', StringComparison.Ordinal))
        {
            reader.Error(ItemKeys.JobId, $"item \"job_id\" is \"{jobId}\"; Nomad job IDs hold no spaces or null characters");
        }
        else if (key is not null && jobId != key.Name)
        {
            reader.Error(ItemKeys.JobId, $"item \"job_id\" is \"{jobId}\" but the object's path names job \"{key.Name}\": move the object or fix the item");
        }

        var ns = reader.NamespaceName(ItemKeys.Namespace) ?? key?.Namespace ?? DefaultNamespace;
        if (key is not null && ns != key.Namespace)
        {
            reader.Error(ItemKeys.Namespace, $"item \"namespace\" is \"{ns}\" but the object's path names namespace \"{key.Namespace}\": move the object or fix the item");
        }

        var region = reader.Text(ItemKeys.Region);
        var managedBy = reader.Text(ItemKeys.ManagedBy);
        if (managedBy is not null and not ManagedByIndex)
        {
            reader.Error(ItemKeys.ManagedBy, $"item \"managed_by\" is \"{managedBy}\"; the only value is \"index\" (objects the index made): remove it from a hand-made NomadJob");
        }

        var prune = reader.Bool(ItemKeys.Prune, false);
        var suspend = reader.Bool(ItemKeys.Suspend, false);
        var correctDrift = reader.Bool(ItemKeys.CorrectDrift, true);
        var preserveCounts = reader.Bool(ItemKeys.PreserveCounts, false);
        var wait = reader.Bool(ItemKeys.Wait, false);
        var waitTimeout = reader.Duration(ItemKeys.WaitTimeout, DefaultWaitTimeout, TimeSpan.FromSeconds(1));
        var variables = reader.RawText(ItemKeys.Variables);
        var varFiles = reader.RepositoryPaths(ItemKeys.VarFiles);

        if (reader.Errors.Count > 0 || jobId is null)
        {
            return new SpecParseResult<NomadJobSpec>(null, reader.Errors);
        }

        var spec = new NomadJobSpec(repository, file, jobId, ns, region, managedBy, prune, suspend, correctDrift, preserveCounts, wait, waitTimeout, variables, varFiles);
        return new SpecParseResult<NomadJobSpec>(spec, []);
    }

    /// <summary>The key of this object.</summary>
    public ObjectKey Key => ObjectKey.NomadJob(Namespace, JobId);
}
