using GoRegexpSyntax;

namespace Nomad.Hcl.Tests.GoRegexpSyntax;

/// <summary>
/// The patterns of Go's own regexp/syntax tests (golang/go src/regexp/syntax/parse_test.go as of Go 1.26: parseTests,
/// invalidRegexps, onlyPerl, onlyPOSIX; BSD-3-Clause, Copyright The Go Authors), transcribed: what Go parses must
/// parse here and compile for .NET, what Go refuses must be refused. The Go 1.22+ and 1.25+ cases are marked.
/// </summary>
public sealed class ParseTableTests
{
    public static TheoryData<string> Valid() =>
    [
        "a", "a.", "a.b", "ab", "a.b.c", "abc", "a|^", "a|b", "(a)", "(a)|b", "a*", "a+", "a?", "a{2}", "a{2,3}", "a{2,}",
        "a*?", "a+?", "a??", "a{2}?", "a{2,3}?", "a{2,}?", "x{1001", "x{9876543210", "x{9876543210,", "x{2,1",
        "x{1,9876543210", "", "|", "|x|", ".", "^", "$", @"\|", @"\(", @"\)", @"\*", @"\+", @"\?", "{", "}", @"\.", @"\^",
        @"\$", @"\\", "[ace]", "[abc]", "[a-z]", "[a]", @"\-", "-", @"\_", "abc|def", "abc|def|ghi",
        "[[:lower:]]", "[^[:lower:]]", "[[:^lower:]]", "(?i)[[:lower:]]", "(?i)[a-z]", "(?i)[^[:lower:]]",
        "(?i)[[:^lower:]]", @"\d", @"\D", @"\s", @"\S", @"\w", @"\W", @"(?i)\w", @"(?i)\W", @"[^\\]",
        @"\p{Braille}", @"\P{Braille}", @"\p{^Braille}", @"\P{^Braille}", @"\pZ", @"[\p{Braille}]", @"[\P{Braille}]",
        @"[\p{^Braille}]", @"[\P{^Braille}]", @"[\pZ]", @"\p{Lu}", @"[\p{Lu}]", @"(?i)[\p{Lu}]", @"\p{Any}", @"\p{^Any}",
        @"[\012-\234]\141", @"[\x{41}-\x7a]\x61", "a{,2}", @"\.\^\$\\", "[a-zABC]", "[^a]", "[α-ε☺]", "a*{",
        "(?:ab)*", "(ab)*", "ab|cd", "a(b|c)d", "(?:a)", "(?:ab)(?:cd)", "(?:a+b+)(?:c+d+)", "(?:a+|b+)|(?:c+|d+)",
        "(?:a|b)|(?:c|d)", "a|.", ".|a", "(?:[abc]|A|Z|hello|world)", "(?:[abc]|A|Z)", @"\Q+|*?{[\E", @"\Q+\E+",
        @"\Qab\E+", @"\Q\\E", @"\Q\\\E", "(?m)^", "(?m)$", "(?-m)^", "(?-m)$", @"(?m)\A", @"(?m)\z", @"(?-m)\A",
        @"(?-m)\z", "(?P<name>a)", "[Aa]", @"[\x{100}\x{101}]", "[Δδ]", "abcde", "[Aa][Bb]cd", "abc|abd|aef|bcx|bcy",
        "ax+y|ax+z|ay+w", "(?:.)", "(?:x|(?:xa))", "(?:.|(?:.a))", "(?:A(?:A|a))", "(?:A|a)", "A|(?:A|a)", "(?s).",
        "(?-s).", "(?:(?:^).)", "(?-s)(?:(?:^).)", "abc|abd", "a(?:b)c|abd", "abc|x|abd", "(?i)abc|ABD", "[ab]c|[ab]d",
        ".c|.d", "x{2}|x{2}[0-9]", "x{2}y|x{2}[0-9]y", "a.*?c|a.*?b", "((((((((((x{2}){2}){2}){2}){2}){2}){2}){2}){2}))",
        "((((((((((x{1}){2}){2}){2}){2}){2}){2}){2}){2}){2})", "[a-b-c]", @"\Qabc\E", @"\Q*+?{[\E", @"\Q\\\\E",
        @"\Q\\\\\E",

        // Go 1.22: (?<name>re); Go 1.25: \p{…} names ignore case, spaces, underscores and hyphens, and Any, ASCII,
        // Assigned, Cn, LC and the category aliases are known.
        "(?<name>a)", @"\p{Uppercase_Letter}", @"\p{upper case-let ter}", @"\p{__upper case-let ter}",
        @"\p{Canadian_Aboriginal}", @"(?i)\p{ascii}", @"\p{Assigned}", @"\p{^Assigned}",

        // Valid repetitions and nesting (Go 1.19.2+ limits).
        "(?:[a-z]{4}){0,250}", new string('(', 999) + new string(')', 999),
        string.Concat(Enumerable.Repeat("(?:", 999)) + string.Concat(Enumerable.Repeat(")*", 999)),
        "(" + new string('|', 12345) + ")",
    ];

    [Theory]
    [MemberData(nameof(Valid))]
    public void A_pattern_go_parses_is_accepted_and_compiles_for_dotnet(string pattern)
    {
        GoRegex.Check(pattern).ShouldBeNull(pattern);
        Should.NotThrow(() => GoRegex.Compile(pattern, TimeSpan.FromSeconds(1)));
    }

