using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NomadGitOps.Sources;

namespace NomadGitOps.Tests.Support;

/// <summary>
/// A git server on loopback for tests, over one transport: bare repositories under <see cref="Root"/>, served by
/// <c>git daemon</c> (git://), <c>git http-backend</c> behind Kestrel with basic auth (http://), <c>sshd</c> with a
/// generated host key and user key (ssh://), or plainly as file:// URLs. Started and stopped by the test.
/// </summary>
internal sealed class GitServer : IAsyncDisposable
{
    /// <summary>The basic-auth user name the HTTP server accepts.</summary>
    public const string HttpUser = "gitops";

    /// <summary>The basic-auth password the HTTP server accepts.</summary>
    public const string HttpPassword = "correct-horse-battery";

    private Process? process;
    private WebApplication? web;
    private readonly Func<string, string> urlFor;

    private GitServer(GitServerKind kind, string root, Func<string, string> urlFor, Process? process = null, WebApplication? web = null)
    {
        Kind = kind;
        Root = root;
        this.urlFor = urlFor;
        this.process = process;
        this.web = web;
    }

    /// <summary>The transport served.</summary>
    public GitServerKind Kind { get; }

    /// <summary>The directory holding the bare repositories (<c>name.git</c>).</summary>
    public string Root { get; }

    /// <summary>The credentials this server accepts (HTTP user/password, or SSH key with its known_hosts line).</summary>
    public GitCredentials Credentials { get; private init; } = GitCredentials.None;

