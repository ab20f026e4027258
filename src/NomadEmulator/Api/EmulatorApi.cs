using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Nomad.Emulator.Faults;
using Nomad.Emulator.Http;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Api;

/// <summary>
/// The emulator's own endpoints under <c>/_emulator</c>, for tests and benchmarks that run it out of
/// process: <c>faults</c> (GET the rules, POST one rule, DELETE all), <c>calls</c> (GET counts per
/// endpoint, DELETE to reset, also the write log), <c>requests</c> (GET the logged write requests, see
/// <see cref="LoggedRequest"/>), <c>reset</c> (POST: empty the tables, faults and counts). Faults never
/// apply to these paths.
/// </summary>
public static class EmulatorApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app, EmulatorState state, FaultTable faults, CallCounter calls)
    {
        app.MapGet("/_emulator/faults", (HttpResponse response) => NomadResults.Json(response, faults.Active(), state.Index.Current));
        app.MapPost("/_emulator/faults", async (HttpRequest request, CancellationToken ct) =>
        {
            var (rule, error) = await NomadResults.ReadBodyAsync<FaultRule>(request, ct).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            faults.Add(rule!);
            return Results.NoContent();
        });
        app.MapDelete("/_emulator/faults", () =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        app.MapGet("/_emulator/calls", (HttpResponse response) => NomadResults.Json(response, calls.Snapshot(), state.Index.Current));
        app.MapGet("/_emulator/requests", (HttpResponse response) => NomadResults.Json(response, calls.Requests(), state.Index.Current));
        app.MapDelete("/_emulator/calls", () =>
        {
            calls.Reset();
            return Results.NoContent();
        });
        app.MapPost("/_emulator/reset", () =>
        {
            state.Reset();
            faults.Clear();
            calls.Reset();
            return Results.NoContent();
        });
    }
}
