using NomadGitOps.Testing;

namespace Nomad.Emulator.Tests;

/// <summary>The emulator's Go durations against Go's own examples (<see cref="GoDurationExamples"/>, shared with the
/// client's tests: one table, two implementations).</summary>
public sealed class GoDurationTests
{
    public static TheoryData<string, string, long> GoParses => GoDurationExamples.GoParses;

    public static TheoryData<string, string, string> GoRefuses => GoDurationExamples.GoRefuses;

    public static TheoryData<string, long> GoPrints => GoDurationExamples.GoPrints;

    [Theory]
    [MemberData(nameof(GoParses))]
    public void A_duration_reads_as_Go_reads_it(string group, string text, long nanoseconds)
    {
        GoDuration.TryParse(text, out long parsed, out var error).ShouldBeTrue($"{group}: {error}");
        parsed.ShouldBe(nanoseconds, group);
    }

    [Theory]
    [MemberData(nameof(GoRefuses))]
    public void A_bad_duration_is_refused_with_Go_s_error_text(string group, string text, string message)
    {
        GoDuration.TryParse(text, out long _, out var error).ShouldBeFalse(group);
        error.ShouldBe(message, group);
    }

    [Theory]
    [MemberData(nameof(GoPrints))]
    public void A_duration_prints_as_Go_prints_it_and_its_negation_with_a_minus(string text, long nanoseconds)
    {
        GoDuration.Format(nanoseconds).ShouldBe(text);
        if (nanoseconds > 0)
        {
            GoDuration.Format(-nanoseconds).ShouldBe("-" + text);
        }
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(86_400_000L)]
    [InlineData(1_234_567_000_000L)]
    public void A_printed_duration_reads_back_to_the_same_value(long nanoseconds)
    {
        GoDuration.TryParse(GoDuration.Format(nanoseconds), out long parsed, out _).ShouldBeTrue();
        parsed.ShouldBe(nanoseconds);
    }

    [Fact]
    public void A_duration_as_a_TimeSpan_is_rounded_to_whole_ticks()
    {
        GoDuration.TryParse("1h30m", out TimeSpan value).ShouldBeTrue();
        value.ShouldBe(TimeSpan.FromMinutes(90));
        GoDuration.TryParse("150ns", out value).ShouldBeTrue();
        value.Ticks.ShouldBe(2);
        GoDuration.TryParse("10 minutes", out value).ShouldBeFalse();
    }
}
