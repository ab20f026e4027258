using NomadGitOps.Testing;

namespace Nomad.Client.Tests;

/// <summary>The client's Go durations against Go's own examples (<see cref="GoDurationExamples"/>, shared with the
/// emulator's tests: one table, two implementations).</summary>
public sealed class GoDurationGoExamplesTests
{
    public static TheoryData<string, string, long> GoParses => GoDurationExamples.GoParses;

    public static TheoryData<string, string, string> GoRefuses => GoDurationExamples.GoRefuses;

    public static TheoryData<string, long> GoPrints => GoDurationExamples.GoPrints;

    [Theory]
    [MemberData(nameof(GoParses))]
    public void A_duration_reads_as_Go_reads_it(string group, string text, long nanoseconds)
    {
        GoDuration.TryParseNanoseconds(text, out var parsed, out var error).ShouldBeTrue($"{group}: {error}");
        parsed.ShouldBe(nanoseconds, group);
    }

    [Theory]
    [MemberData(nameof(GoRefuses))]
    public void A_bad_duration_is_refused_with_Go_s_error_text(string group, string text, string message)
    {
        GoDuration.TryParseNanoseconds(text, out _, out var error).ShouldBeFalse(group);
        error.ShouldBe(message, group);
        Should.Throw<FormatException>(() => GoDuration.Parse(text)).Message.ShouldBe(message, group);
    }

    [Theory]
    [MemberData(nameof(GoPrints))]
    public void A_duration_prints_as_Go_prints_it_and_its_negation_with_a_minus(string text, long nanoseconds)
    {
        GoDuration.FormatNanoseconds(nanoseconds).ShouldBe(text);
        if (nanoseconds > 0)
        {
            GoDuration.FormatNanoseconds(-nanoseconds).ShouldBe("-" + text);
        }
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(86_400_000L)]
    [InlineData(1_234_567_000_000L)]
    public void A_printed_duration_reads_back_to_the_same_value(long nanoseconds)
    {
        GoDuration.TryParseNanoseconds(GoDuration.FormatNanoseconds(nanoseconds), out var parsed, out _).ShouldBeTrue();
        parsed.ShouldBe(nanoseconds);
    }
}
