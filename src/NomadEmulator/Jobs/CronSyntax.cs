using System.Text.RegularExpressions;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// The parse errors of hashicorp/cronexpr v1.1.3's <c>Parse</c> (the cron library Nomad validates periodic specs with):
/// fewer than five fields, a directive no layout matches (<c>syntax error in minute field: '61'</c>), a bad interval
/// (<c>invalid interval */0</c>). Only the syntax is checked; the schedule itself is never computed.
/// </summary>
internal static class CronSyntax
{
    private sealed record Field(string Name, int Max, string Value);

    private static readonly Field Second = new("second", 59, "0?[0-9]|[1-5][0-9]");
    private static readonly Field Minute = new("minute", 59, "0?[0-9]|[1-5][0-9]");
    private static readonly Field Hour = new("hour", 23, "0?[0-9]|1[0-9]|2[0-3]");
    private static readonly Field DayOfMonth = new("day-of-month", 31, "0?[1-9]|[12][0-9]|3[01]");
    private static readonly Field Month = new("month", 12, "0?[1-9]|1[012]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|january|february|march|april|march|april|june|july|august|september|october|november|december");
    private static readonly Field DayOfWeek = new("day-of-week", 6, "0?[0-7]|sun|mon|tue|wed|thu|fri|sat|sunday|monday|tuesday|wednesday|thursday|friday|saturday");
    private static readonly Field Year = new("year", 2099, "19[789][0-9]|20[0-9]{2}");

    private static readonly (string From, string To)[] Aliases =
    [
        ("@yearly", "0 0 0 1 1 * *"), ("@annually", "0 0 0 1 1 * *"), ("@monthly", "0 0 0 1 * * *"),
        ("@weekly", "0 0 0 * * 0 *"), ("@daily", "0 0 0 * * * *"), ("@hourly", "0 0 * * * * *"),
    ];

    /// <summary>cronexpr's error text for <paramref name="spec"/>, or null when it parses.</summary>
    public static string? Error(string spec)
    {
        var cron = Normalize(spec);
        var fields = Regex.Matches(cron, @"[^\t\n\f\r ]+").Select(m => m.Value).ToList();
        if (fields.Count < 5)
        {
            return "missing field(s)";
        }
        var count = Math.Min(fields.Count, 7);
        var layout = new List<Field>();
        if (count == 7)
        {
            layout.Add(Second);
        }
        layout.AddRange([Minute, Hour, DayOfMonth, Month, DayOfWeek]);
        if (layout.Count < count)
        {
            layout.Add(Year);
        }
        for (var i = 0; i < layout.Count; i++)
        {
            if (FieldError(fields[i], layout[i]) is { } error)
            {
                return error;
            }
        }
        return null;
    }

    // strings.NewReplacer: leftmost match first, the earlier pair winning at one position.
    private static string Normalize(string spec)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < spec.Length;)
        {
            var alias = Aliases.FirstOrDefault(a => string.CompareOrdinal(spec, i, a.From, 0, a.From.Length) == 0);
            if (alias.From is not null)
            {
                text.Append(alias.To);
                i += alias.From.Length;
            }
            else
            {
                text.Append(spec[i]);
                i++;
            }
        }
        return text.ToString();
    }

    private static string? FieldError(string field, Field desc)
    {
        var directives = Regex.Matches(field, "[^,]+").Select(m => m.Value).ToList();
        if (directives.Count == 0)
        {
            return $"{desc.Name} field: missing directive";
        }
        // genericFieldParse: interval errors come first, for every directive in turn.
        var kinds = new List<string>();
        foreach (var directive in directives)
        {
            var s = directive.ToLowerInvariant();
            string? step = null;
            if (Regex.IsMatch(s, @"\A(\*|\?)\z"))
            {
                kinds.Add("all");
                continue;
            }
            if (Regex.IsMatch(s, $@"\A({desc.Value})\z") || Regex.IsMatch(s, $@"\A({desc.Value})-({desc.Value})\z"))
            {
                kinds.Add("one");
                continue;
            }
            if (Regex.Match(s, @"\A\*/([0-9]+)\z") is { Success: true } wildcard)
            {
                step = wildcard.Groups[1].Value;
            }
            else if (Regex.Match(s, $@"\A({desc.Value})/([0-9]+)\z") is { Success: true } value)
            {
                step = value.Groups[2].Value;
            }
            else if (Regex.Match(s, $@"\A({desc.Value})-({desc.Value})/([0-9]+)\z") is { Success: true } range)
            {
                step = range.Groups[3].Value;
            }
            if (step is null)
            {
                kinds.Add("none");
                continue;
            }
            var n = NumberToken(step);
            if (n < 1 || n > desc.Max)
            {
                return $"invalid interval {s}";
            }
            kinds.Add("one");
        }
        for (var i = 0; i < directives.Count; i++)
        {
            if (kinds[i] == "all" && desc != DayOfMonth && desc != DayOfWeek)
            {
                return null;
            }
            if (kinds[i] != "none")
            {
                continue;
            }
            var s = directives[i].ToLowerInvariant();
            var special = desc == DayOfMonth
                ? s is "l" or "lw" || Regex.IsMatch(s, $@"\A({desc.Value})w\z")
                : desc == DayOfWeek && (Regex.IsMatch(s, $@"\A({desc.Value})l\z") || Regex.IsMatch(s, $@"\A({desc.Value})#([1-5])\z"));
            if (!special)
            {
                return $"syntax error in {desc.Name} field: '{directives[i]}'";
            }
        }
        return null;
    }

    // cronexpr's numberTokens: 0-59 (also with a leading zero) and the years 1970-2099; anything else is 0.
    private static int NumberToken(string text)
    {
        if (text.Length is 1 or 2 && int.TryParse(text, out var small) && small <= 59)
        {
            return small;
        }
        return text.Length == 4 && int.TryParse(text, out var year) && year is >= 1970 and <= 2099 ? year : 0;
    }
}
