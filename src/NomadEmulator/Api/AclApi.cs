using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Nomad.Emulator.Acl;
using Nomad.Emulator.Http;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Api;

/// <summary>
/// ACL policies and tokens (<c>command/agent/acl_endpoint.go</c>, <c>nomad/acl_endpoint.go</c>): writes
/// and lists need a management token; <c>/v1/acl/token/self</c> answers any valid token. With ACLs off
/// every endpoint answers <c>400 ACL support disabled</c>.
/// </summary>
public static class AclApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapGet("/v1/acl/policies", (HttpRequest request, HttpResponse response) =>
            Guard(state, request) ?? NomadResults.Json(
                response,
                state.Acl.Policies().Select(p => new { p.Name, p.Description, p.CreateIndex, p.ModifyIndex }).ToList(),
                state.Index.Current));

        app.MapGet("/v1/acl/policy/{name}", (string name, HttpRequest request, HttpResponse response) =>
        {
            if (Guard(state, request) is { } denied)
            {
                return denied;
            }

            return state.Acl.Policy(name) is { } p
                ? NomadResults.Json(response, new { p.Name, p.Description, p.Rules, JobACL = p.JobAcl, p.CreateIndex, p.ModifyIndex }, p.ModifyIndex)
                : NomadResults.Error(404, AclErrors.PolicyNotFound);
        });

        app.MapMethods("/v1/acl/policy/{name}", ["PUT", "POST"], async (string name, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        {
            var (body, error) = await NomadResults.ReadBodyAsync<PolicyBody>(request, ct).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            if (body!.Name != name)
            {
                return NomadResults.Error(400, AclErrors.PolicyNameMismatch);
            }

            if (Guard(state, request) is { } denied)
            {
                return denied;
            }

            IReadOnlyList<NamespaceRule> rules;
            try
            {
                rules = PolicyParser.Parse(body.Rules ?? "");
            }
            catch (FormatException e)
            {
                return NomadResults.Error(400, AclErrors.PolicyInvalid(e.Message));
            }

            var index = state.Write(index =>
            {
                state.Acl.PutPolicy(new AclPolicy(name, body.Description ?? "", body.Rules ?? "", rules, index, index, body.JobACL));
                return index;
            });
            NomadHeaders.SetIndex(response, index);
            return Results.Ok();
        });

        app.MapDelete("/v1/acl/policy/{name}", (string name, HttpRequest request, HttpResponse response) =>
        {
            if (Guard(state, request) is { } denied)
            {
                return denied;
            }

            var index = state.Write(index =>
            {
                state.Acl.DeletePolicy(name);
                return index;
            });
            NomadHeaders.SetIndex(response, index);
            return Results.Ok();
        });

        app.MapGet("/v1/acl/tokens", (HttpRequest request, HttpResponse response) =>
            Guard(state, request) ?? NomadResults.Json(response, state.Acl.Tokens().Select(Stub).ToList(), state.Index.Current));

        app.MapMethods("/v1/acl/token", ["PUT", "POST"], async (HttpRequest request, HttpResponse response, CancellationToken ct) =>
        {
            var (body, error) = await NomadResults.ReadBodyAsync<TokenBody>(request, ct).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            if (Guard(state, request) is { } denied)
            {
                return denied;
            }

            var type = body!.Type is { Length: > 0 } t ? t : "client";
            var policies = body.Policies ?? [];
            var invalid = type switch
            {
                "client" when policies.Count == 0 => "client token missing policies or roles",
                "management" when policies.Count > 0 => "management token cannot be associated with policies or roles",
                "client" or "management" => null,
                _ => "token type must be client or management",
            };
            if (invalid is not null)
            {
                return NomadResults.Error(400, AclErrors.TokenInvalid(invalid));
            }

            var token = state.Write(index =>
            {
                var created = new AclToken(
                    Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), body.Name ?? "", type, policies, state.Clock.GetUtcNow(), index, index);
                state.Acl.PutToken(created);
                return created;
            });
            NomadHeaders.SetIndex(response, token.ModifyIndex);
            return Results.Json(Full(token), NomadJson.Options);
        });

        app.MapGet("/v1/acl/token/self", (HttpRequest request, HttpResponse response) =>
        {
            if (!state.Acl.Enabled)
            {
                return NomadResults.Error(400, AclErrors.AclDisabled);
            }

            var secret = AclTable.SecretOf(request);
            if (secret == state.Options.ManagementToken)
            {
                var bootstrap = new AclToken("bootstrap", secret, "Bootstrap Token", "management", [], DateTimeOffset.UnixEpoch, 1, 1);
                return NomadResults.Json(response, Full(bootstrap), state.Index.Current);
            }

            return secret is not null && state.Acl.TokenBySecret(secret) is { } token
                ? NomadResults.Json(response, Full(token), token.ModifyIndex)
                : NomadResults.Error(403, AclErrors.PermissionDenied);
        });

        app.MapGet("/v1/acl/token/{accessor}", (string accessor, HttpRequest request, HttpResponse response) =>
        {
            if (Guard(state, request) is { } denied)
            {
                return denied;
            }

            return state.Acl.TokenByAccessor(accessor) is { } token
                ? NomadResults.Json(response, Full(token), token.ModifyIndex)
                : NomadResults.Error(404, AclErrors.TokenNotFound);
        });

        app.MapDelete("/v1/acl/token/{accessor}", (string accessor, HttpRequest request, HttpResponse response) =>
        {
            if (Guard(state, request) is { } denied)
            {
                return denied;
            }

            var index = state.Write(index =>
            {
                state.Acl.DeleteToken(accessor);
                return index;
            });
            NomadHeaders.SetIndex(response, index);
            return Results.Ok();
        });
    }

    // ACL endpoints other than token/self need ACLs on and a management token.
    private static IResult? Guard(EmulatorState state, HttpRequest request) =>
        !state.Acl.Enabled ? NomadResults.Error(400, AclErrors.AclDisabled)
        : state.Acl.Resolve(request) is { IsManagement: true } ? null
        : NomadResults.Error(403, AclErrors.PermissionDenied);

    private static object Stub(AclToken t) => new
    {
        t.AccessorID,
        t.Name,
        t.Type,
        t.Policies,
        Global = false,
        t.CreateTime,
        t.CreateIndex,
        t.ModifyIndex,
    };

    /// <summary>A token as Nomad returns it in full (<c>structs.ACLToken</c>), secret included.</summary>
    internal static object Full(AclToken t) => new
    {
        t.AccessorID,
        t.SecretID,
        t.Name,
        t.Type,
        t.Policies,
        Roles = Array.Empty<object>(),
        Global = false,
        t.CreateTime,
        t.ExpirationTime,
        t.CreateIndex,
        t.ModifyIndex,
    };
}