    public static TheoryData<string> Invalid() =>
    [
        "(", ")", "(a", "a)", "(a))", "(a|b|", "a|b|)", "(a|b|))", "(a|b", "a|b)", "(a|b))", "[a-z", "([a-z)", "[a-z)",
        "([a-z]))", "x{1001}", "x{9876543210}", "x{2,1}", "x{1,9876543210}", "(?P<name>a", "(?P<name>", "(?P<name", "(?P<x y>a)", "(?P<>a)", "(?<name>a", "(?<name>", "(?<name", "(?<x y>a)", "(?<>a)", "[a-Z]", "(?i)[a-Z]", "a{100000}",
        "a{100000,}", "((((((((((x{2}){2}){2}){2}){2}){2}){2}){2}){2}){2})", "(?:[a-z]{4}){0,251}", @"\Q\E*",
        new string('(', 1000) + new string(')', 1000), string.Concat(Enumerable.Repeat("(?:", 1000)) + string.Concat(Enumerable.Repeat(")*", 1000)),
        "a++", "a**", "a?*", "a+*", "a{1}*", ".{1}{2}.{3}",

        // Too long (Go 1.20+ ErrLarge): compiled size over 3.3M instructions, or over 32M class runes.
        "(" + string.Concat(Enumerable.Repeat("(xx?)", 1000)) + "){1000}", string.Concat(Enumerable.Repeat("(xx?){1000}", 1000)),
        string.Concat(Enumerable.Repeat(@"\pL", 27000)),
    ];

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_pattern_go_refuses_is_refused(string pattern)
    {
        var error = GoRegex.Check(pattern);
        error.ShouldNotBeNull(pattern);
        Should.Throw<RegexpException>(() => GoRegex.Compile(pattern, TimeSpan.FromSeconds(1))).Message.ShouldBe(error.Message);
    }

    [Theory]
    [InlineData("*", "missing argument to repetition operator: `*`")]
    [InlineData("+", "missing argument to repetition operator: `+`")]
    [InlineData("?", "missing argument to repetition operator: `?`")]
    [InlineData("(abc", "missing closing ): `(abc`")]
    [InlineData("abc)", "unexpected ): `abc)`")]
    [InlineData("x[a-z", "missing closing ]: `[a-z`")]
    [InlineData("[z-a]", "invalid character class range: `z-a`")]
    [InlineData(@"abc\", "trailing backslash at end of expression: ``")]
    [InlineData("a**", "invalid nested repetition operator: `**`")]
    [InlineData("a*+", "invalid nested repetition operator: `*+`")]
    [InlineData(@"\x", "invalid escape sequence: `\\x`")]
    [InlineData("(?<x y>a)", "invalid named capture: `(?<x y>`")]
    [InlineData("((xx?){1000}){1000}", "expression too large: `((xx?){1000}){1000}`")]
    [InlineData("(a{1000}){1000}", "invalid repeat count: `{1000}`")]
    [InlineData("(?<!a)b", "invalid named capture: `(?<!a)b`")]
    [InlineData("(?<=a)b", "invalid named capture: `(?<=a)b`")]
    [InlineData("(?<", "invalid or unsupported Perl syntax: `(?<`")]
    [InlineData("(?P<", "invalid or unsupported Perl syntax: `(?P`")]
    [InlineData(@"\p{Letterz}", "invalid character class range: `\\p{Letterz}`")]
    [InlineData(@"\p{Old_Italicx}", "invalid character class range: `\\p{Old_Italicx}`")]
    public void A_refusal_reads_as_gos_error_text(string pattern, string text) =>
        GoRegex.Check(pattern)!.Message.ShouldBe("error parsing regexp: " + text);

    // parse.go's size limit worked out by hand: (xx?) is a capture (2) around x (1) and x? (2), 5 instructions, and 5
    // nodes for Go (the paren reused as the capture, x, x, the quest, their sequence); 671 of them repeated {1000}
    // need 3,355,000 instructions, under maxSize (3,355,443); 672 need 3,360,000, and by then Go has made 3,363
    // nodes, past maxSize / 1000, so it measures and refuses.
    [Theory]
    [InlineData(671, true)]
    [InlineData(672, false)]
    public void The_size_limit_falls_where_gos_calcsize_puts_it(int groups, bool accepted)
    {
        var pattern = "(?:" + string.Concat(Enumerable.Repeat("(xx?)", groups)) + "){1000}";
        var error = GoRegex.Check(pattern);
        if (accepted)
        {
            error.ShouldBeNull();
        }
        else
        {
            error.ShouldNotBeNull().Message.ShouldBe("error parsing regexp: expression too large: `" + pattern + "`");
        }
    }

    // Go's invalid UTF-8 cases; a lone surrogate is what .NET strings hold instead (built here, as theory data
    // crossing to the test host would be re-encoded).
    [Fact]
    public void A_lone_surrogate_is_refused_as_invalid_utf8_from_where_it_stands()
    {
        var lone = "\uD800";
        GoRegex.Check(lone)!.Message.ShouldBe($"error parsing regexp: invalid UTF-8: `{lone}`");
        GoRegex.Check("[" + lone + "]")!.Message.ShouldBe($"error parsing regexp: invalid UTF-8: `{lone}]`");
        GoRegex.Check("[\\" + lone + "]")!.Message.ShouldBe($"error parsing regexp: invalid UTF-8: `{lone}]`");
        GoRegex.Check("\\" + lone)!.Message.ShouldBe($"error parsing regexp: invalid UTF-8: `{lone}`");
        GoRegex.Check("a" + lone + "b")!.Message.ShouldBe($"error parsing regexp: invalid UTF-8: `{lone}b`");
        GoRegex.Check("(?P<n" + lone + ">a)")!.Message.ShouldBe($"error parsing regexp: invalid UTF-8: `{lone}`");
    }
}
