using System.Globalization;

namespace Nomad.Emulator.Jobs;

/// <summary>Go's <c>time.Duration.String()</c> for nanosecond counts (e.g. <c>10s</c>, <c>3m0s</c>, <c>1.5s</c>, <c>500ms</c>).</summary>
internal static class GoDuration
{
    /// <summary>The text Go prints for <paramref name="nanoseconds"/>.</summary>
    public static string Format(long nanoseconds)
    {
        if (nanoseconds == 0)
        {
            return "0s";
        }
        var sign = nanoseconds < 0 ? "-" : "";
        var n = Math.Abs((decimal)nanoseconds);
        if (n < 1_000_000_000m)
        {
            var (unit, div) = n < 1_000m ? ("ns", 1m) : n < 1_000_000m ? ("µs", 1_000m) : ("ms", 1_000_000m);
            return sign + (n / div).ToString("0.#########", CultureInfo.InvariantCulture) + unit;
        }
        var seconds = n / 1_000_000_000m;
        var hours = (long)(seconds / 3600);
        var minutes = (long)(seconds % 3600 / 60);
        var rest = seconds % 60;
        var s = rest.ToString("0.#########", CultureInfo.InvariantCulture) + "s";
        if (hours > 0)
        {
            return $"{sign}{hours}h{minutes}m{s}";
        }
        return minutes > 0 ? $"{sign}{minutes}m{s}" : sign + s;
    }
}