    /// <summary>Starts a server of the given kind in a new temporary directory.</summary>
    public static async Task<GitServer> StartAsync(GitServerKind kind, CancellationToken ct)
    {
        var root = Path.Combine(Path.GetTempPath(), "gitserver-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(root);
        return kind switch
        {
            GitServerKind.File => new GitServer(kind, root, name => $"file://{root}/{name}.git"),
            GitServerKind.Daemon => await StartDaemonAsync(root, ct),
            GitServerKind.Http => await StartHttpAsync(root, ct),
            _ => await StartSshAsync(root, ct),
        };
    }

    /// <summary>The URL of repository <paramref name="name"/> over this server's transport.</summary>
    public string UrlFor(string name) => urlFor(name);

    /// <summary>The on-disk path of repository <paramref name="name"/>.</summary>
    public string PathFor(string name) => Path.Combine(Root, name + ".git");

    /// <summary>
    /// Stops the server (<c>git daemon</c> with SIGKILL; the http server's Kestrel host), leaves the port closed for
    /// <paramref name="down"/>, and starts it again on the same port and repositories: clients see refused connections
    /// meanwhile.
    /// </summary>
    public async Task RestartAsync(TimeSpan down, CancellationToken ct)
    {
        var port = new Uri(UrlFor("x")).Port;
        if (Kind == GitServerKind.Daemon && process is not null)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(ct);
            process.Dispose();
            await Task.Delay(down, ct);
            process = await StartDaemonProcessAsync(Root, port, ct);
        }
        else if (Kind == GitServerKind.Http && web is not null)
        {
            // Stopped abruptly (a second's grace for requests in flight, then their connections are cut).
            using (var grace = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                grace.CancelAfter(TimeSpan.FromSeconds(1));
                try
                {
                    await web.StopAsync(grace.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // The grace ran out: Kestrel has aborted what was still open.
                }
            }
            await web.DisposeAsync();
            web = null;
            await Task.Delay(down, ct);
            web = await StartHttpHostAsync(Root, port, ct);
        }
        else
        {
            throw new InvalidOperationException($"A {Kind} server cannot be restarted.");
        }
    }

    /// <summary>Stops the server process and deletes its repositories.</summary>
    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
            process.Dispose();
        }
        if (web is not null)
        {
            await web.StopAsync();
            await web.DisposeAsync();
        }
        Directory.Delete(Root, recursive: true);
    }

    private static async Task<GitServer> StartDaemonAsync(string root, CancellationToken ct)
    {
        var port = FreePort();
        var daemon = await StartDaemonProcessAsync(root, port, ct);
        return new GitServer(GitServerKind.Daemon, root, name => $"git://127.0.0.1:{port}/{name}.git", daemon);
    }

    private static async Task<Process> StartDaemonProcessAsync(string root, int port, CancellationToken ct)
    {
        var daemon = StartProcess("git", ["daemon", "--verbose", "--reuseaddr", "--export-all", "--informative-errors",
            $"--base-path={root}", $"--port={port}", "--listen=127.0.0.1", root]);
        await WaitForLineAsync(daemon, "Ready to rumble", ct);
        return daemon;
    }

    private static async Task<GitServer> StartHttpAsync(string root, CancellationToken ct)
    {
        var app = await StartHttpHostAsync(root, port: 0, ct);
        var address = app.Urls.First();
        return new GitServer(GitServerKind.Http, root, name => $"{address}/{name}.git", web: app)
        {
            Credentials = new GitCredentials(Username: HttpUser, Password: HttpPassword),
        };
    }

    // Kestrel on loopback (port 0: a free one) answering with git http-backend behind basic auth.
    private static async Task<WebApplication> StartHttpHostAsync(string root, int port, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{HttpUser}:{HttpPassword}"));
        app.Run(async context =>
        {
            if (context.Request.Headers.Authorization.ToString() != expected)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"git\"";
                return;
            }
            await GitHttpBackend.HandleAsync(context, root, HttpUser);
        });
        await app.StartAsync(ct);
        return app;
    }

    private static async Task<GitServer> StartSshAsync(string root, CancellationToken ct)
    {
        var sshd = "/usr/sbin/sshd";
        Assert.SkipUnless(File.Exists(sshd), "sshd is not installed: run scripts/setup.sh (it installs openssh-server)");
        var config = Path.Combine(root, ".sshd");
        Directory.CreateDirectory(config);
        if (Environment.UserName == "root")
        {
            Directory.CreateDirectory("/run/sshd"); // sshd's privilege separation directory, made by its service normally
        }
        await RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "host", "-f", Path.Combine(config, "host_key")], ct);
        await RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "user", "-f", Path.Combine(config, "user_key")], ct);
        File.Copy(Path.Combine(config, "user_key.pub"), Path.Combine(config, "authorized_keys"));
        var port = FreePort();
        var user = Environment.UserName;
        await File.WriteAllTextAsync(Path.Combine(config, "sshd_config"), $"""
            Port {port}
            ListenAddress 127.0.0.1
            HostKey {config}/host_key
            PidFile {config}/sshd.pid
            AuthorizedKeysFile {config}/authorized_keys
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            PermitRootLogin prohibit-password
            AllowUsers {user}
            LogLevel INFO
            """, ct);
        var server = StartProcess(sshd, ["-D", "-e", "-f", Path.Combine(config, "sshd_config")]);
        await WaitForLineAsync(server, "Server listening", ct);
        var hostKey = (await File.ReadAllTextAsync(Path.Combine(config, "host_key.pub"), ct)).Trim();
        return new GitServer(GitServerKind.Ssh, root, name => $"ssh://{user}@127.0.0.1:{port}{root}/{name}.git", server)
        {
            Credentials = new GitCredentials(
                SshPrivateKey: await File.ReadAllTextAsync(Path.Combine(config, "user_key"), ct),
                SshKnownHosts: $"[127.0.0.1]:{port} {hostKey}\n"),
        };
    }

    private static Process StartProcess(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        return Process.Start(start)!;
    }

    private static async Task RunAsync(string file, IEnumerable<string> arguments, CancellationToken ct)
    {
        using var process = StartProcess(file, arguments);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {await error}");
        }
    }

    // Waits for the server to say it listens; keeps draining stderr so the server never blocks on a full pipe.
    private static async Task WaitForLineAsync(Process server, string marker, CancellationToken ct)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new StringBuilder();
        _ = Task.Run(async () =>
        {
            while (await server.StandardError.ReadLineAsync(CancellationToken.None) is { } line)
            {
                lock (seen)
                {
                    seen.AppendLine(line);
                }
                if (line.Contains(marker, StringComparison.Ordinal))
                {
                    ready.TrySetResult();
                }
            }
            ready.TrySetException(new InvalidOperationException($"server exited before '{marker}': {seen}"));
        }, CancellationToken.None);
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
