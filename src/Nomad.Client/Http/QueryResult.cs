namespace Nomad.Client;

/// <summary>
/// A read's value with Nomad's query metadata: <see cref="LastIndex"/> (<c>X-Nomad-Index</c>, pass it as the
/// next blocking query's index), <see cref="KnownLeader"/>, <see cref="LastContact"/> and the next page's token.
/// </summary>
public sealed record QueryResult<T>(T Value, ulong LastIndex, bool KnownLeader, TimeSpan LastContact, string? NextToken);
