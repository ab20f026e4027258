using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace NomadGitOps.Testing;

/// <summary>
/// A program of this repository run as a real child process (<c>dotnet &lt;dll&gt; args</c>, the dll copied next to the
/// tests by the project reference), its output collected line by line, stopped by a real signal. Linked into the test
/// projects that start programs (test/Shared).
/// </summary>
internal sealed class ChildProgram : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly SemaphoreSlim lineAdded = new(0);

    private ChildProgram(Process process)
    {
        this.process = process;
    }

    /// <summary>Everything the program printed so far (stdout and stderr), one line each.</summary>
    public string Output => string.Join('\n', lines);

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>
    /// True when this process ignores <paramref name="signal"/> (<c>SigIgn</c> in /proc): a child inherits that, as a
    /// background job of a non-interactive shell ignores SIGINT and SIGQUIT, so such a signal cannot be tested here.
    /// </summary>
    public static bool InheritsIgnored(int signal)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (signal - 1))) != 0;
    }

    /// <summary>Starts <paramref name="dll"/> (a file name in the test's output folder) with <paramref name="args"/>.</summary>
    public static ChildProgram Start(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new ChildProgram(process);
        process.OutputDataReceived += (_, e) => child.Add(e.Data);
        process.ErrorDataReceived += (_, e) => child.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until a line matching <paramref name="match"/> is printed and returns it; fails after <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        while (true)
        {
            if (lines.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"The program exited ({process.ExitCode}) before printing the line waited for:\n{Output}");
            }

            try
            {
                // Woken by every new line; the short wait also notices an exit that prints nothing.
                await lineAdded.WaitAsync(TimeSpan.FromSeconds(1), limit.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"No matching line within {timeout}:\n{Output}");
            }
        }
    }

    /// <summary>Sends <paramref name="signal"/> (<c>TERM</c>, <c>INT</c>…) to the process with kill(1).</summary>
    public async Task SignalAsync(string signal, CancellationToken ct)
    {
        using var kill = Process.Start("kill", ["-s", signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(ct);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s {signal} {process.Id} exited {kill.ExitCode}");
        }
    }

    /// <summary>The exit code, once the process ends; <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken ct)
    {
        await process.WaitForExitAsync(ct).WaitAsync(timeout, ct);
        return process.ExitCode;
    }

    /// <summary>Kills the process (and its children) if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        lineAdded.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
            lineAdded.Release();
        }
    }
}
