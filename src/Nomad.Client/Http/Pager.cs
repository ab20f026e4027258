namespace Nomad.Client;

/// <summary>Follows <c>X-Nomad-NextToken</c> across pages of a list endpoint.</summary>
internal static class Pager
{
    /// <summary>Calls <paramref name="page"/> until no next token is answered and concatenates the pages.</summary>
    public static async Task<QueryResult<IReadOnlyList<T>>> AllPagesAsync<T>(
        Func<QueryOptions?, CancellationToken, Task<QueryResult<IReadOnlyList<T>>>> page,
        QueryOptions? query,
        CancellationToken ct)
    {
        var items = new List<T>();
        var options = query ?? new QueryOptions();
        while (true)
        {
            var result = await page(options, ct).ConfigureAwait(false);
            items.AddRange(result.Value);
            if (result.NextToken is null)
            {
                return result with { Value = items, NextToken = null };
            }

            // Only the first page may block; later pages read what is there now.
            options = options with { NextToken = result.NextToken, Index = null, Wait = null };
        }
    }
}
