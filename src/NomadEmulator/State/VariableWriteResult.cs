namespace Nomad.Emulator.State;

/// <summary>What a variable write did (<c>structs.VarOpResult</c>): ok, conflict or error.</summary>
public enum VariableWriteOutcome
{
    /// <summary>Written (or a no-op delete).</summary>
    Ok,

    /// <summary>A CAS or lock check failed; <see cref="VariableWriteResult.Variable"/> is the conflicting variable.</summary>
    Conflict,

    /// <summary>The state store refused with <see cref="VariableWriteResult.Error"/>.</summary>
    Error,
}

/// <summary>The answer of one variable write: the outcome, the variable written or in conflict, and the index used.</summary>
public sealed record VariableWriteResult(VariableWriteOutcome Outcome, StoredVariable? Variable, string? Error, long Index);
