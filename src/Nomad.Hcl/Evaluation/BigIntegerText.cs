using System.Globalization;
using System.Numerics;
using System.Text;

namespace Nomad.Hcl.Evaluation;

/// <summary>
/// The decimal text of a large non-negative <see cref="BigInteger"/> by divide and conquer, as Go's <c>nat.itoa</c>
/// converts (split by a power of ten, convert the halves). .NET's own <c>ToString</c> is quadratic: 9 s for the 700,001
/// digits of <c>1e700000</c>, which a literal in a job file can ask for; this takes about 0.2 s.
/// </summary>
internal static class BigIntegerText
{
    // Below this size the runtime's conversion is as fast.
    private const long DirectBits = 30_000;

    /// <summary>The decimal digits of <paramref name="value"/> (not negative), as <c>ToString</c> gives them.</summary>
    public static string Of(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "The value must not be negative.");
        }

        if (value.GetBitLength() < DirectBits)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var text = new StringBuilder();
        Append(text, value, 0, []);
        return text.ToString();
    }

    // Appends value's digits, left-padded with zeros to width (0: no padding); powers holds 10^k for the splits made.
    private static void Append(StringBuilder text, BigInteger value, int width, Dictionary<int, BigInteger> powers)
    {
        if (value.GetBitLength() < DirectBits)
        {
            var digits = value.ToString(CultureInfo.InvariantCulture);
            if (width > digits.Length)
            {
                text.Append('0', width - digits.Length);
            }

            text.Append(digits);
            return;
        }

        // Split at the largest power of two at most half the digit count, so both halves hold digits and the powers
        // repeat (computed once). The estimate from the bit length is the digit count or one more.
        var estimate = (int)(value.GetBitLength() * 0.30102999566398120) + 1;
        var k = 1;
        while (k * 4 <= estimate - 1)
        {
            k *= 2;
        }

        if (!powers.TryGetValue(k, out var power))
        {
            power = BigInteger.Pow(10, k);
            powers[k] = power;
        }

        var (high, low) = BigInteger.DivRem(value, power);
        Append(text, high, width > 0 ? width - k : 0, powers);
        Append(text, low, k, powers);
    }
}
