using System.Net;
using Nomad.Emulator.Tests.Support;

namespace Nomad.Emulator.Tests.Contract;

/// <summary>Nomad's namespaces API: <c>default</c> always there; create, read, list, delete.</summary>
public abstract class NamespacesContract(ContractTarget target)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_default_namespace_always_exists()
    {
        using var list = await target.Http.GetAsync("/v1/namespaces", _ct);
        using var get = await target.Http.GetAsync("/v1/namespace/default", _ct);

        (await list.JsonAsync(_ct)).EnumerateArray().Select(n => n.Str("Name")).ShouldContain("default");
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await get.JsonAsync(_ct)).Str("Name").ShouldBe("default");
    }

    [Fact]
    public async Task A_created_namespace_is_listed_and_readable_and_goes_away_on_delete()
    {
        var ns = Some.Name("ns");

        using var create = await target.Http.PutAsync($"/v1/namespace/{ns}", Wire.Json($"{{\"Name\":\"{ns}\",\"Description\":\"for tests\"}}"), _ct);
        using var get = await target.Http.GetAsync($"/v1/namespace/{ns}", _ct);
        using var list = await target.Http.GetAsync("/v1/namespaces", _ct);
        using var delete = await target.Http.DeleteAsync($"/v1/namespace/{ns}", _ct);
        using var gone = await target.Http.GetAsync($"/v1/namespace/{ns}", _ct);

        create.StatusCode.ShouldBe(HttpStatusCode.OK);
        create.NomadIndex().ShouldBeGreaterThan(0);
        (await get.JsonAsync(_ct)).Str("Description").ShouldBe("for tests");
        (await list.JsonAsync(_ct)).EnumerateArray().Select(n => n.Str("Name")).ShouldContain(ns);
        delete.StatusCode.ShouldBe(HttpStatusCode.OK);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gone.TextAsync(_ct)).ShouldBe("Namespace not found");
    }

    [Fact]
    public async Task A_body_naming_another_namespace_answers_400()
    {
        using var create = await target.Http.PutAsync($"/v1/namespace/{Some.Name("ns")}", Wire.Json("{\"Name\":\"other\"}"), _ct);

        create.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await create.TextAsync(_ct)).ShouldBe("Namespace name does not match request path");
    }

    [Fact]
    public async Task The_default_namespace_cannot_be_deleted()
    {
        using var delete = await target.Http.DeleteAsync("/v1/namespace/default", _ct);

        delete.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await delete.TextAsync(_ct)).ShouldBe("can not delete default namespace");
    }

    [Fact]
    public async Task A_namespace_holding_variables_cannot_be_deleted()
    {
        var ns = Some.Name("ns");
        using var create = await target.Http.PutAsync($"/v1/namespace/{ns}", Wire.Json($"{{\"Name\":\"{ns}\"}}"), _ct);
        using var put = await target.Http.PutAsync($"/v1/var/held/{Some.Name()}?namespace={ns}", Wire.Items(("k", "v")), _ct);

        using var delete = await target.Http.DeleteAsync($"/v1/namespace/{ns}", _ct);

        delete.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await delete.TextAsync(_ct)).ShouldBe($"1 error occurred:\n\t* namespace \"{ns}\" has variables associated with it in regions: [global]\n\n");
    }
}

public sealed class NamespacesContractOnEmulator(EmulatorTarget target) : NamespacesContract(target), IClassFixture<EmulatorTarget>;

public sealed class NamespacesContractOnRealNomad(RealNomadTarget target) : NamespacesContract(target), IClassFixture<RealNomadTarget>;
