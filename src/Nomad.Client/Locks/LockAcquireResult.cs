namespace Nomad.Client;

/// <summary>Outcome of <c>lock-acquire</c>: <see cref="Acquired"/> or <see cref="HeldByOther"/>.</summary>
public abstract record LockAcquireResult
{
    private LockAcquireResult()
    {
    }

    /// <summary>The lock is ours; <paramref name="Variable"/>'s <c>Lock.ID</c> is the ID to renew and release with.</summary>
    public sealed record Acquired(Variable Variable) : LockAcquireResult
    {
        /// <summary>The lock ID Nomad gave us.</summary>
        public string LockId => Variable.Lock?.ID ?? "";
    }

    /// <summary>Someone else holds it, or it is in its lock delay (409 with the zero variable as body).</summary>
    public sealed record HeldByOther(Variable Current) : LockAcquireResult;
}
