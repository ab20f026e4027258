namespace Nomad.Hcl.Tests.Functions;

public sealed class YamlTests
{
    private static string Value(string expression)
    {
        var value = MetaExpression.Evaluate(expression, out var error);
        error.ShouldBe("");
        return value!;
    }

    [Fact]
    public void Yamlencode_output_decodes_back_to_the_same_value()
    {
        const string Value1 = "{ a = [1, \"two\", null, true], \"b c\" = { d = \"multi\\nline\\n\", e = \"  lead\\n\", f = {} }, g = [] }";

        Value($"jsonencode(yamldecode(yamlencode({Value1})))").ShouldBe(Value($"jsonencode({Value1})"));
    }

    [Fact]
    public void Collections_nested_deeper_than_ten_thousand_levels_are_refused_instead_of_overflowing_the_stack()
    {
        var deep = new string('[', 12_000) + new string(']', 12_000);

        MetaExpression.Evaluate($"jsonencode(yamldecode(\"{deep}\"))", out var error).ShouldBeNull();
        error.ShouldEndWith("YAML collections nested deeper than 10000 levels are not supported.");
        Value($"length(yamldecode(\"{new string('[', 10_000)}{new string(']', 10_000)}\"))").ShouldBe("1");
    }

    [Fact]
    public void A_syntax_error_after_too_deep_nesting_is_still_reported_as_nomad_reports_it()
    {
        MetaExpression.Evaluate($"jsonencode(yamldecode(\"{new string('[', 15_000)}\"))", out var error).ShouldBeNull();

        error.ShouldEndWith("on line 1, column 1: did not find expected node content.");
    }

    [Fact]
    public void Keys_of_a_mapping_are_resolved_like_values_before_becoming_strings()
    {
        Value("jsonencode(yamldecode(\"y: 1\\n2001-01-02: d\\n0x10: h\\n\"))").ShouldBe("{\"16\":\"h\",\"2001-01-02T00:00:00Z\":\"d\",\"true\":1}");
    }

    [Fact]
    public void A_long_quoted_string_folds_at_eighty_columns_under_its_key()
    {
        var words = string.Join(' ', Enumerable.Repeat("abcd", 30));

        Value($"yamlencode({{ k = \"{words}\" }})").ShouldBe(
            "\"k\": \"" + string.Join(' ', Enumerable.Repeat("abcd", 16)) + "\n  " + string.Join(' ', Enumerable.Repeat("abcd", 14)) + "\"\n");
    }

    [Theory]
    [InlineData("0.0000001", "0.0000001")]
    [InlineData("1e21", "1000000000000000000000")]
    [InlineData("-2.5e-3", "-0.0025")]
    [InlineData("123456789.5", "123456789.5")]
    public void Numbers_are_written_in_plain_decimal_as_big_float_text_f(string literal, string expected)
    {
        Value($"yamlencode({literal})").ShouldBe(expected + "\n...\n");
        Value($"jsonencode({literal})").ShouldBe(expected);
    }
}
