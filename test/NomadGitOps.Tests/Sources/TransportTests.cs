using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using NomadGitOps.Sources;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Sources;

public sealed class TransportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Https_style_basic_auth_with_the_right_credentials_syncs_and_reads()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Http, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var commit = await repo.WithFile("jobs/web.nomad.hcl", "job \"web\" {}").CommitAsync("first", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url, credentials: server.Credentials);

        var result = await harness.Cache.SyncAsync(source, null, Ct);
        var again = await harness.Cache.SyncAsync(source, commit, Ct);

        result.Ref.Commit.ShouldBe(commit);
        again.Outcome.ShouldBe(SyncOutcome.Unchanged);
        (await harness.Cache.Open(source, commit).ReadFileAsync("jobs/web.nomad.hcl", Ct)).Text.ShouldBe("job \"web\" {}");
    }

    [Fact]
    public async Task A_token_is_accepted_as_the_basic_auth_password()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Http, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var commit = await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        using var harness = new GitSourcesHarness();
        var credentials = new GitCredentials(Username: GitServer.HttpUser, Token: GitServer.HttpPassword);

        var resolved = await harness.Resolver.ResolveAsync(GitSourcesHarness.Source(repo.Url, credentials: credentials), Ct);

        resolved.Commit.ShouldBe(commit);
    }

    [Theory]
    [InlineData("a wrong password")]
    [InlineData("no credentials at all")]
    public async Task Https_style_basic_auth_with_wrong_credentials_is_a_clear_auth_error_without_the_secret(string why)
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Http, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        using var harness = new GitSourcesHarness();
        var credentials = why == "a wrong password" ? new GitCredentials(GitServer.HttpUser, "wrong-password-123") : GitCredentials.None;

        var error = await Should.ThrowAsync<GitException>(
            () => harness.Cache.SyncAsync(GitSourcesHarness.Source(repo.Url, credentials: credentials), null, Ct));

        error.Kind.ShouldBe(GitErrorKind.AuthenticationFailed, why);
        error.Message.ShouldContain("refused the credentials");
        error.Message.ShouldContain(repo.Url);
        error.Message.ShouldNotContain("wrong-password-123");
        harness.Git.CountOf("fetch").ShouldBe(0);
    }

    [Fact]
    public async Task Credentials_in_an_https_url_never_reach_a_message()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Http, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        using var harness = new GitSourcesHarness();
        var url = repo.Url.Replace("http://", "http://bob:leaked-in-url@", StringComparison.Ordinal);

        var error = await Should.ThrowAsync<GitException>(() => harness.Resolver.ResolveAsync(GitSourcesHarness.Source(url), Ct));

        error.Message.ShouldNotContain("leaked-in-url");
    }

    [Fact]
    public async Task Ssh_with_the_private_key_and_known_hosts_syncs_and_leaves_no_key_on_disk()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Ssh, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var commit = await repo.WithFile("jobs/web.nomad.hcl", "job \"web\" {}").CommitAsync("first", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url, credentials: server.Credentials);
        var tempDirectoriesBefore = SshTempDirectories();

        var result = await harness.Cache.SyncAsync(source, null, Ct);

        result.Ref.Commit.ShouldBe(commit);
        harness.Git.CountOf("fetch").ShouldBe(1);
        (await NewSshTempDirectoriesAsync(tempDirectoriesBefore)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_ssh_host_key_is_a_clear_error_and_never_a_prompt()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Ssh, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        using var harness = new GitSourcesHarness();
        var credentials = server.Credentials with { SshKnownHosts = "" };

        var error = await Should.ThrowAsync<GitException>(
            () => harness.Cache.SyncAsync(GitSourcesHarness.Source(repo.Url, credentials: credentials), null, Ct));

        error.Kind.ShouldBe(GitErrorKind.HostKeyUnknown);
        error.Message.ShouldContain("ssh_known_hosts");
    }

    [Fact]
    public async Task A_host_key_that_does_not_match_known_hosts_is_a_host_key_error()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Ssh, Ct);
        await using var other = await GitServer.StartAsync(GitServerKind.Ssh, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        using var harness = new GitSourcesHarness();
        // The other server's host key, listed under this server's address.
        var port = new Uri(repo.Url).Port;
        var otherKey = other.Credentials.SshKnownHosts!.Split(' ', 2)[1];
        var credentials = server.Credentials with { SshKnownHosts = $"[127.0.0.1]:{port} {otherKey}" };

        var error = await Should.ThrowAsync<GitException>(
            () => harness.Resolver.ResolveAsync(GitSourcesHarness.Source(repo.Url, credentials: credentials), Ct));

        error.Kind.ShouldBe(GitErrorKind.HostKeyUnknown);
    }

    [Fact]
    public async Task An_ssh_key_the_server_does_not_accept_is_an_auth_error_without_the_key()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Ssh, Ct);
        await using var other = await GitServer.StartAsync(GitServerKind.Ssh, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        using var harness = new GitSourcesHarness();
        var credentials = server.Credentials with { SshPrivateKey = other.Credentials.SshPrivateKey };

        var error = await Should.ThrowAsync<GitException>(
            () => harness.Resolver.ResolveAsync(GitSourcesHarness.Source(repo.Url, credentials: credentials), Ct));

        error.Kind.ShouldBe(GitErrorKind.AuthenticationFailed);
        error.Message.ShouldNotContain("PRIVATE KEY");
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_and_the_git_process_is_stopped()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var time = new FakeTimeProvider();
        using var harness = new GitSourcesHarness(time);
        var source = GitSourcesHarness.Source($"git://127.0.0.1:{port}/app.git") with { Timeout = TimeSpan.FromSeconds(30) };

        var resolving = harness.Resolver.ResolveAsync(source, Ct);
        using var connection = await silent.AcceptTcpClientAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);
        time.Advance(TimeSpan.FromSeconds(31));
        var error = await Should.ThrowAsync<GitException>(() => resolving.WaitAsync(TimeSpan.FromSeconds(30), Ct));

        error.Kind.ShouldBe(GitErrorKind.Timeout);
        error.Message.ShouldContain("30s");
        // The client's request may still be in the socket; after it, end of stream: the process is gone.
        var stream = connection.GetStream();
        var buffer = new byte[4096];
        while (await stream.ReadAsync(buffer, Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct) > 0)
        {
        }
    }

    [Fact]
    public async Task Cancelling_an_operation_stops_git_and_surfaces_as_cancellation_not_as_an_error()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var harness = new GitSourcesHarness(new FakeTimeProvider());
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var resolving = harness.Resolver.ResolveAsync(GitSourcesHarness.Source($"git://127.0.0.1:{port}/app.git"), cancel.Token);
        using var connection = await silent.AcceptTcpClientAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => resolving.WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }

    private static string[] SshTempDirectories() =>
        [.. Directory.GetDirectories(Path.GetTempPath(), "nomad-gitops-ssh-*").Order()];

    // The key directories that appeared since `before` and are still there. Other tests (and the controllers they run as
    // child processes) use ssh at the same time, in the same temporary directory: one of theirs goes away when their
    // sync ends, so it is waited out (up to 10 s); one this sync left behind stays.
    private static async Task<string[]> NewSshTempDirectoriesAsync(string[] before)
    {
        var until = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(10);
        string[] left;
        while ((left = [.. SshTempDirectories().Except(before, StringComparer.Ordinal)]).Length > 0 && TimeProvider.System.GetUtcNow() < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
        }

        return left;
    }
}
