namespace Nomad.Client;

/// <summary>
/// Per-call options of a read. <see cref="Index"/> (with <see cref="Wait"/>) makes it a blocking query that
/// Nomad holds until the data's index passes it; namespace and region override the client's.
/// </summary>
public sealed record QueryOptions
{
    /// <summary>Block until the data's index is greater than this (<c>index=</c>).</summary>
    public ulong? Index { get; init; }

    /// <summary>Longest time Nomad may hold a blocking query (<c>wait=</c>; Nomad's default 5m, max 10m).</summary>
    public TimeSpan? Wait { get; init; }

    /// <summary>Namespace (<c>*</c> for all, on lists); overrides the client's.</summary>
    public string? Namespace { get; init; }

    /// <summary>Region; overrides the client's.</summary>
    public string? Region { get; init; }

    /// <summary>Nomad filter expression (<c>filter=</c>).</summary>
    public string? Filter { get; init; }

    /// <summary>Path or ID prefix (<c>prefix=</c>).</summary>
    public string? Prefix { get; init; }

    /// <summary>Page size (<c>per_page=</c>).</summary>
    public int? PerPage { get; init; }

    /// <summary>Where a page starts (<c>next_token=</c>, from the previous page's <see cref="QueryResult{T}.NextToken"/>).</summary>
    public string? NextToken { get; init; }

    /// <summary>
    /// How long Nomad may hold this query: <see cref="Wait"/>, or Nomad's 5-minute default when only an
    /// index is given, plus the wait/16 of jitter Nomad adds (<c>nomad/rpc.go</c>, <c>blockingRPC</c>).
    /// </summary>
    internal TimeSpan BlockingAllowance()
    {
        if (Index is null or 0 && Wait is null)
        {
            return TimeSpan.Zero;
        }

        var wait = Wait ?? TimeSpan.FromMinutes(5);
        return wait + (wait / 16);
    }
}
