using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Evaluation;
using Nomad.Hcl.Functions;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl.Tests.Syntax;

public sealed class ExpressionTests
{
    private static string Eval(string source)
    {
        var diagnostics = new DiagnosticBag();
        var expr = Parser.ParseExpression(source, "expr.hcl", diagnostics);
        diagnostics.Items.ShouldBeEmpty();
        var variables = new Dictionary<string, HclValue>
        {
            ["list"] = HclValue.Tuple([HclValue.String("a"), HclValue.String("b")]),
            ["obj"] = HclValue.Object(new Dictionary<string, HclValue> { ["x"] = HclValue.Number(1), ["y"] = HclValue.String("z") }),
            ["items"] = HclValue.Tuple([
                HclValue.Object(new Dictionary<string, HclValue> { ["name"] = HclValue.String("web") }),
                HclValue.Object(new Dictionary<string, HclValue> { ["name"] = HclValue.String("db") }),
            ]),
        };
        var context = new EvaluationContext(variables, new Dictionary<string, HclFunction>());
        return Evaluator.Evaluate(expr!, context).ToString();
    }

    [Theory]
    [InlineData("arithmetic binds tighter than comparison", "1 + 2 * 3 == 7", "true")]
    [InlineData("multiplication is left associative", "12 / 3 * 2", "8")]
    [InlineData("modulo has multiplication's precedence", "1 + 7 % 4", "4")]
    [InlineData("and binds tighter than or", "true || false && false", "true")]
    [InlineData("unary minus applies to the term", "-2 * 3", "-6")]
    [InlineData("not applies before equality", "!false == true", "true")]
    [InlineData("the conditional is the loosest", "1 > 2 ? \"a\" : \"b\"", "\"b\"")]
    [InlineData("nested conditionals associate right", "false ? 1 : true ? 2 : 3", "2")]
    [InlineData("a string escape is decoded", "\"a\\tb\\\"c\\u00e9\"", "\"a\tb\"cé\"")]
    [InlineData("a doubled dollar escapes interpolation", "\"$${NOMAD_ALLOC_ID} %%{x}\"", "\"${NOMAD_ALLOC_ID} %{x}\"")]
    [InlineData("interpolation converts numbers", "\"n=${1 + 1}\"", "\"n=2\"")]
    [InlineData("a lone interpolation keeps its type", "\"${list}\"", "[\"a\", \"b\"]")]
    [InlineData("legacy index syntax works", "list.1", "\"b\"")]
    [InlineData("index syntax works", "list[0]", "\"a\"")]
    [InlineData("object attributes are read", "obj.y", "\"z\"")]
    [InlineData("attribute splat maps each element", "items.*.name", "[\"web\", \"db\"]")]
    [InlineData("full splat maps each element", "items[*].name", "[\"web\", \"db\"]")]
    [InlineData("tuple for expressions filter", "[for s in list : s if s != \"a\"]", "[\"b\"]")]
    [InlineData("object for expressions build keys", "{for i, s in list : s => i}", "{a = 0, b = 1}")]
    [InlineData("object for expressions group with ellipsis", "{for s in [\"a\", \"b\", \"a\"] : s => s...}", "{a = [\"a\", \"a\"], b = [\"b\"]}")]
    [InlineData("object keys may be bare names, strings or parenthesised expressions", "{a = 1, \"b\" : 2, (obj.y) = 3}", "{a = 1, b = 2, z = 3}")]
    [InlineData("if directives choose a branch", "\"%{ if true }yes%{ else }no%{ endif }\"", "\"yes\"")]
    [InlineData("for directives repeat their body", "\"%{ for s in list }[${s}]%{ endfor }\"", "\"[a][b]\"")]
    [InlineData("strip markers remove adjacent whitespace", "\"a   ${~ \"b\" ~}   c\"", "\"abc\"")]
    [InlineData("comparison of different types is false", "1 == \"1\"", "false")]
    [InlineData("numbers in strings convert for arithmetic", "\"3\" * 2", "6")]
    public void An_expression_evaluates_as_hcl_does(string because, string source, string expected)
    {
        _ = because;
        Eval(source).ShouldBe(expected);
    }

    [Fact]
    public void A_flush_heredoc_removes_the_smallest_indent()
    {
        var source = "x = <<-EOT\n    one\n      two\n    ${\"three\"}\n  EOT\n";
        var diagnostics = new DiagnosticBag();
        var body = Parser.ParseConfig(source, "input.hcl", diagnostics);
        diagnostics.Items.ShouldBeEmpty();
        var value = Evaluator.Evaluate(body.Find("x")!.Expression, new EvaluationContext(new Dictionary<string, HclValue>(), new Dictionary<string, HclFunction>()));
        value.AsString().ShouldBe("one\n  two\nthree\n");
    }

    [Fact]
    public void A_plain_heredoc_keeps_its_indent_and_the_closing_marker_may_be_indented()
    {
        var source = "x = <<EOT\n  a\n b\n  EOT\n";
        var diagnostics = new DiagnosticBag();
        var body = Parser.ParseConfig(source, "input.hcl", diagnostics);
        diagnostics.Items.ShouldBeEmpty();
        var value = Evaluator.Evaluate(body.Find("x")!.Expression, new EvaluationContext(new Dictionary<string, HclValue>(), new Dictionary<string, HclFunction>()));
        value.AsString().ShouldBe("  a\n b\n");
    }

    [Fact]
    public void Blocks_carry_labels_and_one_line_blocks_hold_one_argument()
    {
        var source = "# comment\njob \"web\" {\n  // another\n  group api {\n    count = 2 /* inline */\n  }\n  meta { a = \"b\" }\n}\n";
        var diagnostics = new DiagnosticBag();
        var body = Parser.ParseConfig(source, "input.hcl", diagnostics);
        diagnostics.Items.ShouldBeEmpty();
        var job = body.Blocks.ShouldHaveSingleItem();
        job.Labels.ShouldBe(["web"]);
        job.Body.Blocks.Select(b => b.Type).ShouldBe(["group", "meta"]);
        job.Body.Blocks[0].Labels.ShouldBe(["api"]);
        job.Body.Blocks[1].Body.Attributes.ShouldHaveSingleItem().Name.ShouldBe("a");
    }
}
