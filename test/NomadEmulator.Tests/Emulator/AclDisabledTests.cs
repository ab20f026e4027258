using System.Net;
using Nomad.Emulator.Tests.Support;

namespace Nomad.Emulator.Tests.Emulator;

/// <summary>With ACLs off (the default) the ACL endpoints answer Nomad's <c>ACL support disabled</c>.</summary>
public sealed class AclDisabledTests(EmulatorTarget target) : IClassFixture<EmulatorTarget>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/v1/acl/policies")]
    [InlineData("/v1/acl/tokens")]
    [InlineData("/v1/acl/token/self")]
    public async Task Acl_endpoints_answer_400_ACL_support_disabled(string path)
    {
        using var get = await target.Http.GetAsync(path, _ct);

        get.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await get.TextAsync(_ct)).ShouldBe("ACL support disabled");
    }

    [Fact]
    public async Task Any_token_is_accepted_and_sees_locks()
    {
        var path = "acl-off/" + Some.Name();
        using var acquire = await target.Http.PutAsync($"/v1/var/{path}?lock-acquire", Wire.Json("{}"), _ct);

        using var get = await target.Http.SendAsTokenAsync(HttpMethod.Get, $"/v1/var/{path}", "not-a-token", null, _ct);

        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await get.JsonAsync(_ct)).Has("Lock").ShouldBeTrue();
    }
}
