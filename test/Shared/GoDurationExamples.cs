namespace NomadGitOps.Testing;

/// <summary>
/// Go's own examples of durations: the <c>parseDurationTests</c>, <c>parseDurationErrorTests</c> and
/// <c>durationTests</c> tables of Go's <c>src/time/time_test.go</c>, transcribed (the rows with invalid UTF-8 bytes,
/// <c>"\x85\x85"</c> and <c>"\xffff"</c>, cannot be a .NET string and are left out; the error texts are written out in
/// full, where Go's test checks only the quoted input). One table, two implementations held to it: the client's and
/// the emulator's (each side has its own, so a mistake in one is not shared by both). Linked into both test projects
/// (test/Shared).
/// </summary>
internal static class GoDurationExamples
{
    public static TheoryData<string, string, long> GoParses { get; } = new()
    {
        { "simple", "0", 0L },
        { "simple", "5s", 5000000000L },
        { "simple", "30s", 30000000000L },
        { "simple", "1478s", 1478000000000L },
        { "sign", "-5s", -5000000000L },
        { "sign", "+5s", 5000000000L },
        { "sign", "-0", 0L },
        { "sign", "+0", 0L },
        { "decimal", "5.0s", 5000000000L },
        { "decimal", "5.6s", 5600000000L },
        { "decimal", "5.s", 5000000000L },
        { "decimal", ".5s", 500000000L },
        { "decimal", "1.0s", 1000000000L },
        { "decimal", "1.00s", 1000000000L },
        { "decimal", "1.004s", 1004000000L },
        { "decimal", "1.0040s", 1004000000L },
        { "decimal", "100.00100s", 100001000000L },
        { "different units", "10ns", 10L },
        { "different units", "11us", 11000L },
        { "different units", "12\u00b5s", 12000L },
        { "different units", "12\u03bcs", 12000L },
        { "different units", "13ms", 13000000L },
        { "different units", "14s", 14000000000L },
        { "different units", "15m", 900000000000L },
        { "different units", "16h", 57600000000000L },
        { "composite", "3h30m", 12600000000000L },
        { "composite", "10.5s4m", 250500000000L },
        { "composite", "-2m3.4s", -123400000000L },
        { "composite", "1h2m3s4ms5us6ns", 3723004005006L },
        { "composite", "39h9m14.425s", 140954425000000L },
        { "large value", "52763797000ns", 52763797000L },
        { "more than 9 digits after the point (go.dev/issue/6617)", "0.3333333333333333333h", 1200000000000L },
        { "1<<53 + 1, not exact in a float64", "9007199254740993ns", 9007199254740993L },
        { "largest duration", "9223372036854775807ns", long.MaxValue },
        { "largest duration", "9223372036854775.807us", long.MaxValue },
        { "largest duration", "9223372036s854ms775us807ns", long.MaxValue },
        { "smallest duration", "-9223372036854775808ns", long.MinValue },
        { "smallest duration", "-9223372036854775.808us", long.MinValue },
        { "smallest duration", "-9223372036s854ms775us808ns", long.MinValue },
        { "largest negative round trip (go.dev/issue/48629)", "-2562047h47m16.854775808s", long.MinValue },
        { "huge string (go.dev/issue/15011)", "0.100000000000000000000h", 360000000000L },
        { "first overflow check of leadingFraction", "0.830103483285477580700h", 2988372539827L },
    };

    public static TheoryData<string, string, string> GoRefuses { get; } = new()
    {
        { "invalid", "", "time: invalid duration \"\"" },
        { "invalid", "3", "time: missing unit in duration \"3\"" },
        { "invalid", "-", "time: invalid duration \"-\"" },
        { "invalid", "s", "time: invalid duration \"s\"" },
        { "invalid", ".", "time: invalid duration \".\"" },
        { "invalid", "-.", "time: invalid duration \"-.\"" },
        { "invalid", ".s", "time: invalid duration \".s\"" },
        { "invalid", "+.s", "time: invalid duration \"+.s\"" },
        { "invalid", "1d", "time: unknown unit \"d\" in duration \"1d\"" },
        { "utf8.RuneError", "\ufffd", "time: invalid duration \"\\xef\\xbf\\xbd\"" },
        { "utf8.RuneError", "\ufffd hello \ufffd world", "time: invalid duration \"\\xef\\xbf\\xbd hello \\xef\\xbf\\xbd world\"" },
        { "overflow", "9223372036854775810ns", "time: invalid duration \"9223372036854775810ns\"" },
        { "overflow", "9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\"" },
        { "overflow", "-9223372036854775809ns", "time: invalid duration \"-9223372036854775809ns\"" },
        { "overflow", "9223372036854776us", "time: invalid duration \"9223372036854776us\"" },
        { "overflow", "3000000h", "time: invalid duration \"3000000h\"" },
        { "overflow", "9223372036854775.808us", "time: invalid duration \"9223372036854775.808us\"" },
        { "overflow", "9223372036854ms775us808ns", "time: invalid duration \"9223372036854ms775us808ns\"" },
    };

    public static TheoryData<string, long> GoPrints { get; } = new()
    {
        { "0s", 0L },
        { "1ns", 1L },
        { "1.1\u00b5s", 1100L },
        { "2.2ms", 2200000L },
        { "3.3s", 3300000000L },
        { "4m5s", 245000000000L },
        { "4m5.001s", 245001000000L },
        { "5h6m7.001s", 18367001000000L },
        { "8m0.000000001s", 480000000001L },
        { "2562047h47m16.854775807s", long.MaxValue },
        { "-2562047h47m16.854775808s", long.MinValue },
    };
}
