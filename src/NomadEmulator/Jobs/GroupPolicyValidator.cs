using System.Text.Json.Nodes;
using static Nomad.Emulator.Jobs.DiffJson;

namespace Nomad.Emulator.Jobs;

/// <summary><c>ReschedulePolicy.Validate</c> (with validateDelayParams/viableAttempts) and <c>MigrateStrategy.Validate</c> (nomad/structs/structs.go).</summary>
internal static class GroupPolicyValidator
{
    private const long Second = 1_000_000_000;
    private const long MinDelay = 5 * Second;
    private const long MinInterval = 15 * Second;

    /// <summary>The reschedule policy's errors (none unless attempts or unlimited are set).</summary>
    public static List<string> Reschedule(JsonObject r)
    {
        var errors = new List<string>();
        var attempts = Long(r["Attempts"]);
        var unlimited = Bool(r["Unlimited"]);
        if (attempts <= 0 && !unlimited)
        {
            return errors;
        }
        var interval = Long(r["Interval"]);
        var delay = Long(r["Delay"]);
        var maxDelay = Long(r["MaxDelay"]);
        var function = Str(r, "DelayFunction");
        if (attempts > 0)
        {
            if (interval <= 0)
            {
                errors.Add("Interval must be a non zero value if Attempts > 0");
            }
            if (unlimited)
            {
                errors.Add($"Reschedule Policy with Attempts = {attempts}, Interval = {GoDuration.Format(interval)}, and Unlimited = true is ambiguous");
                errors.Add("If Attempts >0, Unlimited cannot also be set to true");
            }
        }
        var delayPreCheck = true;
        if (delay < MinDelay)
        {
            errors.Add($"Delay cannot be less than 5s (got {GoDuration.Format(delay)})");
            delayPreCheck = false;
        }
        if (function is not ("constant" or "exponential" or "fibonacci"))
        {
            errors.Add($"Invalid delay function {State.VariablesErrors.GoQuote(function)}, must be one of [\"constant\" \"exponential\" \"fibonacci\"]");
            delayPreCheck = false;
        }
        if (function != "constant")
        {
            if (maxDelay < MinDelay)
            {
                // Nomad prints the delay here, not the max delay.
                errors.Add($"Max Delay cannot be less than 5s (got {GoDuration.Format(delay)})");
                delayPreCheck = false;
            }
            if (maxDelay < delay)
            {
                errors.Add($"Max Delay cannot be less than Delay {GoDuration.Format(delay)} (got {GoDuration.Format(maxDelay)})");
                delayPreCheck = false;
            }
        }
        if (!unlimited)
        {
            if (interval < MinInterval)
            {
                errors.Add($"Interval cannot be less than 15s (got {GoDuration.Format(interval)})");
            }
            if (delayPreCheck)
            {
                // multierror.Append flattens validateDelayParams' two errors into the policy's list.
                errors.AddRange(DelayParams(attempts, interval, delay, maxDelay, function));
            }
        }
        return errors;
    }

    /// <summary>A service group's migrate strategy errors.</summary>
    public static List<string> Migrate(JsonObject m)
    {
        var errors = new List<string>();
        var maxParallel = Long(m["MaxParallel"]);
        var minHealthy = Long(m["MinHealthyTime"]);
        var deadline = Long(m["HealthyDeadline"]);
        if (maxParallel < 0)
        {
            errors.Add($"MaxParallel must be >= 0 but found {maxParallel}");
        }
        switch (Str(m, "HealthCheck"))
        {
            case "checks" or "task_states":
                break;
            case "":
                if (maxParallel > 0)
                {
                    errors.Add("Missing HealthCheck");
                }
                break;
            default:
                errors.Add($"Invalid HealthCheck: {State.VariablesErrors.GoQuote(Str(m, "HealthCheck"))}");
                break;
        }
        if (minHealthy < 0)
        {
            errors.Add($"MinHealthyTime is {GoDuration.Format(minHealthy)} and must be >= 0");
        }
        if (deadline < 0)
        {
            errors.Add($"HealthyDeadline is {GoDuration.Format(deadline)} and must be >= 0");
        }
        if (minHealthy > deadline)
        {
            errors.Add("MinHealthyTime must be less than HealthyDeadline");
        }
        return errors;
    }

    /// <summary>DisconnectStrategy.Validate (nomad/structs/group.go), appended flat to the group's errors.</summary>
    public static List<string> Disconnect(JsonObject d, string jobType)
    {
        var errors = new List<string>();
        var stopAfter = d["StopOnClientAfter"] is JsonValue stop ? Long(stop) : (long?)null;
        if (stopAfter is { } after)
        {
            if (after < 0)
            {
                errors.Add("stop_after cannot be a negative duration");
            }
            if (jobType is not ("service" or "batch"))
            {
                errors.Add("stop_after can only be used with service or batch job types");
            }
        }
        var lostAfter = Long(d["LostAfter"], 0);
        if (lostAfter < 0)
        {
            errors.Add("lost_after cannot be a negative duration");
        }
        if (stopAfter is not null && lostAfter != 0)
        {
            errors.Add("Disconnect cannot be configured with both lost_after and stop_after");
        }
        if (Str(d, "Reconcile") is not ("" or "best_score" or "longest_running" or "keep_original" or "keep_replacement"))
        {
            errors.Add($"reconcile option is invalid: {Str(d, "Reconcile")}");
        }
        return errors;
    }

