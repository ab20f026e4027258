namespace Nomad.Client;

/// <summary>Outcome of <c>lock-release</c>: <see cref="Released"/> or <see cref="Lost"/>.</summary>
public abstract record LockReleaseResult
{
    private LockReleaseResult()
    {
    }

    /// <summary>The lock is released; the variable stays, without a lock.</summary>
    public sealed record Released(Variable Variable) : LockReleaseResult;

    /// <summary>
    /// It was not ours to release: another ID holds it (409, <paramref name="Current"/> the zero variable), or there is
    /// no lock or no variable any more (Nomad answers 500 with that text; <paramref name="Current"/> null).
    /// </summary>
    public sealed record Lost(string Reason, Variable? Current) : LockReleaseResult;
}
