using System.Text.Json.Nodes;

namespace Nomad.Client;

/// <summary>Nomad's status and agent endpoints: who leads, and what the agent says about itself.</summary>
public sealed class StatusClient
{
    private readonly NomadTransport _transport;

    internal StatusClient(NomadTransport transport) => _transport = transport;

    /// <summary>The leader's RPC address <c>"ip:port"</c> (<c>GET /v1/status/leader</c>); empty when there is none.</summary>
    public async Task<string> LeaderAsync(CancellationToken ct = default)
    {
        var response = await _transport.SendAsync(
            new NomadRequest(HttpMethod.Get, "/v1/status/leader") { Query = _transport.ReadParameters(null) }, ct).ConfigureAwait(false);
        return NomadJson.Read<string>(response.Body) ?? "";
    }

    /// <summary>The agent's configuration and stats as JSON (<c>GET /v1/agent/self</c>).</summary>
    public async Task<JsonObject> AgentSelfAsync(CancellationToken ct = default)
    {
        var response = await _transport.SendAsync(new NomadRequest(HttpMethod.Get, "/v1/agent/self"), ct).ConfigureAwait(false);
        return NomadJson.Read<JsonObject>(response.Body) ?? [];
    }

    /// <summary>
    /// The release of the agent this client talks to (<c>config.Version</c> of <c>/v1/agent/self</c>, else the member's
    /// <c>build</c> tag); null when the answer names none (or the token may not read the agent: it needs
    /// <c>agent:read</c>, so a 403 gives null too).
    /// </summary>
    public async Task<NomadVersion?> VersionAsync(CancellationToken ct = default)
    {
        JsonObject self;
        try
        {
            var response = await _transport.SendAsync(new NomadRequest(HttpMethod.Get, "/v1/agent/self") { SkipAuthentication = true }, ct).ConfigureAwait(false);
            self = NomadJson.Read<JsonObject>(response.Body) ?? [];
        }
        catch (NomadApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            return null;
        }

        var version = self["config"]?["Version"];
        return NomadVersion.Parse(version?["Version"]?.GetValue<string>(), version?["VersionMetadata"]?.GetValue<string>())
            ?? NomadVersion.Parse(self["member"]?["Tags"]?["build"]?.GetValue<string>());
    }
}
