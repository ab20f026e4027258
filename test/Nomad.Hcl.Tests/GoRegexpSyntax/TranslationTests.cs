using GoRegexpSyntax;

namespace Nomad.Hcl.Tests.GoRegexpSyntax;

/// <summary>
/// What the .NET translation matches where .NET's own reading of the pattern would differ from RE2's (the
/// recorded regex_replace answers cover more through the HCL function).
/// </summary>
public sealed class TranslationTests
{
    private static string Replace(string input, string pattern, string template) =>
        GoRegex.Compile(pattern, TimeSpan.FromSeconds(1)).ReplaceAll(input, template);

    [Theory]
    [InlineData("the Braille class is U+2800 to U+28FF", "\u27FF\u2800\u28FF\u2900", @"\p{Braille}", "-", "\u27FF--\u2900")]
    [InlineData("a script class matches its letters", "aαβ", @"\p{Greek}+", "G", "aG")]
    [InlineData("a negated script class matches the rest", "aαβ", @"\P{Greek}", "N", "Nαβ")]
    [InlineData("a script class beyond U+FFFF takes whole pairs", "a\U0001F600", @"\p{Common}", "C", "aC")]
    [InlineData("(?i) folds long s and the Kelvin sign into a lower-case class", "\u017F\u212Ax", "(?i)[[:lower:]]", "L", "LLL")]
    [InlineData(@"(?i)\W leaves out what folds to a word character", "\u017F\u212A-", @"(?i)\W", "N", "\u017F\u212AN")]
    [InlineData("$ without (?m) does not match before a final newline", "a\n", "a$", "X", "a\n")]
    [InlineData(@"\s is ASCII only", "a\u00A0b c", @"\s", "_", "a\u00A0b_c")]
    [InlineData("an empty match right after a match is not replaced", "abc", "b*", "X", "XaXcX")]
    [InlineData("$1x names a group called 1x, which does not exist", "ab", "(a)", "[$1x]", "[]b")]
    [InlineData("a group not taking part expands to nothing", "ac", "(a)(b)?c", "<$2>", "<>")]
    [InlineData("(?U) swaps greedy and lazy", "aaa", "(?U)a+", "X", "XXX")]
    [InlineData(@"\Q..\E is literal", "a.b*", @"\Q.b*\E", "-", "a-")]
    // Go 1.25 names (parse.go unicodeTable; cases after parse_test.go's) and Go 1.21+'s Unicode 15.0.0 tables.
    [InlineData("a folded literal beside the same rune unfolded is not factored out (golang/go#59007, find_test.go)", "0a 0A", "0A|0[aA]", "X", "X X")]
    [InlineData(@"\p{Letter} is \pL", "a\u03B21", @"\p{Letter}", "X", "XX1")]
    [InlineData("a name ignores case, spaces, underscores and hyphens", "aB", @"\p{upper case-let ter}", "X", "aX")]
    [InlineData("a one-letter name ignores case too", "aB1", @"\pl", "X", "XX1")]
    [InlineData("a script with an underscore in its name", "\u1401a", @"\p{canadian aboriginal}", "X", "Xa")]
    [InlineData("(?i) ASCII takes long s and the Kelvin sign", "\u017F\u212A\u00E9", @"(?i)\p{ascii}", "X", "XX\u00E9")]
    [InlineData("Cn is the unassigned code points (U+0378)", "\u0378a", @"\p{Cn}", "X", "Xa")]
    [InlineData("Assigned is all but Cn", "\u0378a", @"\p{Assigned}", "X", "\u0378X")]
    [InlineData("^Assigned is Cn", "\u0378a", @"\p{^Assigned}", "X", "Xa")]
    [InlineData("C holds Cn since Go 1.25", "\u0378\u0007a", @"\pC", "X", "XXa")]
    [InlineData("LC is Lu, Ll and Lt, not Lo", "a\u01C5\u00AA", @"\p{LC}", "X", "XX\u00AA")]
    [InlineData("digit is an alias of Nd", "a\u0663", @"\p{digit}", "X", "aX")]
    [InlineData("Kawi is a Unicode 15.0 script", "a\U00011F00", @"\p{Kawi}", "X", "aX")]
    [InlineData("Nag Mundari is a Unicode 15.0 script", "a\U0001E4D0", @"\p{Nag_Mundari}", "X", "aX")]
    [InlineData("Vithkuqi is a Unicode 14.0 script", "a\U00010570", @"\p{Vithkuqi}", "X", "aX")]
    [InlineData("(?<name>re) is a named group (Go 1.22)", "ab", "(?<n>a)", "[$n]", "[a]b")]
    [InlineData("(?i) folds as Unicode 15 does: U+0264 gains its capital U+A7CB only in Unicode 16", "\uA7CB\u0264", "(?i)\u0264", "X", "\uA7CBX")]
    [InlineData("(?i) folds as Unicode 15 does: Vithkuqi letters fold (Unicode 14)", "\U00010570\U00010597", "(?i)\U00010597", "X", "XX")]
    public void A_translated_pattern_replaces_as_go_does(string because, string input, string pattern, string template, string expected) =>
        Replace(input, pattern, template).ShouldBe(expected, because);

    [Fact]
    public void A_duplicate_group_name_expands_to_the_first_group() =>
        Replace("ab", "(?P<n>a)(?P<n>b)", "[$n]").ShouldBe("[a]");
}
