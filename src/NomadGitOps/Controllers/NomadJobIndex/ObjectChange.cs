namespace NomadGitOps.Controllers.NomadJobIndex;

/// <summary>What the index decided for one NomadJob object claimed by a repository's files.</summary>
/// <param name="Items">The object's items to write (spec and status together); null when nothing changes.</param>
/// <param name="SpecChanged">True when the object is created or its spec items change, so the NomadJob controller must look at it.</param>
/// <param name="Owned">True when this repository owns the object after the change (it goes in the inventory).</param>
/// <param name="Conflicted">True when some claim of this repository lost to another owner (the object goes in <c>status_index_conflicts</c>).</param>
/// <param name="Errors">Lines for the repository's <c>status_index_errors</c>.</param>
internal sealed record ObjectChange(
    IReadOnlyDictionary<string, string>? Items,
    bool SpecChanged,
    bool Owned,
    bool Conflicted,
    IReadOnlyList<string> Errors);
