namespace Nomad.Client.Tests;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("15s", 15 * TimeSpan.TicksPerSecond)]
    [InlineData("1h30m", 90 * TimeSpan.TicksPerMinute)]
    [InlineData("1.5h", 90 * TimeSpan.TicksPerMinute)]
    [InlineData("300ms", 300 * TimeSpan.TicksPerMillisecond)]
    [InlineData("2h45m10s", (2 * 3600 + 45 * 60 + 10) * TimeSpan.TicksPerSecond)]
    [InlineData("-1m", -TimeSpan.TicksPerMinute)]
    [InlineData(".5s", TimeSpan.TicksPerSecond / 2)]
    [InlineData("1500us", 15_000L)]
    [InlineData("1500µs", 15_000L)]
    [InlineData("100ns", 1L)]
    public void Parse_reads_what_go_time_ParseDuration_reads(string text, long ticks) =>
        GoDuration.Parse(text).Ticks.ShouldBe(ticks);

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("s")]
    [InlineData("1.2.3s")]
    [InlineData("5 s")]
    [InlineData("5d")]
    [InlineData("-")]
    [InlineData("1h-5m")]
    public void TryParse_refuses_what_go_refuses(string text) =>
        GoDuration.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Parse_names_the_bad_text_in_its_error() =>
        Should.Throw<FormatException>(() => GoDuration.Parse("10 minutes")).Message.ShouldBe("time: unknown unit \" minutes\" in duration \"10 minutes\"");

    [Fact]
    public void A_TimeSpan_beyond_Go_s_range_still_formats() =>
        GoDuration.Format(TimeSpan.FromDays(400 * 365)).ShouldBe("3504000h0m0s");

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(15 * TimeSpan.TicksPerSecond, "15s")]
    [InlineData(90 * TimeSpan.TicksPerSecond, "1m30s")]
    [InlineData(TimeSpan.TicksPerHour, "1h0m0s")]
    [InlineData(26 * TimeSpan.TicksPerHour + 5 * TimeSpan.TicksPerSecond, "26h0m5s")]
    [InlineData(TimeSpan.TicksPerSecond * 3 / 2, "1.5s")]
    [InlineData(100 * TimeSpan.TicksPerMillisecond, "100ms")]
    [InlineData(15_000L, "1.5ms")]
    [InlineData(15L, "1.5µs")]
    [InlineData(-TimeSpan.TicksPerMinute, "-1m0s")]
    public void Format_writes_what_go_Duration_String_writes(long ticks, string expected) =>
        GoDuration.Format(TimeSpan.FromTicks(ticks)).ShouldBe(expected);

    [Theory]
    [InlineData("15s")]
    [InlineData("1h30m0s")]
    [InlineData("250ms")]
    [InlineData("24h0m0s")]
    public void Format_round_trips_through_Parse(string text) =>
        GoDuration.Format(GoDuration.Parse(text)).ShouldBe(text);
}
