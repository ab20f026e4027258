namespace Nomad.Client;

/// <summary>Outcome of <c>lock-renew</c>: <see cref="Renewed"/> or <see cref="Lost"/>.</summary>
public abstract record LockRenewResult
{
    private LockRenewResult()
    {
    }

    /// <summary>The lease is extended; Nomad answers the variable's metadata.</summary>
    public sealed record Renewed(VariableMetadata Metadata) : LockRenewResult;

    /// <summary>
    /// The lock is no longer ours: another ID holds it or ours expired (409), the variable holds no lock (409),
    /// or the variable is gone (404). <paramref name="Reason"/> is Nomad's text.
    /// </summary>
    public sealed record Lost(string Reason) : LockRenewResult;
}
