using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Nomad.Emulator.Http;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Api;

/// <summary><c>/v1/status/leader</c> and <c>/v1/agent/self</c>: what a client asks to check it reaches a cluster.</summary>
public static class StatusApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app, EmulatorState state)
    {
        // The leader's RPC address, as a JSON string (command/agent/status_endpoint.go).
        app.MapGet("/v1/status/leader", (HttpResponse response) =>
            NomadResults.Json(response, "127.0.0.1:4647", state.Index.Current));

        app.MapGet("/v1/agent/self", (HttpResponse response) => NomadResults.Json(
            response,
            new
            {
                config = new
                {
                    Region = state.Options.Region,
                    Datacenter = state.Options.Datacenter,
                    Version = new { Version = state.Options.NomadVersion.Split('-', '+')[0], VersionPrerelease = "", VersionMetadata = "", Revision = "emulator" },
                    ACL = new { Enabled = state.Options.AclEnabled },
                },
                member = new { Name = "emulator.global", Status = "alive", Tags = new { region = state.Options.Region, dc = state.Options.Datacenter, build = state.Options.NomadVersion } },
                stats = new { nomad = new { leader = "true", server = "true", known_regions = "1" } },
            },
            state.Index.Current));
    }
}
