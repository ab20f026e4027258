// Measures LibGit2Sharp against the git CLI for the three operations the GitRepository controller
// repeats: a no-op check (ls-remote of one ref), a fetch of one new commit into an existing cache,
// and reading 1,000 files at a commit without a working copy. Prints the median of N runs, over
// file:// and git:// (git daemon on loopback). Usage: dotnet run -c Release --project bench/GitBench [N]
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LibGit2Sharp;

var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 15;
var root = Path.Combine(Path.GetTempPath(), "gitbench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(root);
Console.WriteLine($"git: {Git(root, "--version").Trim()}; libgit2: {GlobalSettings.Version}; runs: {runs} (median)");

try
{
    var origin = Path.Combine(root, "origin.git");
    var work = Path.Combine(root, "work");
    Git(root, "init", "-q", "--bare", "-b", "main", origin);
    Git(root, "init", "-q", "-b", "main", work);
    for (var i = 0; i < 1000; i++)
    {
        var dir = Path.Combine(work, "jobs", $"d{i % 20:00}");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, $"job{i:0000}.nomad.hcl"), $"job \"j{i}\" {{\n  datacenters = [\"dc1\"]\n  group \"g\" {{ count = {i % 5} }}\n}}\n" + new string('#', 600));
    }
    Git(work, "add", "-A");
    Commit(work, "1,000 job files");
    Git(work, "push", "-q", origin, "main");

    var port = FreePort();
    using var daemon = Process.Start(new ProcessStartInfo("git", ["daemon", "--reuseaddr", "--export-all", $"--base-path={root}", $"--port={port}", "--listen=127.0.0.1", root]) { RedirectStandardError = true })!;
    WaitForPort(port);

    foreach (var (label, url) in new[] { ("file://", "file://" + origin), ("git://", $"git://127.0.0.1:{port}/origin.git") })
    {
        var cliCache = Path.Combine(root, "cli-" + label.TrimEnd(':', '/'));
        var lgCache = Path.Combine(root, "lg-" + label.TrimEnd(':', '/'));
        Git(root, "init", "-q", "--bare", cliCache);
        Git(cliCache, "fetch", "-q", url, "+refs/heads/main:refs/heads/main");
        Repository.Init(lgCache, isBare: true);
        using (var lg = new Repository(lgCache))
        {
            lg.Network.Remotes.Add("origin", url);
            Commands.Fetch(lg, "origin", ["+refs/heads/main:refs/heads/main"], new FetchOptions(), null);
        }

        Report(label, "no-op check (ls-remote one ref)",
            Median(runs, () => Git(root, "ls-remote", url, "refs/heads/main")),
            Median(runs, () => _ = Repository.ListRemoteReferences(url).First(r => r.CanonicalName == "refs/heads/main").TargetIdentifier));

        Report(label, "fetch one new commit into cache",
            MedianWithSetup(runs, () => NewCommit(work, origin), () => Git(cliCache, "fetch", "-q", url, "+refs/heads/main:refs/heads/main")),
            MedianWithSetup(runs, () => NewCommit(work, origin), () =>
            {
                using var lg = new Repository(lgCache);
                Commands.Fetch(lg, "origin", ["+refs/heads/main:refs/heads/main"], new FetchOptions(), null);
            }));

        var sha = Git(cliCache, "rev-parse", "refs/heads/main").Trim();
        Report(label, "read 1,000 files at a commit (no checkout)",
            Median(runs, () => ReadAllCli(cliCache, sha)),
            Median(runs, () => ReadAllLibGit2(lgCache, sha)));
    }

    daemon.Kill(entireProcessTree: true);
}
finally
{
    Directory.Delete(root, recursive: true);
}

static void Report(string transport, string operation, double cli, double libgit2) =>
    Console.WriteLine($"{transport,-8} {operation,-44} git CLI {cli,8:0.0} ms   LibGit2Sharp {libgit2,8:0.0} ms");

static double Median(int runs, Action action) => MedianWithSetup(runs, () => { }, action);

static double MedianWithSetup(int runs, Action setup, Action action)
{
    setup();
    action(); // warm-up
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        setup();
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return times[times.Count / 2];
}

static void NewCommit(string work, string origin)
{
    File.AppendAllText(Path.Combine(work, "jobs", "d00", "job0000.nomad.hcl"), "# change\n");
    Git(work, "add", "-A");
    Commit(work, "change");
    Git(work, "push", "-q", origin, "main");
}

static void Commit(string work, string message) =>
    Git(work, "-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-q", "-m", message);

static int ReadAllCli(string cache, string sha)
{
    // One ls-tree for the list (with blob ids), one cat-file --batch process for all the contents.
    var list = Git(cache, "ls-tree", "-r", "-z", sha, "--", "jobs/");
    var ids = list.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ', '\t')[2]).ToList();
    var psi = new ProcessStartInfo("git", ["-C", cache, "cat-file", "--batch"]) { RedirectStandardInput = true, RedirectStandardOutput = true };
    using var process = Process.Start(psi)!;
    var writer = Task.Run(() =>
    {
        foreach (var id in ids)
        {
            process.StandardInput.Write(id + "\n");
        }
        process.StandardInput.Close();
    });
    var stream = process.StandardOutput.BaseStream;
    var total = 0;
    for (var i = 0; i < ids.Count; i++)
    {
        var header = ReadLine(stream);
        var size = int.Parse(header.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        var buffer = new byte[size + 1];
        stream.ReadExactly(buffer);
        total += size;
    }
    writer.GetAwaiter().GetResult();
    process.WaitForExit();
    return total;
}

static string ReadLine(Stream stream)
{
    var bytes = new List<byte>();
    int b;
    while ((b = stream.ReadByte()) is >= 0 and not '\n')
    {
        bytes.Add((byte)b);
    }
    return System.Text.Encoding.ASCII.GetString(bytes.ToArray());
}

static int ReadAllLibGit2(string cache, string sha)
{
    using var repo = new Repository(cache);
    var tree = (Tree)repo.Lookup<Commit>(sha).Tree["jobs"].Target;
    return Walk(tree);

    static int Walk(Tree tree)
    {
        var total = 0;
        foreach (var entry in tree)
        {
            if (entry.Target is Tree sub)
            {
                total += Walk(sub);
            }
            else if (entry.Target is Blob blob)
            {
                using var content = blob.GetContentStream();
                var buffer = new byte[blob.Size];
                content.ReadExactly(buffer);
                total += buffer.Length;
            }
        }
        return total;
    }
}

static string Git(string dir, params string[] arguments)
{
    var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in arguments)
    {
        psi.ArgumentList.Add(argument);
    }
    using var process = Process.Start(psi)!;
    var stderr = process.StandardError.ReadToEndAsync();
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {stderr.GetAwaiter().GetResult()}");
    }
    return output;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static void WaitForPort(int port)
{
    for (var i = 0; i < 100; i++)
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
