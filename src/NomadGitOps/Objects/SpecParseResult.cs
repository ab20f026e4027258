namespace NomadGitOps.Objects;

/// <summary>The outcome of reading spec items: the spec when they are valid, else every problem found.</summary>
/// <typeparam name="TSpec">The spec record.</typeparam>
/// <param name="Spec">The spec; null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Every problem, in item order; empty when the spec is valid.</param>
internal sealed record SpecParseResult<TSpec>(TSpec? Spec, IReadOnlyList<SpecError> Errors)
    where TSpec : class
{
    /// <summary>True when the items make a valid spec.</summary>
    public bool IsValid => Spec is not null && Errors.Count == 0;

    /// <summary>All problems in one message, for <c>status_message</c>; empty when valid.</summary>
    public string Describe() => string.Join("; ", Errors.Select(e => e.Message));
}
