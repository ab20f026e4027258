using System.Text.Json.Nodes;
using NomadGitOps.Cli;

namespace NomadGitOps.Tests.Cli;

/// <summary>
/// The printer of plan diffs against a diff recorded from Nomad's own server code (Cli/Golden, see its README) and
/// small hand-made ones: markers, alignment, nesting, update counts and Go's quoting, as <c>nomad job plan</c> prints.
/// </summary>
public sealed class PlanDiffTextTests
{
    private static readonly string GoldenDirectory = Path.Combine(AppContext.BaseDirectory, "Cli", "Golden");

    [Fact]
    public async Task An_edited_job_prints_fields_objects_groups_and_tasks_aligned_as_nomad_job_plan_does()
    {
        var diff = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(GoldenDirectory, "plan-diff-web-edited.json"), TestContext.Current.CancellationToken))!.AsObject();

        PlanDiffText.Plain(diff).ShouldBe(
            """
            +/- Job: "web"
            +   Meta[owner]: "ops"
            +/- Meta[team]:  "platform" => "web"
            +/- Task Group: "web" (1 create, 2 create/destroy update)
              +/- Count: "2" => "3" (forces create)
              +/- Service {
                  Address:           ""
                  AddressMode:       "auto"
                  Cluster:           "default"
                  EnableTagOverride: "false"
                  Kind:              ""
                  Name:              "web"
                  Namespace:         "default"
                  OnUpdate:          "require_healthy"
                  PortLabel:         "http"
                  Provider:          "nomad"
                  TaskName:          ""
                - Tags {
                  - Tags: "frontend"
                    Tags: "http"
                  }
                  }
              +/- Task: "nginx" (forces create/destroy update)
                +/- Config {
                  +/- image:    "nginx:1.27" => "nginx:1.28"
                      ports[0]: "http"
                    }
                +/- Resources {
                      CPU:         "200"
                      Cores:       "0"
                      DiskMB:      "0"
                      IOPS:        "0"
                  +/- MemoryMB:    "128" => "256"
                      MemoryMaxMB: "0"
                      SecretsMB:   "0"
                    }
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_new_job_shows_its_groups_and_tasks_but_not_their_fields()
    {
        var diff = JsonNode.Parse("""
            {"Type": "Added", "ID": "api", "Fields": [{"Type": "Added", "Name": "Type", "Old": "", "New": "service"}],
             "TaskGroups": [{"Type": "Added", "Name": "api", "Updates": {"create": 2},
               "Fields": [{"Type": "Added", "Name": "Count", "Old": "", "New": "2"}],
               "Tasks": [{"Type": "Added", "Name": "server", "Annotations": ["forces create"],
                 "Fields": [{"Type": "Added", "Name": "Driver", "Old": "", "New": "docker"}]}]}]}
            """)!.AsObject();

        PlanDiffText.Plain(diff).ShouldBe("+ Job: \"api\"\n+ Task Group: \"api\" (2 create)\n  + Task: \"server\" (forces create)");
    }

    [Fact]
    public void An_unchanged_job_lists_its_groups_with_their_counts_and_unchanged_tasks()
    {
        var diff = JsonNode.Parse("""
            {"Type": "None", "ID": "web", "TaskGroups": [{"Type": "None", "Name": "web", "Updates": {"ignore": 2},
              "Tasks": [{"Type": "None", "Name": "nginx"}]}]}
            """)!.AsObject();

        PlanDiffText.Plain(diff).ShouldBe("Job: \"web\"\nTask Group: \"web\" (2 ignore)\n  Task: \"nginx\"");
    }

    [Theory]
    [InlineData("plain text is quoted", "nginx:1.27", "\"nginx:1.27\"")]
    [InlineData("quotes and backslashes are escaped", "say \"hi\" \\ bye", "\"say \\\"hi\\\" \\\\ bye\"")]
    [InlineData("newlines and tabs use the short escapes", "a\nb\tc", "\"a\\nb\\tc\"")]
    [InlineData("other control characters are hex escaped", "\u0001", "\"\\x01\"")]
    [InlineData("printable non-ASCII stays as it is", "café ✓", "\"café ✓\"")]
    [InlineData("a non-printable format character is escaped", "a\u200bb", "\"a\\u200bb\"")]
    [InlineData("markup brackets are plain characters", "[bold]x[/]", "\"[bold]x[/]\"")]
    public void Values_are_quoted_as_go_quotes_them(string why, string value, string expected)
    {
        PlanDiffText.Quote(value).ShouldBe(expected, why);
    }

    [Fact]
    public void Markup_in_names_and_values_is_printed_literally()
    {
        var diff = JsonNode.Parse("""
            {"Type": "Edited", "ID": "[red]x", "Fields": [{"Type": "Edited", "Name": "Meta[a]", "Old": "[b]", "New": "[/]"}]}
            """)!.AsObject();

        PlanDiffText.Plain(diff).ShouldBe("+/- Job: \"[red]x\"\n+/- Meta[a]: \"[b]\" => \"[/]\"");
    }
}
