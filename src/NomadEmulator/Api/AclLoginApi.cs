using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Nomad.Emulator.Acl;
using Nomad.Emulator.Filter;
using Nomad.Emulator.Http;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Api;

/// <summary>
/// JWT login (<c>command/agent/acl_endpoint.go</c>, <c>nomad/acl_endpoint.go</c> <c>ACL.Login</c>): auth methods
/// and binding rules (management token), <c>/v1/acl/login</c> (no token needed) and the workload-identity JWKS
/// (<c>/.well-known/jwks.json</c>) a JWT auth method points at. Login validates the token against the emulator's own
/// key, maps claims with <c>ClaimMappings</c> to <c>value.*</c>, runs each binding rule's selector, and creates a
/// client token with the bound policies that expires after the method's <c>MaxTokenTTL</c>.
/// </summary>
public static class AclLoginApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapGet("/.well-known/jwks.json", (HttpResponse response) => NomadResults.Json(response, state.Acl.Identities.Jwks(), state.Index.Current));

        app.MapGet("/v1/acl/auth-methods", (HttpRequest request, HttpResponse response) =>
            Guard(state, request) ?? NomadResults.Json(
                response,
                state.Acl.Logins.Methods().Select(m => new { m.Name, m.Type, m.Default, m.CreateIndex, m.ModifyIndex }).ToList(),
                state.Index.Current));

        app.MapGet("/v1/acl/auth-method/{name}", (string name, HttpRequest request, HttpResponse response) =>
            Guard(state, request)
            ?? (state.Acl.Logins.Method(name) is { } m ? NomadResults.Json(response, Show(m), m.ModifyIndex) : NomadResults.Error(404, "ACL auth-method not found")));

        app.MapMethods("/v1/acl/auth-method", ["PUT", "POST"], (HttpRequest request, HttpResponse response, CancellationToken ct) =>
            PutMethodAsync(state, null, request, response, ct));
        app.MapMethods("/v1/acl/auth-method/{name}", ["PUT", "POST"], (string name, HttpRequest request, HttpResponse response, CancellationToken ct) =>
            PutMethodAsync(state, name, request, response, ct));

        app.MapDelete("/v1/acl/auth-method/{name}", (string name, HttpRequest request, HttpResponse response) =>
        {
            if (Guard(state, request) is { } denied)
            {
                return denied;
            }

            NomadHeaders.SetIndex(response, state.Write(index =>
            {
                state.Acl.Logins.DeleteMethod(name);
                return index;
            }));
            return Results.Ok();
        });

        app.MapGet("/v1/acl/binding-rules", (HttpRequest request, HttpResponse response) =>
            Guard(state, request) ?? NomadResults.Json(
                response,
                state.Acl.Logins.Rules(request.Query["auth_method"].FirstOrDefault()).Select(r => new { r.ID, r.Description, r.AuthMethod, r.CreateIndex, r.ModifyIndex }).ToList(),
                state.Index.Current));

        app.MapGet("/v1/acl/binding-rule/{id}", (string id, HttpRequest request, HttpResponse response) =>
            Guard(state, request)
            ?? (state.Acl.Logins.Rule(id) is { } r ? NomadResults.Json(response, r, r.ModifyIndex) : NomadResults.Error(404, "ACL binding rule not found")));

        app.MapMethods("/v1/acl/binding-rule", ["PUT", "POST"], (HttpRequest request, HttpResponse response, CancellationToken ct) =>
            PutRuleAsync(state, null, request, response, ct));
        app.MapMethods("/v1/acl/binding-rule/{id}", ["PUT", "POST"], (string id, HttpRequest request, HttpResponse response, CancellationToken ct) =>
            PutRuleAsync(state, id, request, response, ct));

        app.MapDelete("/v1/acl/binding-rule/{id}", (string id, HttpRequest request, HttpResponse response) =>
        {
            if (Guard(state, request) is { } denied)
            {
                return denied;
            }

            NomadHeaders.SetIndex(response, state.Write(index =>
            {
                state.Acl.Logins.DeleteRule(id);
                return index;
            }));
            return Results.Ok();
        });

        app.MapMethods("/v1/acl/login", ["PUT", "POST"], async (HttpRequest request, HttpResponse response, CancellationToken ct) =>
        {
            if (!state.Acl.Enabled)
            {
                return NomadResults.Error(400, AclErrors.AclDisabled);
            }

            var (body, error) = await NomadResults.ReadBodyAsync<LoginBody>(request, ct).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            return Login(state, body!, response);
        });
    }

    private static IResult Login(EmulatorState state, LoginBody body, HttpResponse response)
    {
        // structs.ACLLoginRequest.Validate
        var missing = new List<string>();
        if (string.IsNullOrEmpty(body.AuthMethodName))
        {
            missing.Add("missing auth method name");
        }

        if (string.IsNullOrEmpty(body.LoginToken))
        {
            missing.Add("missing login token");
        }

        if (missing.Count > 0)
        {
            return NomadResults.Error(400, $"{missing.Count} error{(missing.Count > 1 ? "s" : "")} occurred:\n" + string.Concat(missing.Select(m => $"\t* {m}\n")) + "\n");
        }

        if (state.Acl.Logins.Method(body.AuthMethodName!) is not { } method)
        {
            return NomadResults.Error(400, $"auth-method \"{body.AuthMethodName}\" not found");
        }

        if (method.Type != "JWT")
        {
            return NomadResults.Error(400, $"unsupported auth-method type: {method.Type}");
        }

        var (claims, invalid) = state.Acl.Identities.Verify(body.LoginToken!);
        if (claims is null)
        {
            return NomadResults.Error(401, $"unable to validate provided token: {invalid}");
        }

        if (method.Config.BoundAudiences is { Count: > 0 } audiences
            && !(claims["aud"] as JsonArray ?? []).Select(a => a?.GetValue<string>()).Any(a => a is not null && audiences.Contains(a)))
        {
            return NomadResults.Error(401, "unable to validate provided token: invalid audience (aud) claim: audience claim does not match any expected audience");
        }

        // auth.SelectorData: each mapped claim becomes value.<name>.
        var value = new JsonObject();
        foreach (var (claim, name) in method.Config.ClaimMappings ?? new Dictionary<string, string>())
        {
            if (claims[claim] is JsonValue v && v.TryGetValue<string>(out var text))
            {
                value[name] = text;
            }
        }

        var datum = new JsonObject { ["value"] = value };
        var policies = new List<string>();
        var management = false;
        foreach (var rule in state.Acl.Logins.Rules(method.Name))
        {
            if (rule.Selector.Length > 0)
            {
                var (node, parseError) = FilterParser.Parse(rule.Selector);
                if (node is null || FilterEvaluator.Evaluate(node, datum) is not { Matches: true })
                {
                    _ = parseError;
                    continue;
                }
            }

            switch (rule.BindType)
            {
                case "management":
                    management = true;
                    break;
                case "policy" when state.Acl.Policy(rule.BindName) is not null:
                    policies.Add(rule.BindName);
                    break;
            }
        }

        if (!management && policies.Count == 0)
        {
            return NomadResults.Error(400, "no role or policy bindings matched");
        }

        var token = state.Write(index =>
        {
            var now = state.Clock.GetUtcNow();
            var created = new Acl.AclToken(
                Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), $"JWT-{method.Name}", management ? "management" : "client",
                management ? [] : policies.Distinct(StringComparer.Ordinal).ToList(), now, index, index,
                method.MaxTokenTTL > TimeSpan.Zero ? now + method.MaxTokenTTL : null);
            state.Acl.PutToken(created);
            return created;
        });
        NomadHeaders.SetIndex(response, token.ModifyIndex);
        return Results.Json(AclApi.Full(token), NomadJson.Options);
    }

    private static async Task<IResult> PutMethodAsync(EmulatorState state, string? name, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var (body, error) = await NomadResults.ReadBodyAsync<AuthMethodBody>(request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (Guard(state, request) is { } denied)
        {
            return denied;
        }

        // structs.ACLAuthMethod.Validate, the parts a JWT method has.
        var ttl = TimeSpan.Zero;
        var problem = body!.Name is not { Length: > 0 } ? "missing name"
            : name is not null && name != body.Name ? "auth method name in body does not match the path"
            : body.Type is not ("JWT" or "OIDC") ? $"invalid auth method type: {body.Type}"
            : body.TokenLocality is not ("local" or "global") ? $"invalid token locality '{body.TokenLocality}'"
            : !GoDuration.TryParse(body.MaxTokenTTL ?? "0s", out ttl) || ttl <= TimeSpan.Zero ? "invalid MaxTokenTTL value"
            : body.Config is null ? "missing auth method config"
            : null;
        if (problem is not null)
        {
            return NomadResults.Error(400, $"auth method validation failed: {problem}");
        }

        var method = state.Write(index =>
        {
            var created = new AuthMethod(body.Name!, body.Type!, body.TokenLocality!, ttl, body.Default, body.Config!, index, index);
            state.Acl.Logins.PutMethod(created);
            return state.Acl.Logins.Method(created.Name)!;
        });
        NomadHeaders.SetIndex(response, method.ModifyIndex);
        return Results.Json(Show(method), NomadJson.Options);
    }

    private static async Task<IResult> PutRuleAsync(EmulatorState state, string? id, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var (body, error) = await NomadResults.ReadBodyAsync<BindingRuleBody>(request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (Guard(state, request) is { } denied)
        {
            return denied;
        }

        var problem = body!.AuthMethod is not { Length: > 0 } ? "missing auth method"
            : state.Acl.Logins.Method(body.AuthMethod) is null ? $"ACL auth method {body.AuthMethod} lookup failed: not found"
            : body.BindType is not ("policy" or "role" or "management") ? $"invalid bind type: {body.BindType}"
            : body.BindType != "management" && string.IsNullOrEmpty(body.BindName) ? "missing bind name"
            : body.Selector is { Length: > 0 } selector && FilterParser.Parse(selector).Error is { } bad ? $"selector is invalid: {bad}"
            : id is not null && state.Acl.Logins.Rule(id) is null ? "cannot find binding rule " + id
            : null;
        if (problem is not null)
        {
            return NomadResults.Error(400, problem);
        }

        var rule = state.Write(index =>
        {
            var created = new BindingRule(
                id ?? Guid.NewGuid().ToString(), body.Description ?? "", body.AuthMethod!, body.Selector ?? "", body.BindType!, body.BindName ?? "",
                id is not null ? state.Acl.Logins.Rule(id)!.CreateIndex : index, index);
            state.Acl.Logins.PutRule(created);
            return created;
        });
        NomadHeaders.SetIndex(response, rule.ModifyIndex);
        return Results.Json(rule, NomadJson.Options);
    }

    private static object Show(AuthMethod m) => new
    {
        m.Name,
        m.Type,
        m.TokenLocality,
        MaxTokenTTL = GoDuration.Format(m.MaxTokenTTL.Ticks * 100),
        m.Default,
        m.Config,
        m.CreateIndex,
        m.ModifyIndex,
    };

    private static IResult? Guard(EmulatorState state, HttpRequest request) =>
        !state.Acl.Enabled ? NomadResults.Error(400, AclErrors.AclDisabled)
        : state.Acl.Resolve(request) is { IsManagement: true } ? null
        : NomadResults.Error(403, AclErrors.PermissionDenied);
}
