using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Nomad.Emulator.Http;

/// <summary>The headers Nomad puts on every answer (<c>command/agent/http.go</c>, <c>setMeta</c>).</summary>
public static class NomadHeaders
{
    /// <summary>Sets <c>X-Nomad-Index</c>, <c>X-Nomad-KnownLeader</c> and <c>X-Nomad-LastContact</c>.</summary>
    public static void SetMeta(HttpResponse response, long index)
    {
        response.Headers["X-Nomad-Index"] = index.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Nomad-KnownLeader"] = "true";
        response.Headers["X-Nomad-LastContact"] = "0";
    }

    /// <summary>Sets only <c>X-Nomad-Index</c>, as Nomad does on writes (<c>setIndex</c>).</summary>
    public static void SetIndex(HttpResponse response, long index) =>
        response.Headers["X-Nomad-Index"] = index.ToString(CultureInfo.InvariantCulture);
}
