namespace Nomad.Client;

/// <summary>Outcome of a variable put: <see cref="Written"/> or, on a check-and-set miss, <see cref="Conflict"/>.</summary>
public abstract record VariableWriteResult
{
    private VariableWriteResult()
    {
    }

    /// <summary>Nomad stored the variable; <paramref name="Variable"/> carries its new indexes.</summary>
    public sealed record Written(Variable Variable) : VariableWriteResult;

    /// <summary>
    /// The <c>cas</c> index did not match (409): <paramref name="Current"/> is the variable as stored now, or the
    /// zero variable (ModifyIndex 0, no items) when it does not exist.
    /// </summary>
    public sealed record Conflict(Variable Current) : VariableWriteResult;
}
