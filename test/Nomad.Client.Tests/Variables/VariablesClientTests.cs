using System.Net;
using System.Text.Json.Nodes;
using Nomad.Client.Tests.Support;

namespace Nomad.Client.Tests.Variables;

public sealed class VariablesClientTests : IAsyncLifetime
{
    private const string Stored =
        """{"Namespace":"default","Path":"app/config","CreateIndex":10,"ModifyIndex":12,"CreateTime":1700000000000000000,"ModifyTime":1700000000500000000,"Items":{"k":"v"}}""";

    private const string Zero =
        """{"Namespace":"default","Path":"app/config","CreateIndex":0,"CreateTime":0,"ModifyIndex":0,"ModifyTime":0}""";

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
    public async Task List_sends_every_query_option_and_reads_metadata_and_the_query_headers()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("GET /v1/vars", new CannedResponse(200,
            """[{"Namespace":"apps","Path":"app/a","CreateIndex":3,"ModifyIndex":4,"CreateTime":1,"ModifyTime":2}]""",
            new Dictionary<string, string> { ["X-Nomad-Index"] = "44", ["X-Nomad-KnownLeader"] = "true", ["X-Nomad-LastContact"] = "15", ["X-Nomad-NextToken"] = "apps.app/b" }));

        var page = await _client.Variables.ListAsync(
            new QueryOptions { Prefix = "app/", Namespace = "*", Filter = "Path != \"x\"", PerPage = 1, NextToken = "apps.app/a", Index = 40, Wait = TimeSpan.FromSeconds(30) }, ct);

