namespace Nomad.Hcl.Tests.Jobspec;

public sealed class FileSystemUseTests
{
    private const string Plain = """
        variable "tag" {
          default = "1.27"
        }

        job "web" {
          group "web" {
            task "web" {
              driver = "docker"
              config {
                image = "nginx:${var.tag}"
                args  = [for a in ["-x", "-y"] : upper(a)]
              }
              template {
                data        = <<EOT
        port = {{ env "NOMAD_PORT_http" }}
        %{ if var.tag != "" }tag = ${var.tag}%{ endif }
        EOT
                destination = "local/web.conf"
              }
            }
          }
        }
        """;

    [Fact]
    public void A_job_file_calling_no_filesystem_function_is_not_a_user() =>
        FileSystemUse.Calls(Plain).ShouldBeFalse();

    [Theory]
    [InlineData("file in a template's heredoc interpolation", "data = <<EOT\n${file(\"templates/web.conf\")}\nEOT")]
    [InlineData("file in a quoted template", "data = \"x ${file(\"a.txt\")} y\"")]
    [InlineData("filebase64 as a whole argument", "data = filebase64(\"a.bin\")")]
    [InlineData("fileexists in a conditional", "data = fileexists(\"a\") ? \"yes\" : \"no\"")]
    [InlineData("fileset inside a for expression", "data = join(\",\", [for f in fileset(\".\", \"*.conf\") : f])")]
    [InlineData("basename nested in another call's argument", "data = upper(basename(\"/a/b\"))")]
    [InlineData("dirname as an object value", "data = jsonencode({ d = dirname(\"a/b\") })")]
    [InlineData("abspath inside a tuple", "data = jsonencode([abspath(\".\")])")]
    [InlineData("pathexpand inside an if directive of a heredoc", "data = <<EOT\n%{ if true }${pathexpand(\"~/x\")}%{ endif }\nEOT")]
    [InlineData("file inside a for directive of a heredoc", "data = <<EOT\n%{ for n in [\"a\"] }${file(n)}%{ endfor }\nEOT")]
    [InlineData("file behind an index and a binary operator", "data = split(\"\\n\", file(\"a\"))[0] == \"x\" ? \"1\" : \"0\"")]
    public void A_filesystem_call_anywhere_in_the_job_is_found(string sentence, string attribute)
    {
        _ = sentence;
        var source = $"job \"web\" {{\n  group \"web\" {{\n    task \"web\" {{\n      template {{\n        {attribute}\n      }}\n    }}\n  }}\n}}\n";

        FileSystemUse.Calls(source).ShouldBeTrue();
    }

    [Fact]
    public void A_call_with_space_before_its_parenthesis_is_found() =>
        FileSystemUse.Calls("job \"web\" {\n  meta = { conf = file (\"web.conf\") }\n}\n").ShouldBeTrue();

    [Fact]
    public void Every_filesystem_function_name_is_recognised() =>
        FileSystemUse.FunctionNames.ShouldAllBe(name => FileSystemUse.Calls($"job \"web\" {{\n  meta = {{ x = {name}(\"a\") }}\n}}\n"));

    [Fact]
    public void A_filesystem_call_in_a_locals_block_is_found() =>
        FileSystemUse.Calls("locals {\n  conf = file(\"web.conf\")\n}\n\njob \"web\" {\n  meta = { conf = local.conf }\n}\n").ShouldBeTrue();

    [Fact]
    public void A_filesystem_call_in_a_variable_default_is_found() =>
        FileSystemUse.Calls("variable \"conf\" {\n  default = file(\"web.conf\")\n}\n\njob \"web\" {}\n").ShouldBeTrue();

    [Fact]
    public void The_word_file_in_literal_text_or_a_heredoc_is_no_call() =>
        FileSystemUse.Calls("job \"web\" {\n  meta = { note = \"file(x) is text\" }\n  group \"g\" {\n    task \"t\" {\n      template {\n        data = <<EOT\nfile(\"a\") {{ file \"b\" }}\nEOT\n      }\n    }\n  }\n}\n").ShouldBeFalse();

    [Fact]
    public void An_attribute_named_like_a_function_is_no_call() =>
        FileSystemUse.Calls("job \"web\" {\n  meta = { file = \"a\", basename = var.x.file }\n}\n").ShouldBeFalse();

    [Fact]
    public void A_file_that_does_not_parse_is_reported_as_no_user_so_its_parser_reports_the_error() =>
        FileSystemUse.Calls("job \"web\" {\n  meta = { x = file(\"a\") \n").ShouldBeFalse();
}
