using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nomad.Emulator.State;

/// <summary>
/// One job in the jobs table: the current stored job (with its indexes and status), the versions Nomad keeps
/// (newest first, at most <see cref="JobsTable.TrackedVersions"/>) and the submitted source per version.
/// Mutated only under <see cref="EmulatorState.Sync"/>.
/// </summary>
public sealed class StoredJob(string ns, string id, JsonObject current)
{
    /// <summary>The job's namespace.</summary>
    public string Namespace { get; } = ns;

    /// <summary>The job's ID.</summary>
    public string ID { get; } = id;

    /// <summary>The job as <c>GET /v1/job/:id</c> returns it.</summary>
    public JsonObject Current { get; set; } = current;

    /// <summary>The job summary listed with the job's stub (allocations per group and state).</summary>
    public JsonObject Summary { get; set; } = [];

    // The last list stub made of this job, with what it was made from; see StubElement.
    private (long ModifyIndex, JsonObject Summary, bool WithMeta, JsonElement Stub)? _stub;

    /// <summary>
    /// The job's list stub as a JSON element, made by <paramref name="make"/> once per change: every write that changes
    /// the stored job moves its ModifyIndex or replaces its summary, so a stub made at the same ModifyIndex from the same
    /// summary is the same. A list of thousands of jobs thus copies no job under the lock (Nomad's reads do not block on
    /// one another either: its state store answers from a snapshot). Call under <see cref="EmulatorState.Sync"/>.
    /// </summary>
    public JsonElement StubElement(bool withMeta, Func<JsonElement> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        if (_stub is { } cached && cached.ModifyIndex == ModifyIndex && ReferenceEquals(cached.Summary, Summary) && cached.WithMeta == withMeta)
        {
            return cached.Stub;
        }

        var stub = make();
        _stub = (ModifyIndex, Summary, withMeta, stub);
        return stub;
    }

    /// <summary>Earlier and current versions, newest first.</summary>
    public List<JsonObject> Versions { get; } = [];

    /// <summary>The <c>Submission</c> (source) registered with each version that had one.</summary>
    public Dictionary<long, JsonObject> Submissions { get; } = [];

    /// <summary>The current version number.</summary>
    public long Version => Current[nameof(Version)]?.GetValue<long>() ?? 0;

    /// <summary>The current <c>ModifyIndex</c>.</summary>
    public long ModifyIndex => Current[nameof(ModifyIndex)]?.GetValue<long>() ?? 0;

    /// <summary>The current <c>JobModifyIndex</c>.</summary>
    public long JobModifyIndex => Current[nameof(JobModifyIndex)]?.GetValue<long>() ?? 0;
}
