using System.Globalization;
using Nomad.Hcl.Evaluation;
using Nomad.Hcl.Jobspec;
using static Nomad.Hcl.Functions.Fn;

namespace Nomad.Hcl.Functions;

/// <summary>Time functions of cty's stdlib: timeadd (RFC 3339 timestamp plus a Go duration).</summary>
internal static class TimeFunctions
{
    public static void Register(Dictionary<string, HclFunction> table)
    {
        table["timeadd"] = Of(a => HclValue.String(TimeAdd(a[0].AsString(), a[1].AsString())), P("timestamp", HclType.String), P("duration", HclType.String));
    }

    private static string TimeAdd(string timestamp, string duration)
    {
        if (!DateTimeOffset.TryParseExact(timestamp, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            || !(timestamp.EndsWith('Z') || timestamp.Length > 6 && timestamp[^6] is '+' or '-'))
        {
            throw new FunctionException($"not a valid RFC3339 timestamp: {timestamp}");
        }

        if (!GoDuration.TryParse(duration, out var nanoseconds, out var error))
        {
            throw new FunctionException(error);
        }

        var result = time.AddTicks(nanoseconds / 100);

        // Go's time.RFC3339 layout: whole seconds, "Z" for UTC, otherwise the offset.
        return result.Offset == TimeSpan.Zero && timestamp.EndsWith('Z')
            ? result.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : result.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
