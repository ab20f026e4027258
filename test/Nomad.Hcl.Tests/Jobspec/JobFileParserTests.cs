namespace Nomad.Hcl.Tests.Jobspec;

public sealed class JobFileParserTests
{
    private const string JobWithVariables = """
        variable "image" {
          type = string
        }

        variable "ports" {
          type    = list(number)
          default = [80]
        }

        job "web" {
          group "g" {
            task "t" {
              driver = "docker"
              config {
                image = var.image
                ports = var.ports
              }
            }
          }
        }
        """;

    private static string Config(JobParseResult result, string key) =>
        result.Job!["TaskGroups"]![0]!["Tasks"]![0]!["Config"]![key]!.ToJsonString();

    [Fact]
    public void Key_value_variables_are_literal_strings_for_strings_and_expressions_for_other_types()
    {
        var result = JobFileParser.Parse(JobWithVariables, new JobParseOptions
        {
            Variables = new Dictionary<string, string> { ["image"] = "nginx:[1]", ["ports"] = "[8080, 8443]" },
        });

        result.ErrorText.ShouldBe("no diagnostics");
        Config(result, "image").ShouldBe("\"nginx:[1]\"");
        Config(result, "ports").ShouldBe("[8080,8443]");
    }

    // Recorded answers of Nomad's parser for the same job and values (issue 13: found on Nomad's own e2e job files).
    [Fact]
    public void A_key_value_variable_of_the_wrong_type_is_reported_at_its_argument_text_and_counts_as_set()
    {
        var result = JobFileParser.Parse(JobWithVariables, new JobParseOptions
        {
            Variables = new Dictionary<string, string> { ["image"] = "x", ["ports"] = "true" },
        });

        result.Job.ShouldBeNull();
        result.ErrorText.ShouldBe("<value for var.ports from arguments>:1,1-5: Invalid argument value for -var variable; The received arg value for ports is not compatible with the variable's type constraint: list of number required, but have bool.");
    }

    private const string JobWithNumberVariable = """
        variable "count" {
          type = number
        }

        job "web" {
          group "g" {
            count = var.count
            task "t" {
              driver = "docker"
            }
          }
        }
        """;

    [Fact]
    public void A_key_value_number_variable_that_is_no_number_is_reported_without_a_source_range()
    {
        var result = JobFileParser.Parse(JobWithNumberVariable, new JobParseOptions
        {
            Variables = new Dictionary<string, string> { ["count"] = "two" },
        });

        result.Job.ShouldBeNull();
        result.ErrorText.ShouldBe(":0,0-0: Invalid argument value for -var variable; The received arg value for count is not compatible with the variable's type constraint: a number is required.");
    }

    [Fact]
    public void A_var_file_value_of_the_wrong_type_is_the_only_error()
    {
        var result = JobFileParser.Parse(JobWithNumberVariable, new JobParseOptions { VarFileContent = "count = \"two\"\n" });

        result.Job.ShouldBeNull();
        result.ErrorText.ShouldBe("input.hcl:1,9-14: Invalid value for variable; The value for count is not compatible with the variable's type constraint: a number is required.");
    }

    [Fact]
    public void A_var_file_value_wins_over_the_default()
    {
        var result = JobFileParser.Parse(JobWithVariables, new JobParseOptions { VarFileContent = "image = \"redis\"\nports = [1]\n" });

        result.ErrorText.ShouldBe("no diagnostics");
        Config(result, "ports").ShouldBe("[1]");
    }

    [Fact]
    public void An_unset_variable_is_reported_without_a_position_as_nomad_prints_it()
    {
        var result = JobFileParser.Parse(JobWithVariables);

        result.Job.ShouldBeNull();
        result.ErrorText.ShouldBe("<nil>: Unset variable \"image\"; A used variable must be set or have a default value; see https://developer.hashicorp.com/nomad/docs/reference/hcl2/variables  for details.");
    }

    [Fact]
    public void Decoding_errors_are_joined_with_newlines_and_syntax_errors_are_counted()
    {
        var decoding = JobFileParser.Parse("job \"a\" {\n  grup \"g\" {}\n  countt = 1\n}\n");
        decoding.ErrorText.Split('\n').Length.ShouldBe(2);

        var syntax = JobFileParser.Parse("a = 'x'\n");
        syntax.ErrorText.ShouldStartWith("input.hcl:1,5-6: Invalid character; Single quotes are not valid.");
        syntax.ErrorText.ShouldMatch(", and [0-9]+ other diagnostic\\(s\\)$");
    }

    [Fact]
    public void A_var_file_that_does_not_parse_is_reported_as_nomad_reports_it()
    {
        var result = JobFileParser.Parse(JobWithVariables, new JobParseOptions { VarFileContent = "image = \n" });

        result.ErrorText.ShouldStartWith("unable to parse var content: input.hcl:1,9-2,1: Invalid expression;");
    }

    [Fact]
    public void Filesystem_functions_are_disabled_as_on_the_server()
    {
        var result = JobFileParser.Parse("job \"a\" {\n  meta = { x = file(\"/etc/hostname\") }\n}\n");

        result.ErrorText.ShouldContain("filesystem function disabled");
    }
    [Fact]
    public void A_well_formed_json_job_file_is_decoded_with_its_strings_as_templates()
    {
        var result = JobFileParser.Parse("""
            {"variable": {"image": {"default": "nginx:${x}"}},
             "job": {"web": {"group": {"g": {"task": {"t": {"driver": "docker", "config": {"image": "${var.image}", "port": 80}}}}}}}}
            """);

        result.ErrorText.ShouldBe("no diagnostics");
        result.Job!["ID"]!.GetValue<string>().ShouldBe("web");
        Config(result, "image").ShouldBe("\"nginx:${x}\"");
        Config(result, "port").ShouldBe("80");
    }

    [Fact]
    public void A_json_property_that_is_no_argument_or_block_is_extraneous_and_named_where_it_is()
    {
        var result = JobFileParser.Parse("""
            {"job": {"web": {"group": {"g": {"task": {"t": {"drivers": "docker"}}}}}}}
            """);

        result.Job.ShouldBeNull();
        result.ErrorText.ShouldBe("input.hcl:1,49-58: Extraneous JSON object property; No argument or block type is named \"drivers\". Did you mean \"driver\"?");
    }

    [Fact]
    public void A_json_job_file_nested_deeper_than_the_parser_goes_is_refused_without_overflowing_the_stack()
    {
        var deep = "{\"job\": {\"a\": {\"meta\": " + new string('[', 100_000) + new string(']', 100_000) + "}}}";

        var result = JobFileParser.Parse(deep);

        result.Job.ShouldBeNull();
        result.ErrorText.ShouldBe("input.hcl:1,221-222: Nesting too deep; This configuration nests objects or arrays too deeply to be parsed.");
    }

    [Fact]
    public void A_json_var_file_gets_the_json_syntax_errors_and_is_not_read_as_native_syntax()
    {
        var broken = JobFileParser.Parse(JobWithVariables, new JobParseOptions { VarFileContent = "{\"image\": tru}" });
        broken.ErrorText.ShouldBe("unable to parse var content: input.hcl:1,11-14: Invalid JSON keyword; \"tru\" is not a valid JSON keyword. Did you mean \"true\"?");

        var wellFormed = JobFileParser.Parse(JobWithVariables, new JobParseOptions { VarFileContent = "{\"image\": \"nginx:${x}\", \"//\": \"a comment\"}" });
        wellFormed.ErrorText.ShouldBe("no diagnostics");
        Config(wellFormed, "image").ShouldBe("\"nginx:${x}\"");
    }
}