    /// <summary>
    /// TaskGroup.validateScalingPolicy with ScalingPolicy.Validate and the open-source validateType (structs_ce.go).
    /// The horizontal target checks cannot fail: the server always sets the target to the job's own group.
    /// </summary>
    public static List<string> Scaling(JsonObject scaling, long count, bool multiregionInGlobal)
    {
        var errors = new List<string>();
        var type = Str(scaling, "Type");
        var min = Long(scaling["Min"], 0);
        var max = Long(scaling["Max"], 0);
        if (type.Length == 0)
        {
            errors.Add("missing scaling policy type");
        }
        else if (type != "horizontal")
        {
            errors.Add($"scaling policy type \"{type}\" is not valid");
        }
        if (max < 0)
        {
            errors.Add("maximum count must be specified and non-negative");
        }
        else if (max < min)
        {
            errors.Add("maximum count must not be less than minimum count");
        }
        if (min < 0)
        {
            errors.Add("minimum count must be specified and non-negative");
        }
        var all = errors.Select(e => "Scaling policy invalid: " + e).ToList();
        if (max < count)
        {
            all.Add("Scaling policy invalid: task group count must not be greater than maximum count in scaling policy");
        }
        // Job.IsMultiregion with region "global": a group of count 0 there is exempt.
        if (count < min && !(multiregionInGlobal && count == 0))
        {
            all.Add("Scaling policy invalid: task group count must not be less than minimum count in scaling policy");
        }
        return all;
    }

    private static List<string> DelayParams(long attempts, long interval, long delay, long maxDelay, string function)
    {
        var (ok, possible, recommended) = ViableAttempts(attempts, interval, delay, maxDelay, function);
        if (ok)
        {
            return [];
        }
        var first = function == "constant"
            ? $"Nomad can only make {possible} attempts in {GoDuration.Format(interval)} with initial delay {GoDuration.Format(delay)} and delay function \"constant\""
            : $"Nomad can only make {possible} attempts in {GoDuration.Format(interval)} with initial delay {GoDuration.Format(delay)}, delay function {State.VariablesErrors.GoQuote(function)}, and delay ceiling {GoDuration.Format(maxDelay)}";
        return [first, $"Set the interval to at least {GoDuration.Format(RoundToSecond(recommended))} to accommodate {attempts} attempts"];
    }

    private static (bool Ok, long Possible, long Recommended) ViableAttempts(long attempts, long interval, long delay, long maxDelay, string function)
    {
        long possible = 0;
        long recommended = 0;
        var valid = true;
        switch (function)
        {
            case "constant":
                recommended = unchecked(attempts * delay);
                if (interval < recommended)
                {
                    possible = interval / delay;
                    valid = false;
                }
                break;
            case "exponential":
                for (var i = 0; i < attempts; i++)
                {
                    var next = unchecked((long)Math.Pow(2, i) * delay);
                    if (next > maxDelay)
                    {
                        recommended = unchecked(recommended + maxDelay);
                    }
                    else
                    {
                        recommended = next;
                    }
                    if (recommended < interval)
                    {
                        possible++;
                    }
                }
                valid = possible >= attempts;
                break;
            default:
                var slots = new List<long> { delay, delay };
                var ceiling = false;
                for (var i = 2; i < attempts; i++)
                {
                    long next;
                    if (ceiling)
                    {
                        next = unchecked(slots[i - 1] + maxDelay);
                    }
                    else
                    {
                        next = unchecked(slots[i - 1] + slots[i - 2]);
                        if (next > maxDelay)
                        {
                            next = maxDelay;
                            ceiling = true;
                        }
                    }
                    slots.Add(next);
                }
                recommended = slots[^1];
                if (interval < recommended)
                {
                    valid = false;
                    for (var i = 0; i < slots.Count; i++)
                    {
                        if (slots[i] > interval)
                        {
                            possible = i;
                            break;
                        }
                    }
                }
                break;
        }
        return (valid, Math.Max(possible, 0), recommended);
    }

    // time.Duration.Round(time.Second): halves away from zero.
    private static long RoundToSecond(long d)
    {
        var r = d % Second;
        if (d < 0)
        {
            r = -r;
            return r + r < Second ? d + r : d + r - Second;
        }
        return r + r < Second ? d - r : d + Second - r;
    }
}
