using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ScaleBench;

/// <summary>
/// Generated repositories of HCL job files (<c>jobs/&lt;id&gt;.nomad.hcl</c>), bare copies served by <c>git daemon</c> on
/// loopback, and work trees to commit changes from.
/// </summary>
internal sealed class BenchRepos : IDisposable
{
    private readonly string root;
    private readonly Process daemon;
    private readonly int port;

    private BenchRepos(string root, Process daemon, int port, IReadOnlyList<string> names, int jobsPerRepo)
    {
        this.root = root;
        this.daemon = daemon;
        this.port = port;
        Names = names;
        JobsPerRepo = jobsPerRepo;
    }

    /// <summary>The repository names (also the GitRepository object names).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Job files in each repository.</summary>
    public int JobsPerRepo { get; }

    /// <summary>The git:// URL of <paramref name="name"/>.</summary>
    public string Url(string name) => $"git://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/{name}.git";

    /// <summary>The job ID of job <paramref name="index"/> of repository <paramref name="name"/>.</summary>
    public static string JobId(string name, int index) => $"{name}-j{index.ToString("0000", CultureInfo.InvariantCulture)}";

    /// <summary>Creates <paramref name="repos"/> repositories of <paramref name="jobsPerRepo"/> job files and serves them.</summary>
    public static BenchRepos Create(int repos, int jobsPerRepo)
    {
        var root = Path.Combine(Path.GetTempPath(), "scalebench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var names = new List<string>();
        for (var r = 0; r < repos; r++)
        {
            var name = "r" + r.ToString("0000", CultureInfo.InvariantCulture);
            names.Add(name);
            var work = Path.Combine(root, "work", name);
            Directory.CreateDirectory(Path.Combine(work, "jobs"));
            Git(root, "init", "-q", "-b", "main", work);
            for (var i = 0; i < jobsPerRepo; i++)
            {
                File.WriteAllText(Path.Combine(work, "jobs", JobId(name, i) + ".nomad.hcl"), JobFile(JobId(name, i), count: 1));
            }

            Git(work, "add", "-A");
            Git(work, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "jobs");
            Git(root, "clone", "-q", "--bare", work, Path.Combine(root, name + ".git"));
            Git(work, "remote", "add", "origin", Path.Combine(root, name + ".git"));
        }

        var port = FreePort();
        var daemon = Process.Start(new ProcessStartInfo(
            "git", ["daemon", "--reuseaddr", "--export-all", $"--base-path={root}", $"--port={port}", "--listen=127.0.0.1", root])
        { RedirectStandardError = true })!;
        WaitForPort(port);
        return new BenchRepos(root, daemon, port, names, jobsPerRepo);
    }

    /// <summary>Changes the count of one job in its file, commits and pushes.</summary>
    public void Change(string name, string jobId, int count)
    {
        var work = Path.Combine(root, "work", name);
        File.WriteAllText(Path.Combine(work, "jobs", jobId + ".nomad.hcl"), JobFile(jobId, count));
        Git(work, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-am", "count " + count.ToString(CultureInfo.InvariantCulture));
        Git(work, "push", "-q", "origin", "main");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        daemon.Kill(entireProcessTree: true);
        daemon.WaitForExit();
        daemon.Dispose();
        Directory.Delete(root, recursive: true);
    }

    private static string JobFile(string id, int count) => $$"""
        job "{{id}}" {
          datacenters = ["dc1"]
          group "g" {
            count = {{count.ToString(CultureInfo.InvariantCulture)}}
            task "t" {
              driver = "docker"
              config {
                image = "busybox:1.36"
              }
              resources {
                cpu    = 50
                memory = 32
              }
            }
          }
        }
        """;

    private static void Git(string cwd, params string[] args)
    {
        using var git = Process.Start(new ProcessStartInfo("git", args) { WorkingDirectory = cwd, RedirectStandardError = true, RedirectStandardOutput = true })!;
        var stderr = git.StandardError.ReadToEnd();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {stderr}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WaitForPort(int port)
    {
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Task.Delay(50).GetAwaiter().GetResult();
            }
        }

        throw new InvalidOperationException("git daemon did not start");
    }
}
