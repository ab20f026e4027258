using System.Globalization;
using System.Net.Http.Headers;

namespace Nomad.Client;

/// <summary>Nomad's response headers: <c>X-Nomad-Index</c>, <c>-KnownLeader</c>, <c>-LastContact</c> (ms), <c>-NextToken</c>.</summary>
internal sealed record QueryMeta(ulong LastIndex, bool KnownLeader, TimeSpan LastContact, string? NextToken)
{
    /// <summary>Reads the headers; missing or malformed ones read as zero / false / null.</summary>
    public static QueryMeta From(HttpResponseHeaders headers)
    {
        string? Header(string name) => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        _ = ulong.TryParse(Header("X-Nomad-Index"), NumberStyles.None, CultureInfo.InvariantCulture, out var index);
        _ = ulong.TryParse(Header("X-Nomad-LastContact"), NumberStyles.None, CultureInfo.InvariantCulture, out var lastContact);
        var next = Header("X-Nomad-NextToken");
        return new QueryMeta(
            index,
            Header("X-Nomad-KnownLeader") == "true",
            TimeSpan.FromMilliseconds(Math.Min(lastContact, (ulong)int.MaxValue)),
            string.IsNullOrEmpty(next) ? null : next);
    }

    /// <summary>Pairs a value with this metadata.</summary>
    public QueryResult<T> With<T>(T value) => new(value, LastIndex, KnownLeader, LastContact, NextToken);
}
