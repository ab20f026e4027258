using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GoRegexpSyntax;

namespace Nomad.Hcl.Tests.GoRegexpSyntax;

/// <summary>
/// Patterns on both sides of Go's <c>expression too large</c> limit where Go's simplifications decide: the size is
/// measured on Go's tree, after literal strings are merged and alternations factored, and only once the nodes Go has
/// allocated times the product of the counted repeats reaches the limit. The answers are recorded (size-limit.json,
/// written by size-limit.py) from a build with Go 1.19, whose patch release answered the same check with
/// <c>regexp/syntax: internal error</c>; Go 1.20+ names it <c>expression too large</c> (see server-differs.json's
/// reason), which is what a Nomad server built with Go 1.26 says and what is asserted.
/// </summary>
/// <remarks>
/// Where each boundary falls by Go's algorithm (parse.go: <c>factor</c>, <c>calcSize</c>, <c>checkSize</c>;
/// maxSize = 128 MiB / 40 = 3,355,443 instructions):
/// <list type="bullet">
/// <item><c>(?:ab|cd|ef)</c>: no common prefix, so three strings of 2 and two splits, 8; k of them repeated {1000}
/// are 8,000·k, within the limit up to k = 419, over it at 420 (by then Go has allocated more than 3,355 nodes, so it
/// measures). Taking such an alternation as its largest alternative (2) would accept it up to 1,677.</item>
/// <item><c>(?:ab|ac|ad)</c>: round 1 factors <c>a</c> out, round 3 merges <c>b c d</c> into a class: <c>a[b-d]</c>,
/// 2; 2,000·k passes up to k = 1,677.</item>
/// <item><c>(?:abc|abd|aef|bcx|bcy)</c>, parse.go's own example, becomes <c>a(?:b[cd]|ef)|bc[xy]</c>: 1 + (2 + 2 +
/// 1) and 2 + 1, plus one split, 10; up to k = 335.</item>
/// <item><c>(?:xa|xb|y|z|.)</c>: <c>x[ab]</c>, and <c>y z .</c> merged into the dot (round 3): 2 + 1 + 1 split, 4;
/// up to k = 838.</item>
/// <item><c>(?:[ab]c|[ab]d|x{2}y|x{2}z)</c>: round 2 factors the leading class and the fixed repeat of a class:
/// <c>[ab][cd]|x{2}[yz]</c>, 2 + 3 + 1, 6; up to k = 559. Below that the pattern is refused anyway, as
/// <c>x{2}</c> inside <c>{1000}</c> repeats x 2,000 times (repeatIsValid), but <c>repeat</c> checks the size first,
/// so from k = 560 the error is the size.</item>
/// <item><c>(?:(?:(?:ab|ac)…){10}){100}</c>: <c>a[bc]</c>, 2, 1,000 times: as the second family, up to 1,677.</item>
/// <item><c>(?i:ab|AC)(?:a|A)</c>: the folded strings share <c>A</c> (stored as the least rune of each fold orbit),
/// <c>B C</c> merge into a class, 2; <c>a|A</c> merges into <c>[Aa]</c>, which, pushed, is one folded literal, 1: 3,
/// up to k = 1,118.</item>
/// <item>An alternation of k strings <c>pre00000|pre00007|…</c>: factored into a trie by the common prefix, its size
/// grows with k by the digits left after the prefixes shared; the boundary (1,539/1,540) is the recorded one.</item>
/// <item><c>(?:a…a){1000}</c> (4,000 a's) then k dots: the string costs Go four nodes (the parenthesis, the string and
/// the two it alternates between while merging), so at the <c>{1000}</c> Go has made 4 nodes, under 3,355 (maxSize /
/// 1000), and does not measure: 4,000,000 instructions pass. Each dot is a new node; with the 3,351st Go has made
/// 3,355, starts measuring everything on the stack, and refuses.</item>
/// </list>
/// </remarks>
public sealed class SizeLimitTests
{
    private static readonly JsonArray Recorded = (JsonArray)JsonNode.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "GoRegexpSyntax", "size-limit.json")))!;

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var entry in Recorded)
        {
            data.Add(entry!["family"]!.GetValue<string>(), entry["k"]!.GetValue<int>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_pattern_near_the_size_limit_is_decided_as_go_decides_it(string family, int k)
    {
        var entry = Recorded.Single(e => e!["family"]!.GetValue<string>() == family && e["k"]!.GetValue<int>() == k)!;
        var pattern = Pattern(entry);
        var error = GoRegex.Check(pattern);
        if (entry["recorded"] is JsonValue accepted)
        {
            accepted.GetValue<string>().ShouldBe("accepted");
            error.ShouldBeNull();
            return;
        }

        var recordedCode = entry["recorded"]!["code"]!.GetValue<string>();
        var code = recordedCode == "regexp/syntax: internal error" ? ErrorCodes.Large : recordedCode;
        error.ShouldNotBeNull().Code.ShouldBe(code);
        error.Expr.ShouldBe(entry["recorded"]!["expr"]?.GetValue<string>() ?? pattern);
    }

    // size-limit.py's pattern: prefix, k units joined, suffix; "#####" in a unit is i·7 in five digits.
    private static string Pattern(JsonNode entry)
    {
        var unit = entry["unit"]!.GetValue<string>();
        var b = new StringBuilder(entry["prefix"]!.GetValue<string>());
        for (var i = 0; i < entry["k"]!.GetValue<int>(); i++)
        {
            b.Append(i > 0 ? entry["joiner"]!.GetValue<string>() : "");
            b.Append(unit.Replace("#####", (i * 7).ToString("D5", CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        return b.Append(entry["suffix"]!.GetValue<string>()).ToString();
    }
}
