namespace Nomad.Emulator.State;

/// <summary>The lock a variable holds (<c>structs.VariableLock</c>): its ID, TTL and lock delay.</summary>
public sealed record StoredLock(string Id, TimeSpan Ttl, TimeSpan LockDelay);
