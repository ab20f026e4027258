using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl.Tests.Syntax;

public sealed class SyntaxErrorTests
{
    [Theory]
    [InlineData("a missing value", "a = \n", "input.hcl:1,5-2,1: Invalid expression")]
    [InlineData("an unclosed block", "job \"x\" {\n  a = 1\n", "input.hcl:1,9-10: Unclosed configuration block")]
    [InlineData("two arguments on a line", "a = 1 b = 2\n", "input.hcl:1,7-8: Missing newline after argument")]
    [InlineData("an unterminated string", "a = \"abc\n", "input.hcl:1,9-2,1: Invalid multi-line string")]
    [InlineData("a single quote", "a = 'x'\n", "input.hcl:1,5-6: Invalid character")]
    [InlineData("a redefined argument", "a = 1\na = 2\n", "input.hcl:2,1-2: Attribute redefined")]
    [InlineData("an invalid escape", "a = \"\\q\"\n", "input.hcl:1,6-8: Invalid escape sequence")]
    public void A_syntax_error_points_at_the_offending_token(string because, string source, string expected)
    {
        _ = because;
        var diagnostics = new DiagnosticBag();
        Parser.ParseConfig(source, "input.hcl", diagnostics);
        diagnostics.Items.ShouldNotBeEmpty();
        var first = diagnostics.Items[0];
        $"{first.Subject}: {first.Summary}".ShouldBe(expected);
    }
}
