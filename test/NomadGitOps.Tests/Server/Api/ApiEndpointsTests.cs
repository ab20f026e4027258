using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Server;

namespace NomadGitOps.Tests.Server.Api;

public sealed class ApiEndpointsTests : IAsyncLifetime
{
    private const string Token = "api-token";
    private const string AppsPath = "nomad-gitops/v1/gitrepository/apps";
    private const string WebPath = "nomad-gitops/v1/nomadjob/default/web";
    private ServerHarness _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ServerHarness.StartAsync(new HttpServerOptions { ApiToken = Token }, ct: TestContext.Current.CancellationToken);
        await _server.PutAsync(AppsPath, ("url", "https://github.com/acme/apps"));
        await _server.PutAsync(WebPath, ("repository", "apps"), ("file", "jobs/web.nomad.hcl"), ("job_id", "web"), ("namespace", "default"));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Reconcile_of_a_repository_writes_reconcile_requested_at_and_answers_with_it()
    {
        var (status, json) = await PostAsync("/api/v1/gitrepository/apps/reconcile");

        status.ShouldBe(HttpStatusCode.OK);
        json.GetProperty("object").GetString().ShouldBe("gitrepository/apps");
        json.GetProperty("outcome").GetString().ShouldBe("Written");
        var requested = json.GetProperty("requestedAt").GetString().ShouldNotBeNull();
        _server.Items(AppsPath)[ItemKeys.ReconcileRequestedAt].ShouldBe(requested);
    }

    [Fact]
    public async Task Suspend_and_resume_of_a_job_set_and_remove_the_suspend_item()
    {
        var (suspended, first) = await PostAsync("/api/v1/nomadjob/default/web/suspend");
        suspended.ShouldBe(HttpStatusCode.OK);
        first.GetProperty("outcome").GetString().ShouldBe("Written");
        _server.Items(WebPath)[ItemKeys.Suspend].ShouldBe("true");

        var (again, second) = await PostAsync("/api/v1/nomadjob/default/web/suspend");
        again.ShouldBe(HttpStatusCode.OK);
        second.GetProperty("outcome").GetString().ShouldBe("Unchanged");

        var (resumed, _) = await PostAsync("/api/v1/nomadjob/default/web/resume");
        resumed.ShouldBe(HttpStatusCode.OK);
        _server.Items(WebPath).ShouldNotContainKey(ItemKeys.Suspend);
    }

    [Fact]
    public async Task Reconcile_of_a_suspended_object_is_a_conflict_and_writes_nothing()
    {
        await PostAsync("/api/v1/gitrepository/apps/suspend");

        var (status, json) = await PostAsync("/api/v1/gitrepository/apps/reconcile");

        status.ShouldBe(HttpStatusCode.Conflict);
        json.GetProperty("error").GetString().ShouldNotBeNull().ShouldContain("suspended");
        _server.Items(AppsPath).ShouldNotContainKey(ItemKeys.ReconcileRequestedAt);
    }

    [Theory]
    [InlineData("an unknown repository", "/api/v1/gitrepository/nope/reconcile")]
    [InlineData("an unknown job", "/api/v1/nomadjob/default/nope/suspend")]
    [InlineData("an unknown action", "/api/v1/gitrepository/apps/delete")]
    [InlineData("an unknown controller action", "/api/v1/controller/stop")]
    [InlineData("an unknown route", "/api/v1/receiver/x/reconcile")]
    public async Task What_does_not_exist_is_not_found_and_nothing_is_created(string because, string path)
    {
        var (status, json) = await PostAsync(path);

        status.ShouldBe(HttpStatusCode.NotFound, because);
        json.GetProperty("error").GetString().ShouldNotBeNullOrWhiteSpace();
        _server.Nomad.State.Variables.Get("default", "nomad-gitops/v1/gitrepository/nope").ShouldBeNull();
        _server.Nomad.State.Variables.Get("default", "nomad-gitops/v1/nomadjob/default/nope").ShouldBeNull();
    }

