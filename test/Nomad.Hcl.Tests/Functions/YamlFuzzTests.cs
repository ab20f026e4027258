using Nomad.Hcl.Evaluation;
using Nomad.Hcl.Functions;

namespace Nomad.Hcl.Tests.Functions;

public sealed class YamlFuzzTests
{
    private const string YamlAlphabet = "-:?[]{},#&*!|>'\"%@` \t\n\r.~0123456789abxyzYN_+eé\u2028\u0085";
    private const string TextAlphabet = " \t\n\r\"\\'#:-?[]{}!|>%@`&*,.~0123456789abcyzNé☃😀\u0085\u00a0\u2028\u2029\u007f\ufeff";

    private static readonly string[] Seeds =
    [
        "a: 1\nb: [1, 2]\nc: {d: e}\n",
        "- x\n- &a {k: v}\n- *a\n- <<: *a\n",
        "key: |\n  line\n  more\nfolded: >-\n  a\n  b\n",
        "%YAML 1.1\n---\n!!str 12\n...\n",
        "'q': \"esc\\t\\u00e9\"\n? complex\n: value\n",
    ];

    private static void DecodeMustNotThrowOtherThanAFunctionError(string source)
    {
        try
        {
            // A document holding only null gives an unknown value, as in Nomad (see the README).
            YamlDecoder.Decode(source).ShouldNotBeNull();
        }
        catch (FunctionException)
        {
        }
    }

    [Fact]
    public void Every_truncation_and_many_mutations_of_yaml_decode_are_unknown_or_fail_with_a_function_error()
    {
        var random = new Random(20261125);
        foreach (var seed in Seeds)
        {
            for (var length = 0; length <= seed.Length; length++)
            {
                DecodeMustNotThrowOtherThanAFunctionError(seed[..length]);
            }

            for (var round = 0; round < 300; round++)
            {
                var chars = seed.ToCharArray();
                for (var edits = random.Next(1, 4); edits > 0; edits--)
                {
                    chars[random.Next(chars.Length)] = YamlAlphabet[random.Next(YamlAlphabet.Length)];
                }

                DecodeMustNotThrowOtherThanAFunctionError(new string(chars));
            }
        }
    }

    private static string RandomText(Random random)
    {
        var runes = new System.Text.StringBuilder();
        var alphabet = TextAlphabet.EnumerateRunes().ToArray();
        for (var n = random.Next(0, 12); n > 0; n--)
        {
            runes.Append(random.Next(4) == 0 ? alphabet[random.Next(alphabet.Length)].ToString() : ((char)('a' + random.Next(26))).ToString());
        }

        return runes.ToString();
    }

    private static HclValue RandomValue(Random random, int depth)
    {
        switch (random.Next(depth > 2 ? 3 : 5))
        {
            case 0:
                return HclValue.String(random.Next(3) == 0 ? string.Join(' ', Enumerable.Range(0, random.Next(40)).Select(_ => RandomText(random))) : RandomText(random));
            case 1:
                return HclValue.Number(Math.Round((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 12)), random.Next(0, 6)));
            case 2:
                return random.Next(3) == 0 ? HclValue.Null : HclValue.Bool(random.Next(2) == 0);
            case 3:
                return HclValue.Tuple([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth + 1))]);
            default:
                var attributes = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
                for (var n = random.Next(4); n > 0; n--)
                {
                    attributes[random.Next(8) == 0 ? string.Join(' ', Enumerable.Range(0, 30).Select(_ => RandomText(random))) : RandomText(random)] = RandomValue(random, depth + 1);
                }

                return HclValue.Object(attributes);
        }
    }

    [Fact]
    public void Yamlencode_output_of_random_values_decodes_back_to_the_same_json()
    {
        var random = new Random(42);
        for (var round = 0; round < 2000; round++)
        {
            var value = RandomValue(random, 0);
            var yaml = YamlEmitter.Encode(value);
            if (value.IsNull)
            {
                // A document holding only null is unknown in Nomad (see the README); nothing to compare.
                continue;
            }

            var decoded = YamlDecoder.Decode(yaml);
            JsonFunctions.Encode(decoded).ShouldBe(JsonFunctions.Encode(value), yaml);
        }
    }
}