        _server.OnlyRequest.Query.ShouldBe(
            new Dictionary<string, string>
            {
                ["prefix"] = "app/",
                ["namespace"] = "*",
                ["filter"] = "Path != \"x\"",
                ["per_page"] = "1",
                ["next_token"] = "apps.app/a",
                ["index"] = "40",
                ["wait"] = "30000ms",
            },
            ignoreOrder: true);
        var only = page.Value.ShouldHaveSingleItem();
        only.ShouldBe(new VariableMetadata { Namespace = "apps", Path = "app/a", CreateIndex = 3, ModifyIndex = 4, CreateTime = 1, ModifyTime = 2 });
        page.LastIndex.ShouldBe(44ul);
        page.KnownLeader.ShouldBeTrue();
        page.LastContact.ShouldBe(TimeSpan.FromMilliseconds(15));
        page.NextToken.ShouldBe("apps.app/b");
    }

    [Fact]
    public async Task ListAll_follows_X_Nomad_NextToken_through_every_page()
    {
        var ct = TestContext.Current.CancellationToken;
        _server
            .On("GET /v1/vars", CannedResponse.Json("""[{"Path":"a"},{"Path":"b"}]""", index: 7, nextToken: "default.c"))
            .On("GET /v1/vars", CannedResponse.Json("""[{"Path":"c"},{"Path":"d"}]""", index: 7, nextToken: "default.e"))
            .On("GET /v1/vars", CannedResponse.Json("""[{"Path":"e"}]""", index: 7));

        var all = await _client.Variables.ListAllAsync(new QueryOptions { PerPage = 2, Prefix = "" }, ct);

        all.Value.Select(v => v.Path).ShouldBe(["a", "b", "c", "d", "e"]);
        all.NextToken.ShouldBeNull();
        all.LastIndex.ShouldBe(7ul);
        _server.Requests.Select(r => r.Query.GetValueOrDefault("next_token")).ShouldBe([null, "default.c", "default.e"]);
        _server.Requests.ShouldAllBe(r => r.Query["per_page"] == "2");
    }

    [Fact]
    public async Task Read_returns_the_whole_variable()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("GET /v1/var/app/config", CannedResponse.Json(Stored, index: 12));

        var read = await _client.Variables.ReadAsync("app/config", ct: ct);

        var variable = read.Value.ShouldNotBeNull();
        variable.Items.ShouldNotBeNull()["k"].ShouldBe("v");
        variable.ModifyIndex.ShouldBe(12ul);
        variable.CreateTime.ShouldBe(1700000000000000000);
        read.LastIndex.ShouldBe(12ul);
    }

    [Fact]
    public async Task Read_of_a_missing_variable_is_null_with_the_index_Nomad_answered()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("GET /v1/var/app/missing", CannedResponse.Text(404, "variable not found", index: 30));

        var read = await _client.Variables.ReadAsync("app/missing", ct: ct);

        read.Value.ShouldBeNull();
        read.LastIndex.ShouldBe(30ul);
    }

    [Fact]
    public async Task Put_with_cas_0_sends_a_create_only_write_and_returns_the_stored_variable()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("PUT /v1/var/app/config", CannedResponse.Json(Stored, index: 12));

        var result = await _client.Variables.PutAsync(
            new Variable { Namespace = "default", Path = "app/config", Items = new Dictionary<string, string> { ["k"] = "v" } }, cas: 0, ct: ct);

        result.ShouldBeOfType<VariableWriteResult.Written>().Variable.ModifyIndex.ShouldBe(12ul);
        var request = _server.OnlyRequest;
        request.Method.ShouldBe("PUT");
        request.Query.ShouldBe(new Dictionary<string, string> { ["namespace"] = "default", ["cas"] = "0" }, ignoreOrder: true);
        JsonNode.DeepEquals(request.Json, JsonNode.Parse("""{"Namespace":"default","Path":"app/config","Items":{"k":"v"}}""")).ShouldBeTrue(request.Body);
    }

    [Fact]
    public async Task Put_with_a_stale_cas_answers_409_with_the_current_variable()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("PUT /v1/var/app/config", new CannedResponse(409, Stored, new Dictionary<string, string> { ["X-Nomad-Index"] = "12" }));

        var result = await _client.Variables.PutAsync(
            new Variable { Path = "app/config", Items = new Dictionary<string, string> { ["k"] = "new" } }, cas: 11, ct: ct);

        var conflict = result.ShouldBeOfType<VariableWriteResult.Conflict>();
        conflict.Current.ModifyIndex.ShouldBe(12ul);
        conflict.Current.Items.ShouldNotBeNull()["k"].ShouldBe("v");
        _server.OnlyRequest.Query["cas"].ShouldBe("11");
    }

    [Fact]
    public async Task Put_without_cas_sends_no_cas_parameter()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("PUT /v1/var/app/config", CannedResponse.Json(Stored));

        await _client.Variables.PutAsync(new Variable { Path = "/app/config/", Items = new Dictionary<string, string> { ["k"] = "v" } }, ct: ct);

        _server.OnlyRequest.Query.ShouldBeEmpty();
        _server.OnlyRequest.Json!["Path"]!.GetValue<string>().ShouldBe("app/config");
    }

    [Fact]
    public async Task Put_that_exceeds_the_size_limit_throws_Nomads_500_text_without_retrying()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("PUT /v1/var/app/config", CannedResponse.Text(500, "variables are limited to 64KiB in total size"));

        var error = await Should.ThrowAsync<NomadApiException>(() =>
            _client.Variables.PutAsync(new Variable { Path = "app/config", Items = new Dictionary<string, string> { ["k"] = "v" } }, ct: ct));

        error.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        error.NomadMessage.ShouldBe("variables are limited to 64KiB in total size");
        _server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Delete_answers_204_as_deleted()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("DELETE /v1/var/app/config", new CannedResponse(204));

        var result = await _client.Variables.DeleteAsync("app/config", cas: 12, ct: ct);

        result.ShouldBeOfType<VariableDeleteResult.Deleted>();
        _server.OnlyRequest.Query["cas"].ShouldBe("12");
        _server.OnlyRequest.Body.ShouldBeEmpty();
    }

    [Fact]
    public async Task Delete_with_a_cas_on_a_missing_variable_is_a_conflict_with_the_zero_variable()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("DELETE /v1/var/app/config", new CannedResponse(409, Zero, new Dictionary<string, string> { ["X-Nomad-Index"] = "0" }));

        var result = await _client.Variables.DeleteAsync("app/config", cas: 5, ct: ct);

        result.ShouldBeOfType<VariableDeleteResult.Conflict>().Current.ShouldBe(new Variable { Namespace = "default", Path = "app/config" });
    }

    [Fact]
    public async Task A_path_segment_with_reserved_characters_is_escaped_and_slashes_are_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.On("GET /v1/var/nomad/jobs/web api", CannedResponse.Json(Stored));

        await _client.Variables.ReadAsync("nomad/jobs/web api", ct: ct);

        _server.OnlyRequest.RawTarget.ShouldBe("/v1/var/nomad/jobs/web%20api");
    }
}
