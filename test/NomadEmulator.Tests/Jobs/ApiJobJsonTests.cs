using System.Text.Json.Nodes;
using Nomad.Hcl;

namespace Nomad.Emulator.Tests.Jobs;

/// <summary>
/// The agent's decoding of a job body with Go's encoding/json: wrong JSON types refused with Go's text, keys matched
/// by Go's folding. Golden/decode/&lt;case&gt;/error.txt holds the text Nomad's api decoding gives for job.json (recorded
/// answers rooted at api.Job; empty when the job decodes).
/// </summary>
public sealed class ApiJobJsonTests
{
    [Theory]
    [MemberData(nameof(GoldenCases.Decodes), MemberType = typeof(GoldenCases))]
    public void Decoding_a_job_answers_gos_first_type_error_or_none_as_recorded(string name)
    {
        var job = GoldenCases.RecordedRead("decode", name, "job.json");
        var expected = GoldenCases.RecordedText("decode", name, "error.txt");

        if (expected.Length == 0)
        {
            Should.NotThrow(() => ApiJobJson.Decode(job));
        }
        else
        {
            Should.Throw<ApiJsonTypeException>(() => ApiJobJson.Decode(job)).Message.ShouldBe(expected);
        }
    }

    [Fact]
    public void A_key_with_the_long_s_fills_the_field_spelt_with_s()
    {
        // foldRune(U+017F) is S: the least rune of the orbit S, s, U+017F.
        var job = new JsonObject { ["ID"] = "web", ["Con\u017Ftraints"] = new JsonArray(new JsonObject { ["LTarget"] = "a" }) };

        var decoded = ApiJobJson.Decode(job);

        decoded["Constraints"]!.AsArray().Count.ShouldBe(1);
        decoded["Constraints"]![0]!["LTarget"]!.GetValue<string>().ShouldBe("a");
    }

    [Fact]
    public void A_key_with_the_dotless_i_names_no_field_and_is_dropped()
    {
        // Go's caseOrbit maps U+0131 to itself, so it never folds to I and the key matches no field.
        var job = new JsonObject { ["ID"] = "web", ["Pr\u0131ority"] = 70 };

        var decoded = ApiJobJson.Decode(job);

        decoded["Priority"].ShouldBeNull();
    }

    [Fact]
    public void A_later_duplicate_key_wins_whether_it_matched_exactly_or_by_folding()
    {
        // Both keys name Name; Go assigns each in document order, so the later one wins whichever matched exactly.
        var job = new JsonObject { ["Name"] = "exact", ["NAME"] = "folded" };

        ApiJobJson.Decode(job)["Name"]!.GetValue<string>().ShouldBe("folded");
    }

    [Theory]
    [InlineData("JobRegisterRequest", "{\"Submission\":{\"VariableFlags\":{\"a\":1}}}", "json: cannot unmarshal number into Go struct field JobSubmission.Submission.VariableFlags of type string")]
    [InlineData("JobRegisterRequest", "{\"JobModifyIndex\":-1}", "json: cannot unmarshal number -1 into Go struct field JobRegisterRequest.JobModifyIndex of type uint64")]
    [InlineData("JobValidateRequest", "{\"Job\":[]}", "json: cannot unmarshal array into Go struct field JobValidateRequest.Job of type api.Job")]
    [InlineData("JobPlanRequest", "{\"Job\":{\"TaskGroups\":[{\"Tasks\":[{\"Config\":[1]}]}]}}", "json: cannot unmarshal array into Go struct field Task.Job.TaskGroups.Tasks.Config of type map[string]interface {}")]
    [InlineData("JobPlanRequest", "{\"Job\":{\"TaskGroups\":[{\"Tasks\":[{\"CSIPluginConfig\":{\"Type\":2}}]}]}}", "json: cannot unmarshal number into Go struct field TaskCSIPluginConfig.Job.TaskGroups.Tasks.CSIPluginConfig.Type of type api.CSIPluginType")]
    public void A_request_body_of_the_wrong_types_answers_gos_text_rooted_at_the_request_struct(string requestType, string body, string expected)
    {
        // Struct is the innermost struct type's name, Field the JSON names from the request root (decode.go errorContext);
        // a map element keeps its map field's context; reflect names map[string]any "map[string]interface {}".
        ApiJobJson.RequestTypeError(JsonNode.Parse(body)!.AsObject(), requestType).ShouldBe(expected);
    }

    [Fact]
    public void A_request_body_of_nulls_and_free_form_values_decodes()
    {
        var body = JsonNode.Parse("{\"Job\":{\"Priority\":null,\"TaskGroups\":[{\"Tasks\":[{\"Config\":{\"x\":[1,true,{}]}}]}]},\"Diff\":null}")!.AsObject();

        ApiJobJson.RequestTypeError(body, "JobPlanRequest").ShouldBeNull();
    }
}
