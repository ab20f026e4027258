using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Evaluation;
using Nomad.Hcl.Functions;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl.Tests.Syntax;

/// <summary>Numbers as cty holds them (512-bit big.Float) and writes them (Text('f', -1)); texts are Nomad's recorded answers.</summary>
public sealed class NumberTests
{
    private static string Text(string source)
    {
        var diagnostics = new DiagnosticBag();
        var expr = Parser.ParseExpression(source, "expr.hcl", diagnostics);
        diagnostics.Items.ShouldBeEmpty();
        var value = Evaluator.Evaluate(expr!, new EvaluationContext(new Dictionary<string, HclValue>(), new Dictionary<string, HclFunction>()));
        return Converter.Convert(value, HclType.String).AsString();
    }

    [Theory]
    [InlineData("an integer above 2^53 stays exact", "9007199254740993", "9007199254740993")]
    [InlineData("whole-number arithmetic is exact beyond int64", "18446744073709551615 + 1", "18446744073709551616")]
    [InlineData("a product above 2^53 is exact", "9007199254740993 * 3", "27021597764222979")]
    [InlineData("0.1 + 0.2 is 0.3 at 512 bits", "0.1 + 0.2", "0.3")]
    [InlineData("a cancellation shows the 512-bit rounding", "1 - 0.9", "0.10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000003")]
    [InlineData("a large exponent is written in full", "1e30", "1000000000000000000000000000000")]
    [InlineData("a small exponent is written in full", "1.5e-7", "0.00000015")]
    [InlineData("trailing zeros are dropped", "1.50", "1.5")]
    [InlineData("negative zero keeps its sign", "-0.0", "-0")]
    [InlineData("a terminating quotient is exact", "10 / 4", "2.5")]
    [InlineData("a literal beyond a decimal is exact", "123456789012345678901234567890", "123456789012345678901234567890")]
    public void A_number_converts_to_the_string_cty_writes(string because, string source, string expected)
    {
        Text(source).ShouldBe(expected, because);
    }

    [Fact]
    public void One_third_has_the_digits_of_a_512_bit_quotient()
    {
        var text = Text("1 / 3");
        text.Length.ShouldBe(157);
        text.ShouldStartWith("0.3333333333");
        text.ShouldEndWith("3335");
    }

    [Fact]
    public void Comparison_distinguishes_integers_a_double_cannot()
    {
        Text("9007199254740993 > 9007199254740992").ShouldBe("true");
        Text("9007199254740993 == 9007199254740992").ShouldBe("false");
    }

    [Fact]
    public void A_double_is_written_with_the_shortest_digits_at_53_bits()
    {
        HclValue.FormatNumber(Math.Pow(2, 64)).ShouldBe("18446744073709550000");
        HclValue.FormatNumber(0.1 + 0.2).ShouldBe("0.30000000000000004");
        HclValue.FormatNumber(1e30).ShouldBe("1000000000000000000000000000000");
    }
}
