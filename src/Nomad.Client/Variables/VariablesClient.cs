using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Nomad.Client;

/// <summary>
/// Nomad's variables API (<c>/v1/vars</c>, <c>/v1/var/:path</c>): list, read, check-and-set put and delete,
/// and variable locks. CAS and lock conflicts come back as typed results, not exceptions.
/// </summary>
public sealed class VariablesClient
{
    private static readonly HashSet<HttpStatusCode> NotFound = [HttpStatusCode.NotFound];
    private static readonly HashSet<HttpStatusCode> ConflictOnly = [HttpStatusCode.Conflict];
    private static readonly HashSet<HttpStatusCode> ConflictOrNotFound = [HttpStatusCode.Conflict, HttpStatusCode.NotFound];

    private readonly NomadTransport _transport;

    internal VariablesClient(NomadTransport transport) => _transport = transport;

    /// <summary>One page of variable metadata (<c>GET /v1/vars</c>); <c>NextToken</c> is set when more pages follow. Blocking.</summary>
    public async Task<QueryResult<IReadOnlyList<VariableMetadata>>> ListAsync(QueryOptions? query = null, CancellationToken ct = default)
    {
        var response = await _transport.ReadAsync<List<VariableMetadata>>(
            new NomadRequest(HttpMethod.Get, "/v1/vars") { Query = _transport.ReadParameters(query), BlockingAllowance = query?.BlockingAllowance() ?? TimeSpan.Zero },
            ct).ConfigureAwait(false);
        return response.Meta.With<IReadOnlyList<VariableMetadata>>(response.Value ?? []);
    }

    /// <summary>Every page of variable metadata, following <c>X-Nomad-NextToken</c>; the metadata is the last page's.</summary>
    public Task<QueryResult<IReadOnlyList<VariableMetadata>>> ListAllAsync(QueryOptions? query = null, CancellationToken ct = default) =>
        Pager.AllPagesAsync(ListAsync, query, ct);

    /// <summary>Reads a variable (<c>GET /v1/var/:path</c>); the value is null when it does not exist. Blocking.</summary>
    public async Task<QueryResult<Variable?>> ReadAsync(string path, QueryOptions? query = null, CancellationToken ct = default)
    {
        var response = await _transport.ReadAsync<Variable>(
            new NomadRequest(HttpMethod.Get, NomadPath.Variable(path))
            {
                Query = _transport.ReadParameters(query),
                Expected = NotFound,
                BlockingAllowance = query?.BlockingAllowance() ?? TimeSpan.Zero,
            },
            ct).ConfigureAwait(false);
        return response.Meta.With(response.StatusCode == HttpStatusCode.NotFound ? null : response.Value);
    }

    /// <summary>
    /// Writes a variable (<c>PUT /v1/var/:path</c>). With <paramref name="cas"/> it is a check-and-set: 0 creates only,
    /// N updates only if the stored ModifyIndex is N; a miss is <see cref="VariableWriteResult.Conflict"/>.
    /// </summary>
    public async Task<VariableWriteResult> PutAsync(Variable variable, ulong? cas = null, WriteOptions? write = null, CancellationToken ct = default)
    {
        var query = _transport.WriteParameters(write, NonEmpty(variable.Namespace));
        if (cas is { } index)
        {
            query.Add(new("cas", index.ToString(CultureInfo.InvariantCulture)));
        }

        var response = await _transport.SendAsync(
            new NomadRequest(HttpMethod.Put, NomadPath.Variable(variable.Path)) { Query = query, Body = Body(variable), Expected = ConflictOnly },
            ct).ConfigureAwait(false);
        var answered = NomadJson.Read<Variable>(response.Body) ?? new Variable { Path = variable.Path };
        return response.StatusCode == HttpStatusCode.Conflict
            ? new VariableWriteResult.Conflict(answered)
            : new VariableWriteResult.Written(answered);
    }

    /// <summary>
    /// Deletes a variable (<c>DELETE /v1/var/:path</c>), optionally only if its ModifyIndex is <paramref name="cas"/>;
    /// a miss is <see cref="VariableDeleteResult.Conflict"/>. Deleting a missing variable without a cas succeeds.
    /// </summary>
    public async Task<VariableDeleteResult> DeleteAsync(string path, ulong? cas = null, WriteOptions? write = null, CancellationToken ct = default)
    {
        var query = _transport.WriteParameters(write);
        if (cas is { } index)
        {
            query.Add(new("cas", index.ToString(CultureInfo.InvariantCulture)));
        }

        var response = await _transport.SendAsync(
            new NomadRequest(HttpMethod.Delete, NomadPath.Variable(path)) { Query = query, Expected = ConflictOnly },
            ct).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.Conflict
            ? new VariableDeleteResult.Conflict(NomadJson.Read<Variable>(response.Body) ?? new Variable { Path = path })
            : new VariableDeleteResult.Deleted();
    }

