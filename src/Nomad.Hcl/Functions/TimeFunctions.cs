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
        table["formatdate"] = Of(a => HclValue.String(FormatDate(a[0].AsString(), a[1].AsString())), P("format", HclType.String), P("time", HclType.String));
        table["timeadd"] = Of(a => HclValue.String(TimeAdd(a[0].AsString(), a[1].AsString())), P("timestamp", HclType.String), P("duration", HclType.String));
    }

    private static DateTimeOffset ParseTimestamp(string timestamp, int argument, out bool utc)
    {
        try
        {
            return Rfc3339Timestamp.Parse(timestamp, out utc);
        }
        catch (FunctionException e) when (argument >= 0)
        {
            throw new FunctionException(e.Message, argument);
        }
    }

    // cty's formatdate verbs: runs of one letter (YYYY, MM, DD, hh, mm, ss, ZZZZZ, …), 'quoted' literals, other characters as is.
    private static string FormatDate(string format, string timestamp)
    {
        var time = ParseTimestamp(timestamp, 1, out var utc);
        var output = new System.Text.StringBuilder();
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if (c == '\'')
            {
                i = AppendLiteral(format, i, output);
                continue;
            }

            if (!char.IsAsciiLetter(c))
            {
                output.Append(c);
                i++;
                continue;
            }

            var run = i;
            while (run < format.Length && format[run] == c)
            {
                run++;
            }

            var verb = format[i..run];
            i = run;
            var hour12 = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
            var offset = time.Offset;
            var sign = offset < TimeSpan.Zero ? "-" : "+";
            var abs = offset.Duration();
            output.Append(verb switch
            {
                "YYYY" => time.Year.ToString("0000", CultureInfo.InvariantCulture),
                "YY" => (time.Year % 100).ToString("00", CultureInfo.InvariantCulture),
                "MMMM" => time.ToString("MMMM", CultureInfo.InvariantCulture),
                "MMM" => time.ToString("MMM", CultureInfo.InvariantCulture),
                "MM" => time.Month.ToString("00", CultureInfo.InvariantCulture),
                "M" => time.Month.ToString(CultureInfo.InvariantCulture),
                "DD" => time.Day.ToString("00", CultureInfo.InvariantCulture),
                "D" => time.Day.ToString(CultureInfo.InvariantCulture),
                "EEEE" => time.DayOfWeek.ToString(),
                "EEE" => time.DayOfWeek.ToString()[..3],
                "hh" => time.Hour.ToString("00", CultureInfo.InvariantCulture),
                "h" => time.Hour.ToString(CultureInfo.InvariantCulture),
                "HH" => hour12.ToString("00", CultureInfo.InvariantCulture),
                "H" => hour12.ToString(CultureInfo.InvariantCulture),
                "AA" => time.Hour < 12 ? "AM" : "PM",
                "aa" => time.Hour < 12 ? "am" : "pm",
                "mm" => time.Minute.ToString("00", CultureInfo.InvariantCulture),
                "m" => time.Minute.ToString(CultureInfo.InvariantCulture),
                "ss" => time.Second.ToString("00", CultureInfo.InvariantCulture),
                "s" => time.Second.ToString(CultureInfo.InvariantCulture),
                "ZZZZZ" => sign + abs.ToString("hh\\:mm", CultureInfo.InvariantCulture),
                "ZZZZ" => sign + abs.ToString("hhmm", CultureInfo.InvariantCulture),
                "ZZZ" => offset == TimeSpan.Zero ? "UTC" : sign + abs.ToString("hhmm", CultureInfo.InvariantCulture),
                "Z" => utc ? "Z" : sign + abs.ToString("hh\\:mm", CultureInfo.InvariantCulture),
                _ => throw new FunctionException(VerbError(verb), 0),
            });
        }

        return output.ToString();
    }

    private static string TimeAdd(string timestamp, string duration)
    {
        var time = ParseTimestamp(timestamp, -1, out var utc);

        if (!GoDuration.TryParse(duration, out var nanoseconds, out var error))
        {
            throw new FunctionException(error);
        }

        var result = time.AddTicks(nanoseconds / 100);

        // Go's time.RFC3339 layout: whole seconds, "Z" for UTC, otherwise the offset.
        return result.Offset == TimeSpan.Zero && utc
            ? result.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : result.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    // cty's splitDateFormat for a quote: '' is one quote, 'text' is text with '' un-doubled; no closing quote fails.
    private static int AppendLiteral(string format, int start, System.Text.StringBuilder output)
    {
        if (start + 1 < format.Length && format[start + 1] == '\'')
        {
            output.Append('\'');
            return start + 2;
        }

        // The token ends after a lone closing quote, else at the end of the format; it must end with a quote.
        var end = format.Length;
        for (var i = start + 1; i < format.Length; i++)
        {
            if (format[i] == '\'')
            {
                if (i + 1 < format.Length && format[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                end = i + 1;
                break;
            }
        }

        if (end - start < 2 || format[end - 1] != '\'')
        {
            throw new FunctionException("unterminated literal '", 0);
        }

        for (var i = start + 1; i < end - 1; i++)
        {
            output.Append(format[i]);
            if (format[i] == '\'')
            {
                i++;
            }
        }

        return end;
    }

    private static string VerbError(string verb)
    {
        var why = verb[0] switch
        {
            'Y' => ": year must either be \"YY\" or \"YYYY\"",
            'M' => ": month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"",
            'D' => ": day of month must either be \"D\" or \"DD\"",
            'E' => ": day of week must either be \"EEE\" or \"EEEE\"",
            'h' => ": 24-hour must either be \"h\" or \"hh\"",
            'H' => ": 12-hour must either be \"H\" or \"HH\"",
            'A' or 'a' => $": must be \"{verb[0]}{verb[0]}\"",
            'm' => ": minute must either be \"m\" or \"mm\"",
            's' => ": second must either be \"s\" or \"ss\"",
            'Z' => ": timezone must be Z, ZZZZ, or ZZZZZ",
            _ => "",
        };
        return $"invalid date format verb {CryptoFunctions.GoQuote(verb)}{why}";
    }
}
