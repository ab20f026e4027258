using System.Text.Json.Serialization;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Api;

/// <summary>
/// A variable on the wire, in Nomad's field order (<c>structs.VariableDecrypted</c>): <c>Lock</c> and
/// <c>Items</c> are left out when empty (<c>omitempty</c>); list entries never carry Items.
/// </summary>
public sealed record VariableJson(
    string Namespace,
    string Path,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LockJson? Lock,
    long CreateIndex,
    long CreateTime,
    long ModifyIndex,
    long ModifyTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Items)
{
    /// <summary>The wire form of a stored variable, with or without its lock and items.</summary>
    public static VariableJson From(StoredVariable v, bool withLock, bool withItems) => new(
        v.Namespace,
        v.Path,
        withLock && v.Lock is { } l ? new LockJson(Format(l.Ttl), Format(l.LockDelay), l.Id) : null,
        v.CreateIndex,
        v.CreateTime,
        v.ModifyIndex,
        v.ModifyTime,
        withItems && v.Items.Count > 0 ? v.Items : null);

    private static string Format(TimeSpan value) => value == TimeSpan.Zero ? "" : GoDuration.Format(value);
}