    /// <summary>
    /// Acquires the lock on a variable, creating it if needed (<c>PUT /v1/var/:path?lock-acquire</c>); the items, if
    /// given, are written with it. Someone else holding it is <see cref="LockAcquireResult.HeldByOther"/>.
    /// </summary>
    public async Task<LockAcquireResult> AcquireLockAsync(
        string path,
        TimeSpan ttl,
        TimeSpan lockDelay,
        IReadOnlyDictionary<string, string>? items = null,
        WriteOptions? write = null,
        CancellationToken ct = default)
    {
        var variable = new Variable
        {
            Path = path,
            Items = items,
            Lock = new VariableLock { TTL = GoDuration.Format(ttl), LockDelay = GoDuration.Format(lockDelay) },
        };
        var response = await SendLockAsync(variable, "lock-acquire", ConflictOnly, write, ct).ConfigureAwait(false);
        var answered = NomadJson.Read<Variable>(response.Body) ?? new Variable { Path = path };
        return response.StatusCode == HttpStatusCode.Conflict
            ? new LockAcquireResult.HeldByOther(answered)
            : new LockAcquireResult.Acquired(answered);
    }

    /// <summary>Renews our lock (<c>lock-renew</c>); a lock that is no longer ours is <see cref="LockRenewResult.Lost"/>.</summary>
    public async Task<LockRenewResult> RenewLockAsync(string path, string lockId, WriteOptions? write = null, CancellationToken ct = default)
    {
        var variable = new Variable { Path = path, Lock = new VariableLock { ID = lockId } };
        var response = await SendLockAsync(variable, "lock-renew", ConflictOrNotFound, write, ct).ConfigureAwait(false);
        return response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound
            ? new LockRenewResult.Lost(response.Body.Trim())
            : new LockRenewResult.Renewed(NomadJson.Read<VariableMetadata>(response.Body) ?? new VariableMetadata { Path = path });
    }

    /// <summary>Releases our lock (<c>lock-release</c>); a lock that is no longer ours is <see cref="LockReleaseResult.Lost"/>.</summary>
    public async Task<LockReleaseResult> ReleaseLockAsync(string path, string lockId, WriteOptions? write = null, CancellationToken ct = default)
    {
        var variable = new Variable { Path = path, Lock = new VariableLock { ID = lockId } };
        try
        {
            var response = await SendLockAsync(variable, "lock-release", ConflictOnly, write, ct).ConfigureAwait(false);
            var answered = NomadJson.Read<Variable>(response.Body) ?? new Variable { Path = path };
            return response.StatusCode == HttpStatusCode.Conflict
                ? new LockReleaseResult.Lost("lock held by another ID", answered)
                : new LockReleaseResult.Released(answered);
        }
        catch (NomadApiException e) when (e.StatusCode == HttpStatusCode.InternalServerError
            && (e.NomadMessage.Contains("doesn't hold a lock", StringComparison.Ordinal) || e.NomadMessage.Contains("doesn't exist", StringComparison.Ordinal)))
        {
            return new LockReleaseResult.Lost(e.NomadMessage, null);
        }
    }

    private Task<NomadResponse> SendLockAsync(Variable variable, string operation, IReadOnlySet<HttpStatusCode> expected, WriteOptions? write, CancellationToken ct)
    {
        var query = _transport.WriteParameters(write);
        query.Add(new(operation, null));
        return _transport.SendAsync(
            new NomadRequest(HttpMethod.Put, NomadPath.Variable(variable.Path)) { Query = query, Body = Body(variable), Expected = expected },
            ct);
    }

    private static JsonObject Body(Variable variable)
    {
        var body = new JsonObject
        {
            ["Namespace"] = NonEmpty(variable.Namespace),
            ["Path"] = variable.Path.Trim('/'),
            ["Items"] = NomadJson.ToNode(variable.Items),
        };
        if (variable.Lock is { } lockInfo)
        {
            body["Lock"] = NomadJson.ToNode(lockInfo);
        }

        if (body["Namespace"] is null)
        {
            body.Remove("Namespace");
        }

        if (body["Items"] is null)
        {
            body.Remove("Items");
        }

        return body;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
