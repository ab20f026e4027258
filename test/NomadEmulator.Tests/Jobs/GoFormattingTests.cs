using Nomad.Emulator.Jobs;

namespace Nomad.Emulator.Tests.Jobs;

public sealed class GoFormattingTests
{
    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(1_000_000_000L, "1s")]
    [InlineData(10_000_000_000L, "10s")]
    [InlineData(180_000_000_000L, "3m0s")]
    [InlineData(3_900_000_000_000L, "1h5m0s")]
    [InlineData(1_500_000_000L, "1.5s")]
    [InlineData(500_000_000L, "500ms")]
    [InlineData(-2_000_000_000L, "-2s")]
    public void Durations_print_as_Go_prints_them(long nanoseconds, string expected) =>
        GoDuration.Format(nanoseconds).ShouldBe(expected);

    [Fact]
    public void One_error_is_listed_under_a_singular_header_with_a_trailing_blank_line() =>
        MultiError.Format(["boom"]).ShouldBe("1 error occurred:\n\t* boom\n\n");

    [Fact]
    public void Several_errors_are_tab_bulleted_in_order() =>
        MultiError.Format(["a", "b"]).ShouldBe("2 errors occurred:\n\t* a\n\t* b\n\n");

    [Fact]
    public void No_error_formats_as_null() =>
        MultiError.Format([]).ShouldBeNull();

    [Fact]
    public void Warnings_are_merged_as_Nomad_merges_them() =>
        JobAdmission.FormatWarnings(["first ", "second"]).ShouldBe("2 warnings:\n\n* first\n* second");
}
