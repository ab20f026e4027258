using System.Text.Json.Serialization;

namespace Nomad.Emulator.Api;

/// <summary>A variable's lock on the wire (<c>VariableLock.MarshalJSON</c>): Go duration strings, empty for zero.</summary>
public sealed record LockJson(
    [property: JsonPropertyName("TTL")] string Ttl,
    [property: JsonPropertyName("LockDelay")] string LockDelay,
    [property: JsonPropertyName("ID")] string Id);
