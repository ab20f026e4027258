using Nomad.Emulator.Jobs;

namespace Nomad.Emulator.Tests.Jobs;

public sealed class GoFormattingTests
{
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
