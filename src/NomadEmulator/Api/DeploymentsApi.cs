using Microsoft.AspNetCore.Builder;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Api;

/// <summary>The deployments endpoints.</summary>
public static class DeploymentsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app, EmulatorState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);
    }
}
