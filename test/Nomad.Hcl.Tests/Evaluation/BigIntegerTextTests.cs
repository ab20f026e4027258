using System.Globalization;
using System.Numerics;
using Nomad.Hcl.Evaluation;

namespace Nomad.Hcl.Tests.Evaluation;

public sealed class BigIntegerTextTests
{
    public static TheoryData<int> DigitCounts() => [1, 9_000, 9_031, 16_384, 16_385, 32_768, 65_536, 100_000];

    [Theory]
    [MemberData(nameof(DigitCounts))]
    public void Powers_of_ten_and_the_numbers_below_them_have_the_runtimes_digits(int digits)
    {
        // The split points are powers of ten; a value at or just below one must keep every digit, none doubled.
        var power = BigInteger.Pow(10, digits);

        BigIntegerText.Of(power).ShouldBe(power.ToString(CultureInfo.InvariantCulture));
        BigIntegerText.Of(power - 1).ShouldBe((power - 1).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Random_large_values_and_values_with_runs_of_zeros_inside_have_the_runtimes_digits()
    {
        var random = new Random(20261205);
        for (var i = 0; i < 40; i++)
        {
            var bytes = new byte[random.Next(3_000, 30_000)];
            random.NextBytes(bytes);
            bytes[^1] &= 0x7f;
            var value = new BigInteger(bytes);
            // A low half that is all zeros, or mostly zeros, exercises the padding of the halves.
            var padded = (value * BigInteger.Pow(10, random.Next(0, 20_000))) + random.Next(0, 10);

            BigIntegerText.Of(value).ShouldBe(value.ToString(CultureInfo.InvariantCulture));
            BigIntegerText.Of(padded).ShouldBe(padded.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_negative_value_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => BigIntegerText.Of(BigInteger.MinusOne));
    }
}
