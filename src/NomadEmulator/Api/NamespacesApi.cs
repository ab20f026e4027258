using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Nomad.Emulator.Acl;
using Nomad.Emulator.Http;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Api;

/// <summary>
/// <c>/v1/namespaces</c> and <c>/v1/namespace/:name</c> (<c>command/agent/namespace_endpoint.go</c>,
/// <c>nomad/namespace_endpoint.go</c>): list and read filtered by the token's namespace access, writes
/// for management tokens only.
/// </summary>
public static class NamespacesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapGet("/v1/namespaces", (HttpRequest request, HttpResponse response) =>
        {
            if (state.Acl.Resolve(request) is not { } acl)
            {
                return NomadResults.Error(403, AclErrors.PermissionDenied);
            }

            var (list, index) = state.Read(() => (state.Namespaces.List(), state.Namespaces.TableIndex));
            return NomadResults.Json(response, list.Where(n => acl.AllowsAnyInNamespace(n.Name)).Select(ToJson).ToList(), index);
        });

        app.MapGet("/v1/namespace/{name}", (string name, HttpRequest request, HttpResponse response) =>
        {
            if (state.Acl.Resolve(request) is not { } acl || !acl.AllowsAnyInNamespace(name))
            {
                return NomadResults.Error(403, AclErrors.PermissionDenied);
            }

            var (ns, index) = state.Read(() => (state.Namespaces.Get(name), state.Namespaces.TableIndex));
            if (ns is null)
            {
                NomadHeaders.SetMeta(response, index);
                return NomadResults.Error(404, NamespacesErrors.NotFound);
            }

            return NomadResults.Json(response, ToJson(ns), ns.ModifyIndex);
        });

        app.MapMethods("/v1/namespace/{name}", ["PUT", "POST"], async (string name, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        {
            var (body, error) = await NomadResults.ReadBodyAsync<NamespaceBody>(request, ct).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            if (body!.Name != name)
            {
                return NomadResults.Error(400, NamespacesErrors.NameMismatch);
            }

            if (state.Acl.Resolve(request) is not { IsManagement: true })
            {
                return NomadResults.Error(403, AclErrors.PermissionDenied);
            }

            var stored = state.Write(index => state.Namespaces.Upsert(name, body.Description ?? "", body.Meta ?? [], index));
            NomadHeaders.SetIndex(response, stored.ModifyIndex);
            return Results.Ok();
        });

        app.MapDelete("/v1/namespace/{name}", (string name, HttpRequest request, HttpResponse response) =>
        {
            if (state.Acl.Resolve(request) is not { IsManagement: true })
            {
                return NomadResults.Error(403, AclErrors.PermissionDenied);
            }

            var (failure, index) = state.Write(index =>
                (state.Namespaces.Delete(name, index, state.Variables.List(name, "").Count > 0, state.Options.Region), index));
            NomadHeaders.SetIndex(response, index);
            return failure is null ? Results.Ok() : NomadResults.Error(500, failure);
        });
    }

    private static object ToJson(StoredNamespace ns) => new
    {
        ns.Name,
        ns.Description,
        Quota = "",
        ns.Meta,
        ns.CreateIndex,
        ns.ModifyIndex,
    };
}
