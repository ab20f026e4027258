namespace Nomad.Emulator.State;

/// <summary>
/// One variable as the state store keeps it (<c>structs.VariableDecrypted</c>): its items, indexes,
/// Unix-nanosecond times and the lock it holds, if any.
/// </summary>
public sealed record StoredVariable(
    string Namespace,
    string Path,
    IReadOnlyDictionary<string, string> Items,
    long CreateIndex,
    long CreateTime,
    long ModifyIndex,
    long ModifyTime,
    StoredLock? Lock)
{
    /// <summary>The zero variable Nomad answers in a conflict when nothing (or nothing readable) is there.</summary>
    public static StoredVariable Zero(string ns, string path) =>
        new(ns, path, new Dictionary<string, string>(), 0, 0, 0, 0, null);
}