    [Fact]
    public async Task Controller_pause_and_resume_write_and_remove_the_controller_variable()
    {
        var (paused, _) = await PostAsync("/api/v1/controller/pause");
        paused.ShouldBe(HttpStatusCode.OK);
        _server.Items("nomad-gitops/v1/controller")[ItemKeys.Suspend].ShouldBe("true");
        var (_, objects) = await GetAsync("/api/v1/objects");
        objects.GetProperty("controller").GetProperty("paused").GetBoolean().ShouldBeTrue();

        var (resumed, _) = await PostAsync("/api/v1/controller/resume");
        resumed.ShouldBe(HttpStatusCode.OK);
        _server.Nomad.State.Variables.Get("default", "nomad-gitops/v1/controller").ShouldBeNull();
    }

    [Fact]
    public async Task Objects_lists_every_object_with_its_spec_and_status_apart()
    {
        await _server.PutAsync(AppsPath, ("url", "https://github.com/acme/apps"), ("status_ready", "True"));

        var (status, json) = await GetAsync("/api/v1/objects");

        status.ShouldBe(HttpStatusCode.OK);
        var objects = json.GetProperty("objects").EnumerateArray().ToList();
        objects.Select(o => o.GetProperty("object").GetString()).ShouldBe(["gitrepository/apps", "nomadjob/default/web"]);
        objects[0].GetProperty("spec").GetProperty("url").GetString().ShouldBe("https://github.com/acme/apps");
        objects[0].GetProperty("status").GetProperty("status_ready").GetString().ShouldBe("True");
        objects[1].GetProperty("namespace").GetString().ShouldBe("default");
        objects[1].GetProperty("name").GetString().ShouldBe("web");
    }

    [Theory]
    [InlineData("no token", null)]
    [InlineData("a wrong token", "Bearer nope")]
    [InlineData("the token without Bearer", Token)]
    public async Task A_request_without_the_right_token_is_unauthorized_and_writes_nothing(string because, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/gitrepository/apps/suspend");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _server.Http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, because);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        _server.Items(AppsPath).ShouldNotContainKey(ItemKeys.Suspend);
    }

    [Fact]
    public async Task Without_a_configured_token_the_api_is_off()
    {
        await using var off = await ServerHarness.StartAsync(ct: TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/objects");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await off.Http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("API is off");
    }

    [Fact]
    public async Task A_persons_edit_between_the_read_and_the_write_of_a_suspend_is_kept()
    {
        InterleavingHandler? interleaving = null;
        await using var server = await ServerHarness.StartAsync(
            new HttpServerOptions { ApiToken = Token },
            nomad => interleaving = new InterleavingHandler(AppsPath, async () =>
            {
                using var person = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
                var edit = new Variable { Path = AppsPath, Items = new Dictionary<string, string> { ["url"] = "https://github.com/acme/apps", ["branch"] = "release" } };
                (await person.Variables.PutAsync(edit, ct: TestContext.Current.CancellationToken)).ShouldBeOfType<VariableWriteResult.Written>();
            }),
            ct: TestContext.Current.CancellationToken);
        await server.PutAsync(AppsPath, ("url", "https://github.com/acme/apps"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/gitrepository/apps/suspend");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await server.Http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        interleaving.ShouldNotBeNull().Fired.ShouldBeTrue();
        server.Items(AppsPath)["branch"].ShouldBe("release");
        server.Items(AppsPath)[ItemKeys.Suspend].ShouldBe("true");
    }

    [Fact]
    public async Task The_openapi_document_describes_every_route()
    {
        using var response = await _server.Http.GetAsync(new Uri("/api/openapi.json", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        json.RootElement.GetProperty("openapi").GetString().ShouldBe("3.1.0");
        var documented = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        // Every route the server maps, as OpenAPI writes it ({**name} is {name}); the /api/v1 catch-all only answers 404.
        var served = _server.Routes.Where(r => r != "/api/v1/{**rest}").Select(r => r.Replace("{**", "{", StringComparison.Ordinal)).ToList();
        served.Count.ShouldBeGreaterThanOrEqualTo(12);
        documented.ShouldBe(served, ignoreOrder: true);
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(string path) => await SendAsync(HttpMethod.Post, path);

    private async Task<(HttpStatusCode Status, JsonElement Json)> GetAsync(string path) => await SendAsync(HttpMethod.Get, path);

    private async Task<(HttpStatusCode Status, JsonElement Json)> SendAsync(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await _server.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
