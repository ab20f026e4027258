using Microsoft.AspNetCore.Builder;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Api;

/// <summary>The variables endpoints.</summary>
public static class VariablesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app, EmulatorState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);
    }
}
