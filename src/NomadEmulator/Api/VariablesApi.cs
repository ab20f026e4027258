using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Nomad.Emulator.Acl;
using Nomad.Emulator.Http;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Api;

/// <summary>
/// <c>/v1/vars</c> and <c>/v1/var/:path</c> with CAS and locks, as <c>command/agent/variable_endpoint.go</c>
/// and <c>nomad/variables_endpoint.go</c> answer. The order of checks follows Nomad's: the HTTP handler
/// decodes the body and checks Items and <c>cas</c> (400), then the RPC authenticates (403), validates
/// (400) and applies (409 conflicts, 500 state errors).
/// </summary>
public static partial class VariablesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapGet("/v1/vars", (HttpRequest request, HttpResponse response, CancellationToken ct) => ListAsync(state, request, response, ct));
        app.MapMethods("/v1/vars", ["PUT", "POST", "DELETE", "PATCH"], () => NomadResults.Error(405, VariablesErrors.InvalidMethod));
        app.MapMethods("/v1/var/{**path}", ["PATCH", "OPTIONS"], () => NomadResults.Error(400, VariablesErrors.InvalidMethod));
        app.MapMethods("/v1/var/{**path}", ["GET", "PUT", "POST", "DELETE"], async (HttpRequest request, HttpResponse response, CancellationToken ct) =>
        {
            var path = (request.Path.Value ?? "")["/v1/var/".Length..];
            if (path.Length == 0)
            {
                return NomadResults.Error(400, VariablesErrors.MissingPath);
            }

            return request.Method switch
            {
                "GET" => await ReadAsync(state, request, response, path, ct).ConfigureAwait(false),
                "DELETE" => Delete(state, request, response, path),
                _ => await WriteAsync(state, request, response, path, ct).ConfigureAwait(false),
            };
        });
    }

    private static async Task<IResult> ListAsync(EmulatorState state, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var query = QueryOptions.Parse(request, out var error);
        if (error is not null)
        {
            return NomadResults.Error(400, error);
        }

        if (state.Acl.Resolve(request) is not { } acl)
        {
            return NomadResults.Error(403, AclErrors.PermissionDenied);
        }

        var filter = query.Filter is { } expression ? VariableFilter.Parse(expression, out error) : null;
        if (error is not null)
        {
            return NomadResults.Error(400, error);
        }

        // Only the snapshot is taken under the state lock; the filter, sort and page are made after it.
        var (all, index) = await BlockingQuery.RunAsync(
            state,
            query,
            () => Math.Max(1, state.Variables.TableIndex),
            state.Variables.Snapshot,
            ct).ConfigureAwait(false);
        var page = Page(VariablesTable.Select(all, query.Namespace, query.Prefix).Where(v => acl.AllowsVariable(v.Namespace, v.Path, "list") && (filter?.Allows(v) ?? true)), query, acl);
        if (page.NextToken is not null)
        {
            response.Headers["X-Nomad-NextToken"] = page.NextToken;
        }

        return NomadResults.Json(response, page.Items, index);
    }

    // The paginator (nomad/state/paginator): the token is "<namespace>.<path>" of the first item of the next
    // page; a page starts at the first item whose token is not below next_token.
    private static (List<VariableJson> Items, string? NextToken) Page(IEnumerable<StoredVariable> variables, QueryOptions query, AclIdentity acl)
    {
        var items = new List<VariableJson>();
        foreach (var v in variables)
        {
            var token = v.Namespace + "." + v.Path;
            if (query.NextToken is not null && string.CompareOrdinal(token, query.NextToken) < 0)
            {
                continue;
            }

            if (query.PerPage > 0 && items.Count == query.PerPage)
            {
                return (items, token);
            }

            items.Add(VariableJson.From(v, withLock: acl.IsManagement, withItems: false));
        }

        return (items, null);
    }

    private static async Task<IResult> ReadAsync(EmulatorState state, HttpRequest request, HttpResponse response, string path, CancellationToken ct)
    {
        var query = QueryOptions.Parse(request, out var error);
        if (error is not null)
        {
            return NomadResults.Error(400, error);
        }

        if (state.Acl.Resolve(request) is not { } acl || !acl.AllowsVariable(query.Namespace, path, "read"))
        {
            return NomadResults.Error(403, AclErrors.PermissionDenied);
        }

        // The index of a read is the variable's ModifyIndex; of a miss, the variables table's (floored at 1).
        var (variable, index) = await BlockingQuery.RunAsync(
            state,
            query,
            () => state.Variables.Get(query.Namespace, path) is { } v ? (v, v.ModifyIndex) : ((StoredVariable?)null, Math.Max(1, state.Variables.TableIndex)),
            ct).ConfigureAwait(false);
        if (variable is null)
        {
            NomadHeaders.SetMeta(response, index);
            return NomadResults.Error(404, VariablesErrors.NotFound);
        }

        return NomadResults.Json(response, VariableJson.From(variable, withLock: acl.IsManagement, withItems: true), index);
    }

    private static async Task<IResult> WriteAsync(EmulatorState state, HttpRequest request, HttpResponse response, string path, CancellationToken ct)
    {
        var operation = LockOperation(request.Query, out var operationError);
        if (operationError is not null)
        {
            return NomadResults.Error(400, operationError);
        }

        if (operation is not null && request.Query.ContainsKey("cas") && request.Query["cas"].ToString().Length > 0)
        {
            return NomadResults.Error(400, VariablesErrors.CasWithLock);
        }

        var (body, bodyError) = await VariableRequest.ReadAsync(request, ct).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return NomadResults.Error(400, bodyError);
        }

        var queryNamespace = QueryOptions.Parse(request, out _).Namespace;
        return operation switch
        {
            "lock-renew" => Renew(state, request, path, queryNamespace, body!),
            "lock-acquire" => Acquire(state, request, response, path, queryNamespace, body!),
            "lock-release" => Release(state, request, response, path, queryNamespace, body!),
            _ => Upsert(state, request, response, path, queryNamespace, body!),
        };
    }

    private static IResult Upsert(EmulatorState state, HttpRequest request, HttpResponse response, string path, string queryNamespace, VariableRequest body)
    {
        if (body.Items is not { Count: > 0 } items)
        {
            return NomadResults.Error(400, VariablesErrors.MissingItems);
        }

        if (!TryParseCas(request, out var cas, out var casError))
        {
            return NomadResults.Error(400, casError!);
        }

        var ns = body.Namespace is { Length: > 0 } n ? n : queryNamespace;
        if (state.Acl.Resolve(request) is not { } acl || !acl.AllowsVariable(ns, path, "write"))
        {
            return NomadResults.Error(403, AclErrors.PermissionDenied);
        }

        // canonicalizeAndValidate: a plain write may name a lock ID (to write a locked variable) but no TTL or delay.
        if (body.HasLock && (body.LockTtl != TimeSpan.Zero || body.LockDelay != TimeSpan.Zero))
        {
            return NomadResults.Error(400, VariablesErrors.LockOnVariableCreation);
        }

        var requestLock = body.HasLock ? CanonicalLock(body) : null;
        if (Validate(ns, path, items, lockInfo: null) is { } invalid)
        {
            return NomadResults.Error(400, VariablesErrors.RpcCoded400 + invalid);
        }

        var now = state.NowUnixNano();
        var result = state.Write(index => state.Variables.Set(ns, path, items, requestLock, cas, index, now));
        return Answer(response, result, acl, requestLock?.Id, isLockOperation: false);
    }

    private static IResult Delete(EmulatorState state, HttpRequest request, HttpResponse response, string path)
    {
        if (!TryParseCas(request, out var cas, out var casError))
        {
            return NomadResults.Error(400, casError!);
        }

        var ns = QueryOptions.Parse(request, out _).Namespace;
        if (state.Acl.Resolve(request) is not { } acl || !acl.AllowsVariable(ns, path, "destroy"))
        {
            return NomadResults.Error(403, AclErrors.PermissionDenied);
        }

        var result = state.Write(index => state.Variables.Delete(ns, path, cas, index));
        if (result.Outcome == VariableWriteOutcome.Ok)
        {
            NomadHeaders.SetIndex(response, result.Index);
            return Results.StatusCode(204);
        }

        return Answer(response, result, acl, lockId: null, isLockOperation: false);
    }

    private static IResult Acquire(EmulatorState state, HttpRequest request, HttpResponse response, string path, string queryNamespace, VariableRequest body)
    {
        var ns = body.Namespace is { Length: > 0 } n ? n : queryNamespace;
        if (state.Acl.Resolve(request) is not { } acl || !acl.AllowsVariable(ns, path, "write"))
        {
            return NomadResults.Error(403, AclErrors.PermissionDenied);
        }

        var lockInfo = CanonicalLock(body);
        var items = body.Items ?? new Dictionary<string, string>();
        if (Validate(ns, path, items, lockInfo) is { } invalid)
        {
            return NomadResults.Error(400, VariablesErrors.RpcCoded400 + invalid);
        }

        var now = state.NowUnixNano();
        var result = state.Write(index => state.Variables.Acquire(ns, path, items, lockInfo, index, now));
        if (result.Outcome == VariableWriteOutcome.Ok)
        {
            state.LockTimers.Start(ns, path, lockInfo);
        }

        return Answer(response, result, acl, lockInfo.Id, isLockOperation: true);
    }

    private static IResult Release(EmulatorState state, HttpRequest request, HttpResponse response, string path, string queryNamespace, VariableRequest body)
    {
        var ns = body.Namespace is { Length: > 0 } n ? n : queryNamespace;
        if (state.Acl.Resolve(request) is not { } acl || !acl.AllowsVariable(ns, path, "write"))
        {
            return NomadResults.Error(403, AclErrors.PermissionDenied);
        }

        if (!body.HasLock || body.LockId.Length == 0)
        {
            return NomadResults.Error(400, VariablesErrors.MissingLockInformation);
        }

        if (body.Items is not null)
        {
            return NomadResults.Error(400, VariablesErrors.ItemsOnRelease);
        }

        if (ValidatePath(path) is { } invalidPath)
        {
            return NomadResults.Error(400, invalidPath);
        }

        var result = state.Write(index => state.Variables.Release(ns, path, body.LockId, index));
        if (result.Outcome == VariableWriteOutcome.Ok)
        {
            state.LockTimers.Stop(body.LockId);
        }

        return Answer(response, result, acl, body.LockId, isLockOperation: true);
    }

    // nomad/variables_endpoint.go RenewLock: reads the variable, checks the lock ID, restarts the TTL timer.
    // The answer is the variable's metadata with its lock, and carries no index header.
    private static IResult Renew(EmulatorState state, HttpRequest request, string path, string ns, VariableRequest body)
    {
        if (state.Acl.Resolve(request) is not { } acl || !acl.AllowsVariable(ns, path, "write"))
        {
            return NomadResults.Error(403, AclErrors.PermissionDenied);
        }

        if (body.LockId.Length == 0)
        {
            return NomadResults.Error(500, VariablesErrors.MissingLockId);
        }

        var variable = state.Read(() => state.Variables.Get(ns, path));
        if (variable is null)
        {
            return NomadResults.Error(404, VariablesErrors.VariableDoesNotExist);
        }

        if (variable.Lock is null)
        {
            return NomadResults.Error(409, VariablesErrors.LockNotFound);
        }

        if (variable.Lock.Id != body.LockId || !state.LockTimers.Renew(variable.Lock))
        {
            return NomadResults.Error(409, VariablesErrors.VariableIsLocked);
        }

        return Results.Json(VariableJson.From(variable, withLock: true, withItems: false), NomadJson.Options);
    }

    // makeVariablesApplyResponse and the handlers' answers: the written variable (its lock shown to the lock
    // holder and to management), or 409 with the conflicting one (zero ones carry namespace and path only;
    // a caller who may not read gets no items), or the state store's error as a 500.
    // Index headers as the handlers set them: the write's index on success; on a conflict the conflicting
    // variable's ModifyIndex, except for lock operations, whose deferred setIndex runs after WriteHeader(409)
    // and so never reaches the client; on a state error the reply's empty index, 0.
    private static IResult Answer(HttpResponse response, VariableWriteResult result, AclIdentity acl, string? lockId, bool isLockOperation)
    {
        switch (result.Outcome)
        {
            case VariableWriteOutcome.Ok:
                NomadHeaders.SetIndex(response, result.Index);
                var written = result.Variable!;
                var showLock = acl.IsManagement || (written.Lock is not null && written.Lock.Id == lockId);
                return Results.Json(VariableJson.From(written, showLock, withItems: true), NomadJson.Options);
            case VariableWriteOutcome.Conflict:
                var current = result.Variable!;
                if (!isLockOperation)
                {
                    NomadHeaders.SetIndex(response, current.ModifyIndex);
                }

                var canRead = acl.AllowsVariable(current.Namespace, current.Path, "read");
                var conflict = current.CreateIndex == 0 ? StoredVariable.Zero(current.Namespace, current.Path) : current;
                return Results.Json(VariableJson.From(conflict, withLock: true, withItems: canRead), NomadJson.Options, statusCode: 409);
            default:
                NomadHeaders.SetIndex(response, 0);
                return NomadResults.Error(500, result.Error!);
        }
    }

    // VariableLock.Canonicalize: a random ID unless one was given, 15s TTL and delay unless set.
    private static StoredLock CanonicalLock(VariableRequest body) => new(
        body.LockId.Length > 0 ? body.LockId : Guid.NewGuid().ToString(),
        body.LockTtl == TimeSpan.Zero ? TimeSpan.FromSeconds(15) : body.LockTtl,
        body.LockDelay == TimeSpan.Zero ? TimeSpan.FromSeconds(15) : body.LockDelay);

    // VariableDecrypted.Validate / ValidateForLock, in their order.
    private static string? Validate(string ns, string path, IReadOnlyDictionary<string, string> items, StoredLock? lockInfo)
    {
        if (ns == "*")
        {
            return lockInfo is null ? VariablesErrors.WildcardNamespace : VariablesErrors.MultiError([VariablesErrors.WildcardNamespace]);
        }

        var size = items.Sum(kv => (long)Encoding.UTF8.GetByteCount(kv.Key) + Encoding.UTF8.GetByteCount(kv.Value));
        if (size > VariablesErrors.MaxSize)
        {
            return VariablesErrors.TooLarge;
        }

        if (ValidatePath(path) is { } invalidPath)
        {
            return invalidPath;
        }

        if (lockInfo is null)
        {
            return null;
        }

        var errors = new List<string>();
        if (lockInfo.LockDelay < TimeSpan.Zero || lockInfo.Ttl < TimeSpan.Zero)
        {
            errors.Add(VariablesErrors.NegativeDelayOrTtl);
        }

        if (lockInfo.Ttl > TimeSpan.FromHours(24) || lockInfo.Ttl < TimeSpan.FromSeconds(10))
        {
            errors.Add(VariablesErrors.InvalidTtl);
        }

        return errors.Count == 0 ? null : VariablesErrors.MultiError(errors);
    }

    // structs.ValidatePath.
    private static string? ValidatePath(string path)
    {
        if (!ValidPath().IsMatch(path))
        {
            return VariablesErrors.InvalidPath(path);
        }

        var parts = path.Split('/');
        if (parts[0] != "nomad")
        {
            return null;
        }

        return parts switch
        {
            [_] => VariablesErrors.NomadReserved,
            [_, "jobs" or "sentinel", ..] => null,
            [_, "job-templates", _] => null,
            [_, "job-templates", ..] => VariablesErrors.JobTemplatesReserved,
            _ => VariablesErrors.NomadOther,
        };
    }

    private static bool TryParseCas(HttpRequest request, out long? cas, out string? error)
    {
        cas = null;
        error = null;
        var text = request.Query["cas"].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            cas = (long)Math.Min(parsed, long.MaxValue);
            return true;
        }

        var outOfRange = text.All(char.IsAsciiDigit);
        error = VariablesErrors.CannotParseCas(text, outOfRange);
        return false;
    }

    // getLockOperation: at most one of lock-renew, lock-acquire, lock-release.
    private static string? LockOperation(IQueryCollection query, out string? error)
    {
        string[] operations = [.. LockOperations.Where(query.ContainsKey)];
        error = operations.Length > 1 ? VariablesErrors.MultipleLockOperations : null;
        return operations.Length == 1 ? operations[0] : null;
    }

    private static readonly string[] LockOperations = ["lock-renew", "lock-acquire", "lock-release"];

    [GeneratedRegex("^[a-zA-Z0-9-_~/]{1,128}$")]
    private static partial Regex ValidPath();
}
