using Microsoft.AspNetCore.Http;

namespace Nomad.Emulator.Faults;

/// <summary>
/// The faults in force. The first active rule that matches a request applies to it; a rule with a
/// count is used up after that many requests, one with a duration expires on the emulator's clock.
/// </summary>
public sealed class FaultTable(TimeProvider clock)
{
    private readonly Lock _sync = new();
    private readonly List<ActiveFault> _faults = [];

    /// <summary>Adds a rule; it applies from the next request on.</summary>
    public void Add(FaultRule rule)
    {
        lock (_sync)
        {
            _faults.Add(new ActiveFault(rule, rule.Times, rule.Duration is { } d ? clock.GetUtcNow() + d : null));
        }
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            _faults.Clear();
        }
    }

    /// <summary>The rules still in force.</summary>
    public IReadOnlyList<FaultRule> Active()
    {
        lock (_sync)
        {
            Expire();
            return [.. _faults.Select(f => f.Rule)];
        }
    }

    /// <summary>Applies the first matching fault, if any, before the request reaches the API.</summary>
    public async Task Middleware(HttpContext context, Func<Task> next)
    {
        // The emulator's own endpoints are mapped as endpoints too, so they pass through here: never fault them.
        var path = context.Request.Path.Value ?? "/";
        var rule = path.StartsWith("/_emulator", StringComparison.Ordinal) ? null : Take(context.Request.Method, path);
        switch (rule?.Kind)
        {
            case null:
                await next().ConfigureAwait(false);
                return;
            case FaultKind.Delay:
                await Task.Delay(rule.Latency, clock, context.RequestAborted).ConfigureAwait(false);
                await next().ConfigureAwait(false);
                return;
            case FaultKind.Drop:
                context.Abort();
                return;
            case FaultKind.DropAfterApply:
                // The endpoint writes its answer into nothing (Body replaces the response body feature), then the
                // connection is cut: nothing of the answer reaches the client.
                context.Response.Body = Stream.Null;
                await next().ConfigureAwait(false);
                context.Abort();
                return;
            case FaultKind.DelayAfterApply:
                await HoldAnswerAsync(context, next, rule.Latency).ConfigureAwait(false);
                return;
            case FaultKind.NoLeader:
                await Respond(context, 500, "No cluster leader").ConfigureAwait(false);
                return;
            default:
                await Respond(context, rule.Status, rule.Body).ConfigureAwait(false);
                return;
        }
    }

    // The endpoint writes its answer into a buffer (nothing is sent, so its headers can still change); the buffer goes
    // out once the latency has passed on the emulator's clock.
    private async Task HoldAnswerAsync(HttpContext context, Func<Task> next, TimeSpan latency)
    {
        var answer = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            await next().ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = answer;
        }

        await Task.Delay(latency, clock, context.RequestAborted).ConfigureAwait(false);
        held.Position = 0;
        await held.CopyToAsync(answer, context.RequestAborted).ConfigureAwait(false);
    }

    private FaultRule? Take(string method, string path)
    {
        lock (_sync)
        {
            Expire();
            var index = _faults.FindIndex(f => f.Rule.Matches(method, path));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index];
            if (fault.Remaining is { } n)
            {
                if (n <= 1)
                {
                    _faults.RemoveAt(index);
                }
                else
                {
                    _faults[index] = fault with { Remaining = n - 1 };
                }
            }

            return fault.Rule;
        }
    }

    private void Expire()
    {
        var now = clock.GetUtcNow();
        _faults.RemoveAll(f => f.Until is { } until && now >= until);
    }

    private static Task Respond(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    private sealed record ActiveFault(FaultRule Rule, int? Remaining, DateTimeOffset? Until);
}
