using System.Globalization;
using System.Net;
using System.Text;
using Nomad.Client.Tests.Support;

namespace Nomad.Client.Tests.Http;

/// <summary>Reads deserialize the answer from the response stream; errors keep their (bounded) text.</summary>
public sealed class StreamedReadTests : IAsyncLifetime
{
    private ScriptedNomad _server = null!;
    private NomadClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ScriptedNomad.StartAsync(ct: TestContext.Current.CancellationToken);
        _client = Clients.Create(Clients.For(_server.Address));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_variable_list_of_five_thousand_entries_is_read_whole_and_in_order()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("GET /v1/vars", CannedResponse.Json(VariableList(5000), index: 9001));

        var page = await _client.Variables.ListAsync(new QueryOptions { Prefix = "gitops/" }, ct);

        page.Value.Count.ShouldBe(5000);
        page.Value.Select(v => v.Path).ShouldBe(Enumerable.Range(0, 5000).Select(Path));
        page.Value[4321].ShouldBe(new VariableMetadata
        {
            Namespace = "default",
            Path = Path(4321),
            CreateIndex = 4321,
            ModifyIndex = 4322,
            CreateTime = 1700000000000000000,
            ModifyTime = 1700000000000000001,
        });
        page.LastIndex.ShouldBe(9001ul);
    }

    [Fact]
    public async Task A_job_list_of_three_thousand_stubs_is_read_with_each_stubs_meta()
    {
        var ct = TestContext.Current.CancellationToken;
        var body = new StringBuilder("[");
        for (var i = 0; i < 3000; i++)
        {
            body.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $$$"""{"ID":"job-{{{i}}}","Namespace":"ns-{{{i % 7}}}","JobModifyIndex":{{{i + 10}}},"Stop":false,"Status":"running","Meta":{"gitops_managed_by":"nomadjob/job-{{{i}}}"}}""");
        }

        _server.On("GET /v1/jobs", CannedResponse.Json(body.Append(']').ToString(), index: 77));

        var page = await _client.Jobs.ListAsync(new QueryOptions { Namespace = "*" }, ct: ct);

        page.Value.Count.ShouldBe(3000);
        page.Value[2999].ID.ShouldBe("job-2999");
        page.Value[2999].Namespace.ShouldBe("ns-3");
        page.Value[2999].JobModifyIndex.ShouldBe(3009ul);
        page.Value[2999].Meta.ShouldNotBeNull()["gitops_managed_by"].ShouldBe("nomadjob/job-2999");
        page.LastIndex.ShouldBe(77ul);
    }

    [Theory]
    [InlineData("an empty body", "")]
    [InlineData("a body of whitespace", " \n")]
    [InlineData("null", "null")]
    [InlineData("an empty array", "[]")]
    public async Task A_list_answer_without_entries_reads_as_an_empty_list(string _, string body)
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("GET /v1/vars", CannedResponse.Json(body, index: 3));

        var page = await _client.Variables.ListAsync(ct: ct);

        page.Value.ShouldBeEmpty();
        page.LastIndex.ShouldBe(3ul);
    }

    [Fact]
    public async Task An_error_answer_to_a_list_is_reported_with_its_text()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("GET /v1/vars", CannedResponse.Text(403, "Permission denied\n"));

        var error = await Should.ThrowAsync<NomadApiException>(() => _client.Variables.ListAsync(ct: ct));

        error.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        error.NomadMessage.ShouldBe("Permission denied");
        error.Message.ShouldBe("Nomad GET /v1/vars failed (403 Forbidden): Permission denied");
    }

    [Fact]
    public async Task A_read_of_a_missing_variable_is_null_and_its_text_is_not_parsed_as_JSON()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("GET /v1/var/app/config", CannedResponse.Text(404, "variable not found"));

        var read = await _client.Variables.ReadAsync("app/config", ct: ct);

        read.Value.ShouldBeNull();
    }

    [Fact]
    public async Task A_long_error_answer_is_kept_only_up_to_a_bounded_length()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = "<html>" + new string('x', 200_000) + "</html>";
        _server.On("GET /v1/jobs", CannedResponse.Text(400, page));

        var error = await Should.ThrowAsync<NomadApiException>(() => _client.Jobs.ListAsync(ct: ct));

        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error.NomadMessage.ShouldStartWith("<html>xxxx");
        error.NomadMessage.ShouldEndWith("x…");
        error.NomadMessage.Length.ShouldBe(8 * 1024 + 1);
    }

    [Fact]
    public async Task A_long_error_answer_is_not_cut_inside_a_character()
    {
        var ct = TestContext.Current.CancellationToken;
        // "é" is two bytes in UTF-8: after the 5-byte prefix the 8 KiB limit falls in the middle of one.
        _server.On("GET /v1/jobs", CannedResponse.Text(500, "text5" + string.Concat(Enumerable.Repeat("é", 10_000))));

        var error = await Should.ThrowAsync<NomadApiException>(() => _client.Jobs.ListAsync(ct: ct));

        error.NomadMessage.ShouldStartWith("text5é");
        error.NomadMessage.ShouldEndWith("é…");
        error.NomadMessage.ShouldNotContain("\uFFFD");
    }

    [Fact]
    public async Task A_list_whose_connection_breaks_in_the_middle_of_the_body_is_read_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var whole = VariableList(2000);
        // The answer announces its whole length but sends only half: the server closes the connection.
        _server
            .On("GET /v1/vars", new CannedResponse(200, whole[..(whole.Length / 2)], new Dictionary<string, string>
            {
                ["Content-Length"] = Encoding.UTF8.GetByteCount(whole).ToString(CultureInfo.InvariantCulture),
                ["X-Nomad-Index"] = "5",
            }))
            .On("GET /v1/vars", CannedResponse.Json(whole, index: 6));

        var page = await _client.Variables.ListAsync(ct: ct);

        page.Value.Count.ShouldBe(2000);
        page.LastIndex.ShouldBe(6ul);
        _server.Requests.Count.ShouldBe(2);
    }

    private static string Path(int i) => $"gitops/objects/nomadjob/default/job-{i:D5}";

    private static string VariableList(int count)
    {
        var body = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            body.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $$"""{"Namespace":"default","Path":"{{Path(i)}}","CreateIndex":{{i}},"ModifyIndex":{{i + 1}},"CreateTime":1700000000000000000,"ModifyTime":1700000000000000001}""");
        }

        return body.Append(']').ToString();
    }
}
