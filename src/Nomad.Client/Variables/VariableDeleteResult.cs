namespace Nomad.Client;

/// <summary>Outcome of a variable delete: <see cref="Deleted"/> or, on a check-and-set miss, <see cref="Conflict"/>.</summary>
public abstract record VariableDeleteResult
{
    private VariableDeleteResult()
    {
    }

    /// <summary>Nomad deleted it, or it did not exist (deletes without <c>cas</c> or with <c>cas=0</c> are idempotent).</summary>
    public sealed record Deleted : VariableDeleteResult;

    /// <summary>The <c>cas</c> index did not match (409): <paramref name="Current"/> is the stored variable or the zero variable.</summary>
    public sealed record Conflict(Variable Current) : VariableDeleteResult;
}
