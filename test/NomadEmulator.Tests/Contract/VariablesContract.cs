using System.Net;
using System.Text.Json;
using Nomad.Emulator.Tests.Support;

namespace Nomad.Emulator.Tests.Contract;

/// <summary>Nomad's variables API (<c>/v1/var/:path</c>, <c>/v1/vars</c>): writes, CAS, validation, lists, paging, blocking.</summary>
public abstract class VariablesContract(ContractTarget target)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private HttpClient Http => target.Http;

    [Fact]
    public async Task Put_returns_the_stored_variable_with_its_indexes_and_times()
    {
        var path = "contract/" + Some.Name();

        using var put = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("a", "1")), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await put.JsonAsync(_ct);
        body.Str("Namespace").ShouldBe("default");
        body.Str("Path").ShouldBe(path);
        body.GetProperty("Items").GetProperty("a").GetString().ShouldBe("1");
        body.Number("CreateIndex").ShouldBe(body.Number("ModifyIndex"));
        body.Number("CreateTime").ShouldBe(body.Number("ModifyTime"));
        body.Number("CreateTime").ShouldBeGreaterThan(1_600_000_000L * 1_000_000_000);
        put.NomadIndex().ShouldBe(body.Number("ModifyIndex"));
        body.Has("Lock").ShouldBeFalse();
    }

    [Fact]
    public async Task A_second_put_moves_ModifyIndex_and_keeps_CreateIndex_and_CreateTime()
    {
        var path = "contract/" + Some.Name();
        using var first = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("a", "1")), _ct);
        var created = await first.JsonAsync(_ct);

        using var second = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("a", "1")), _ct);

        var updated = await second.JsonAsync(_ct);
        updated.Number("CreateIndex").ShouldBe(created.Number("CreateIndex"));
        updated.Number("CreateTime").ShouldBe(created.Number("CreateTime"));
        updated.Number("ModifyIndex").ShouldBeGreaterThan(created.Number("ModifyIndex"));
    }

    [Fact]
    public async Task Get_returns_the_variable_with_its_ModifyIndex_as_the_index()
    {
        var path = "contract/" + Some.Name();
        using var put = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("k", "v")), _ct);
        var written = await put.JsonAsync(_ct);

        using var get = await Http.GetAsync($"/v1/var/{path}", _ct);

        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        get.NomadIndex().ShouldBe(written.Number("ModifyIndex"));
        get.Headers.GetValues("X-Nomad-KnownLeader").ShouldBe(["true"]);
        var body = await get.JsonAsync(_ct);
        body.GetProperty("Items").GetProperty("k").GetString().ShouldBe("v");
        body.Number("ModifyIndex").ShouldBe(written.Number("ModifyIndex"));
    }

    [Fact]
    public async Task Get_of_a_missing_variable_answers_404_variable_not_found()
    {
        using var get = await Http.GetAsync($"/v1/var/contract/{Some.Name()}", _ct);

        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await get.TextAsync(_ct)).ShouldBe("variable not found");
        get.NomadIndex().ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("an object without Items", "{}")]
    [InlineData("empty Items", "{\"Items\":{}}")]
    [InlineData("null Items", "{\"Items\":null}")]
    [InlineData("a null body", "null")]
    public async Task Put_without_items_answers_400_variable_missing_required_Items_object(string why, string json)
    {
        _ = why;
        using var put = await Http.PutAsync($"/v1/var/contract/{Some.Name()}", Wire.Json(json), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await put.TextAsync(_ct)).ShouldBe("variable missing required Items object");
    }

    [Theory]
    [InlineData("truncated JSON", "{\"Items\":")]
    [InlineData("not JSON at all", "items=1")]
    [InlineData("an array", "[1,2]")]
    [InlineData("an item that is a number", "{\"Items\":{\"a\":1}}")]
    public async Task Put_with_a_malformed_body_answers_400_and_stores_nothing(string why, string json)
    {
        _ = why;
        var path = "contract/" + Some.Name();

        using var put = await Http.PutAsync($"/v1/var/{path}", Wire.Json(json), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await put.TextAsync(_ct)).ShouldNotBeNullOrWhiteSpace();
        using var get = await Http.GetAsync($"/v1/var/{path}", _ct);
        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_with_an_empty_body_answers_400_Request_body_is_empty()
    {
        using var put = await Http.PutAsync($"/v1/var/contract/{Some.Name()}", new StringContent(""), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await put.TextAsync(_ct)).ShouldBe("Request body is empty");
    }

    [Fact]
    public async Task Items_of_exactly_64KiB_are_accepted_and_one_byte_more_is_refused()
    {
        var path = "contract/" + Some.Name();
        var fits = new string('x', 65536 - 1);

        using var ok = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("k", fits)), _ct);
        using var tooBig = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("k", fits + "x")), _ct);

        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        tooBig.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooBig.TextAsync(_ct)).ShouldBe("RPC Error:: 400,variables are limited to 64KiB in total size");
    }

    [Fact]
    public async Task The_size_limit_counts_bytes_of_keys_and_values_across_items()
    {
        var half = new string('é', 16384); // 32 KiB of UTF-8 each

        using var put = await Http.PutAsync($"/v1/var/contract/{Some.Name()}", Wire.Items(("a", half), ("b", half + "z")), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await put.TextAsync(_ct)).ShouldBe("RPC Error:: 400,variables are limited to 64KiB in total size");
    }

    [Theory]
    [InlineData("a dot", "contract/a.b", "RPC Error:: 400,invalid path \"contract/a.b\"")]
    [InlineData("a space", "contract/a%20b", "RPC Error:: 400,invalid path \"contract/a b\"")]
    [InlineData("nomad alone", "nomad", "RPC Error:: 400,\"nomad\" is a reserved top-level directory path, but you may write variables to \"nomad/jobs\", \"nomad/job-templates\", \"nomad/sentinel\", or below")]
    [InlineData("another nomad dir", "nomad/other", "RPC Error:: 400,only paths at \"nomad/jobs\" or \"nomad/job-templates\" and below are valid paths under the top-level \"nomad\" directory")]
    [InlineData("the job-templates dir", "nomad/job-templates", "RPC Error:: 400,\"nomad/job-templates\" is a reserved directory path, but you may write variables at the level below it, for example, \"nomad/job-templates/template-name\"")]
    [InlineData("below a job template", "nomad/job-templates/a/b", "RPC Error:: 400,\"nomad/job-templates\" is a reserved directory path, but you may write variables at the level below it, for example, \"nomad/job-templates/template-name\"")]
    public async Task Put_to_an_invalid_path_answers_400_with_Nomads_reason(string why, string path, string expected)
    {
        _ = why;
        using var put = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("a", "1")), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await put.TextAsync(_ct)).ShouldBe(expected);
    }

    [Fact]
    public async Task A_path_of_129_characters_is_refused_and_128_accepted()
    {
        var ok = "contract/" + Some.Name() + "/";
        ok += new string('p', 128 - ok.Length);

        using var fits = await Http.PutAsync($"/v1/var/{ok}", Wire.Items(("a", "1")), _ct);
        using var tooLong = await Http.PutAsync($"/v1/var/{ok}q", Wire.Items(("a", "1")), _ct);

        fits.StatusCode.ShouldBe(HttpStatusCode.OK);
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.TextAsync(_ct)).ShouldBe($"RPC Error:: 400,invalid path \"{ok}q\"");
    }

    [Theory]
    [InlineData("nomad/jobs")]
    [InlineData("nomad/jobs/web/group/task")]
    [InlineData("nomad/job-templates/tpl")]
    public async Task Paths_Nomad_reserves_for_jobs_and_templates_are_writable(string prefix)
    {
        var path = prefix == "nomad/jobs" ? prefix : prefix + "-" + Some.Name();

        using var put = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("a", "1")), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var _ = await Http.DeleteAsync($"/v1/var/{path}", _ct);
    }

    [Fact]
    public async Task Cas_0_creates_a_missing_variable()
    {
        using var put = await Http.PutAsync($"/v1/var/contract/{Some.Name()}?cas=0", Wire.Items(("a", "1")), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Cas_0_on_an_existing_variable_answers_409_with_the_current_variable()
    {
        var path = "contract/" + Some.Name();
        using var first = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("a", "1")), _ct);
        var current = await first.JsonAsync(_ct);

        using var put = await Http.PutAsync($"/v1/var/{path}?cas=0", Wire.Items(("a", "2")), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        put.NomadIndex().ShouldBe(current.Number("ModifyIndex"));
        var body = await put.JsonAsync(_ct);
        body.Number("ModifyIndex").ShouldBe(current.Number("ModifyIndex"));
        body.GetProperty("Items").GetProperty("a").GetString().ShouldBe("1");
    }

    [Fact]
    public async Task Put_with_a_stale_cas_answers_409_with_the_current_variable()
    {
        var path = "contract/" + Some.Name();
        using var first = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("a", "1")), _ct);
        var v1 = await first.JsonAsync(_ct);
        using var second = await Http.PutAsync($"/v1/var/{path}?cas={v1.Number("ModifyIndex")}", Wire.Items(("a", "2")), _ct);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var v2 = await second.JsonAsync(_ct);

        using var stale = await Http.PutAsync($"/v1/var/{path}?cas={v1.Number("ModifyIndex")}", Wire.Items(("a", "3")), _ct);

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        stale.NomadIndex().ShouldBe(v2.Number("ModifyIndex"));
        var body = await stale.JsonAsync(_ct);
        body.GetProperty("Items").GetProperty("a").GetString().ShouldBe("2");
        body.Number("ModifyIndex").ShouldBe(v2.Number("ModifyIndex"));
    }

    [Fact]
    public async Task Cas_on_a_missing_variable_answers_409_with_the_zero_variable()
    {
        var path = "contract/" + Some.Name();

        using var put = await Http.PutAsync($"/v1/var/{path}?cas=7", Wire.Items(("a", "1")), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        put.NomadIndex().ShouldBe(0);
        var body = await put.JsonAsync(_ct);
        body.Str("Path").ShouldBe(path);
        body.Str("Namespace").ShouldBe("default");
        body.Number("ModifyIndex").ShouldBe(0);
        body.Number("CreateIndex").ShouldBe(0);
        body.Has("Items").ShouldBeFalse();
    }

    [Theory]
    [InlineData("abc", "can not parse cas: strconv.ParseUint: parsing \"abc\": invalid syntax")]
    [InlineData("-1", "can not parse cas: strconv.ParseUint: parsing \"-1\": invalid syntax")]
    [InlineData("99999999999999999999999", "can not parse cas: strconv.ParseUint: parsing \"99999999999999999999999\": value out of range")]
    public async Task A_cas_that_is_not_a_number_answers_400(string cas, string expected)
    {
        using var put = await Http.PutAsync($"/v1/var/contract/{Some.Name()}?cas={cas}", Wire.Items(("a", "1")), _ct);
        using var delete = await Http.DeleteAsync($"/v1/var/contract/{Some.Name()}?cas={cas}", _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await put.TextAsync(_ct)).ShouldBe(expected);
        delete.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await delete.TextAsync(_ct)).ShouldBe(expected);
    }

    [Fact]
    public async Task Delete_answers_204_with_an_empty_body_and_the_variable_is_gone()
    {
        var path = "contract/" + Some.Name();
        using var put = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("a", "1")), _ct);
        var written = await put.JsonAsync(_ct);

        using var delete = await Http.DeleteAsync($"/v1/var/{path}", _ct);

        delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await delete.TextAsync(_ct)).ShouldBeEmpty();
        delete.NomadIndex().ShouldBeGreaterThan(written.Number("ModifyIndex"));
        using var get = await Http.GetAsync($"/v1/var/{path}", _ct);
        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?cas=0")]
    public async Task Deleting_a_missing_variable_answers_204(string query)
    {
        using var delete = await Http.DeleteAsync($"/v1/var/contract/{Some.Name()}{query}", _ct);

        delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Delete_with_cas_on_a_missing_variable_answers_409_with_the_zero_variable()
    {
        var path = "contract/" + Some.Name();

        using var delete = await Http.DeleteAsync($"/v1/var/{path}?cas=5", _ct);

        delete.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        delete.NomadIndex().ShouldBe(0);
        (await delete.TextAsync(_ct)).ShouldBe(
            $"{{\"Namespace\":\"default\",\"Path\":\"{path}\",\"CreateIndex\":0,\"CreateTime\":0,\"ModifyIndex\":0,\"ModifyTime\":0}}");
    }

    [Fact]
    public async Task Delete_with_a_stale_cas_answers_409_with_the_current_variable_and_keeps_it()
    {
        var path = "contract/" + Some.Name();
        using var put = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("a", "1")), _ct);
        var written = await put.JsonAsync(_ct);

        using var delete = await Http.DeleteAsync($"/v1/var/{path}?cas={written.Number("ModifyIndex") - 1}", _ct);
        using var deleteCas0 = await Http.DeleteAsync($"/v1/var/{path}?cas=0", _ct);

        delete.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        delete.NomadIndex().ShouldBe(written.Number("ModifyIndex"));
        (await delete.JsonAsync(_ct)).GetProperty("Items").GetProperty("a").GetString().ShouldBe("1");
        deleteCas0.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var get = await Http.GetAsync($"/v1/var/{path}", _ct);
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_with_the_current_cas_deletes()
    {
        var path = "contract/" + Some.Name();
        using var put = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("a", "1")), _ct);
        var written = await put.JsonAsync(_ct);

        using var delete = await Http.DeleteAsync($"/v1/var/{path}?cas={written.Number("ModifyIndex")}", _ct);

        delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task List_returns_metadata_only_sorted_by_path_under_the_prefix()
    {
        var prefix = "contract/" + Some.Name();
        foreach (var leaf in new[] { "b", "a", "c/d" })
        {
            using var put = await Http.PutAsync($"/v1/var/{prefix}/{leaf}", Wire.Items(("k", leaf)), _ct);
            put.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var list = await Http.GetAsync($"/v1/vars?prefix={prefix}/", _ct);

        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        list.NomadIndex().ShouldBeGreaterThan(0);
        var entries = (await list.JsonAsync(_ct)).EnumerateArray().ToList();
        entries.Select(e => e.Str("Path")).ShouldBe([$"{prefix}/a", $"{prefix}/b", $"{prefix}/c/d"]);
        entries.ShouldAllBe(e => !e.Has("Items"));
        entries.ShouldAllBe(e => e.Number("ModifyIndex") > 0 && e.Number("CreateTime") > 0);
    }

    [Fact]
    public async Task List_of_a_prefix_with_nothing_under_it_is_an_empty_array()
    {
        using var list = await Http.GetAsync($"/v1/vars?prefix=contract/{Some.Name()}", _ct);

        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await list.TextAsync(_ct)).ShouldBe("[]");
    }

    [Fact]
    public async Task List_pages_with_per_page_and_a_next_token_naming_the_next_path()
    {
        var prefix = "contract/" + Some.Name();
        foreach (var leaf in new[] { "a", "b", "c" })
        {
            using var put = await Http.PutAsync($"/v1/var/{prefix}/{leaf}", Wire.Items(("k", leaf)), _ct);
        }

        using var first = await Http.GetAsync($"/v1/vars?prefix={prefix}/&per_page=2", _ct);
        var token = first.Headers.GetValues("X-Nomad-NextToken").Single();
        using var second = await Http.GetAsync($"/v1/vars?prefix={prefix}/&per_page=2&next_token={Uri.EscapeDataString(token)}", _ct);

        (await first.JsonAsync(_ct)).EnumerateArray().Select(e => e.Str("Path")).ShouldBe([$"{prefix}/a", $"{prefix}/b"]);
        token.ShouldBe($"default.{prefix}/c");
        (await second.JsonAsync(_ct)).EnumerateArray().Select(e => e.Str("Path")).ShouldBe([$"{prefix}/c"]);
        second.Headers.Contains("X-Nomad-NextToken").ShouldBeFalse();
    }

    [Fact]
    public async Task List_with_namespace_star_covers_every_namespace()
    {
        var ns = Some.Name("ns");
        using var create = await Http.PutAsync($"/v1/namespace/{ns}", Wire.Json($"{{\"Name\":\"{ns}\"}}"), _ct);
        create.StatusCode.ShouldBe(HttpStatusCode.OK);
        var prefix = "contract/" + Some.Name();
        using var inDefault = await Http.PutAsync($"/v1/var/{prefix}/x", Wire.Items(("k", "v")), _ct);
        using var inOther = await Http.PutAsync($"/v1/var/{prefix}/y?namespace={ns}", Wire.Items(("k", "v")), _ct);

        using var all = await Http.GetAsync($"/v1/vars?prefix={prefix}/&namespace=*", _ct);
        using var onlyOther = await Http.GetAsync($"/v1/vars?prefix={prefix}/&namespace={ns}", _ct);

        (await all.JsonAsync(_ct)).EnumerateArray().Select(e => e.Str("Namespace") + ":" + e.Str("Path"))
            .ShouldBe(new[] { $"default:{prefix}/x", $"{ns}:{prefix}/y" }.OrderBy(s => s, StringComparer.Ordinal));
        (await onlyOther.JsonAsync(_ct)).EnumerateArray().Select(e => e.Str("Path")).ShouldBe([$"{prefix}/y"]);
    }

    [Fact]
    public async Task A_variable_in_one_namespace_is_not_visible_from_another()
    {
        var ns = Some.Name("ns");
        using var create = await Http.PutAsync($"/v1/namespace/{ns}", Wire.Json($"{{\"Name\":\"{ns}\"}}"), _ct);
        var path = "contract/" + Some.Name();
        using var put = await Http.PutAsync($"/v1/var/{path}?namespace={ns}", Wire.Items(("k", "v")), _ct);

        using var fromDefault = await Http.GetAsync($"/v1/var/{path}", _ct);
        using var fromNs = await Http.GetAsync($"/v1/var/{path}?namespace={ns}", _ct);

        fromDefault.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        fromNs.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fromNs.JsonAsync(_ct)).Str("Namespace").ShouldBe(ns);
    }

    [Fact]
    public async Task Writing_into_a_namespace_that_does_not_exist_is_accepted_as_Nomad_CE_does()
    {
        var ns = Some.Name("missing");

        using var put = await Http.PutAsync($"/v1/var/contract/{Some.Name()}?namespace={ns}", Wire.Items(("k", "v")), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await put.JsonAsync(_ct)).Str("Namespace").ShouldBe(ns);
    }

    [Fact]
    public async Task Writing_to_the_wildcard_namespace_answers_400()
    {
        using var put = await Http.PutAsync($"/v1/var/contract/{Some.Name()}?namespace=*", Wire.Items(("k", "v")), _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await put.TextAsync(_ct)).ShouldBe("RPC Error:: 400,can not target wildcard (\"*\")namespace");
    }

    [Fact]
    public async Task A_blocking_read_wakes_when_the_variable_is_written()
    {
        var path = "contract/" + Some.Name();
        using var put = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("a", "1")), _ct);
        var index = (await put.JsonAsync(_ct)).Number("ModifyIndex");

        var blocked = Http.GetAsync($"/v1/var/{path}?index={index}&wait=60s", _ct);
        using var update = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("a", "2")), _ct);
        using var woken = await blocked.WaitAsync(TimeSpan.FromSeconds(30), _ct);

        woken.StatusCode.ShouldBe(HttpStatusCode.OK);
        woken.NomadIndex().ShouldBeGreaterThan(index);
        (await woken.JsonAsync(_ct)).GetProperty("Items").GetProperty("a").GetString().ShouldBe("2");
    }

    [Fact]
    public async Task A_blocking_read_answers_the_unchanged_variable_when_the_wait_ends()
    {
        var path = "contract/" + Some.Name();
        using var put = await Http.PutAsync($"/v1/var/{path}", Wire.Items(("a", "1")), _ct);
        var index = (await put.JsonAsync(_ct)).Number("ModifyIndex");

        using var get = await Http.GetAsync($"/v1/var/{path}?index={index}&wait=200ms", _ct).WaitAsync(TimeSpan.FromSeconds(30), _ct);

        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        get.NomadIndex().ShouldBe(index);
    }

    [Fact]
    public async Task A_blocking_list_wakes_when_a_variable_is_written()
    {
        var prefix = "contract/" + Some.Name();
        using var put = await Http.PutAsync($"/v1/var/{prefix}/a", Wire.Items(("a", "1")), _ct);
        using var first = await Http.GetAsync($"/v1/vars?prefix={prefix}/", _ct);
        var index = first.NomadIndex();

        var blocked = Http.GetAsync($"/v1/vars?prefix={prefix}/&index={index}&wait=60s", _ct);
        using var second = await Http.PutAsync($"/v1/var/{prefix}/b", Wire.Items(("b", "1")), _ct);
        using var woken = await blocked.WaitAsync(TimeSpan.FromSeconds(30), _ct);

        woken.NomadIndex().ShouldBeGreaterThan(index);
        (await woken.JsonAsync(_ct)).EnumerateArray().Select(e => e.Str("Path")).ShouldBe([$"{prefix}/a", $"{prefix}/b"]);
    }

    [Fact]
    public async Task A_plain_write_carrying_a_lock_TTL_answers_400()
    {
        var body = Wire.Json(JsonSerializer.Serialize(new { Items = new { a = "1" }, Lock = new { TTL = "15s" } }));

        using var put = await Http.PutAsync($"/v1/var/contract/{Some.Name()}", body, _ct);

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await put.TextAsync(_ct)).ShouldBe("RPC Error:: 400,RPC Error:: 400,variable should not contain lock definition");
    }
}

public sealed class VariablesContractOnEmulator(EmulatorTarget target) : VariablesContract(target), IClassFixture<EmulatorTarget>;

public sealed class VariablesContractOnRealNomad(RealNomadTarget target) : VariablesContract(target), IClassFixture<RealNomadTarget>;
