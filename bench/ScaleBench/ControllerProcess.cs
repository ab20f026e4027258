using System.Diagnostics;
using System.Globalization;

namespace ScaleBench;

/// <summary><c>nomad-gitops run</c> as a child process (<c>dotnet nomad-gitops.dll run</c>), its logs in a file, its memory from /proc.</summary>
internal sealed class ControllerProcess : IDisposable
{
    private readonly Process process;
    private readonly string cacheDir;

    private ControllerProcess(Process process, string cacheDir)
    {
        this.process = process;
        this.cacheDir = cacheDir;
    }

    /// <summary>Starts <paramref name="dll"/> against <paramref name="nomad"/> with the default interval <paramref name="interval"/>.</summary>
    public static ControllerProcess Start(string dll, Uri nomad, string interval, string logFile)
    {
        var cacheDir = Path.Combine(Path.GetTempPath(), "scalebench-cache-" + Guid.NewGuid().ToString("N")[..8]);
        var start = new ProcessStartInfo("dotnet", [dll, "run", "--address", nomad.ToString().TrimEnd('/'), "--interval", interval, "--cache-dir", cacheDir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["NOMAD_GITOPS_LEADER_ELECTION"] = "false";
        var process = Process.Start(start)!;
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (log)
                {
                    log.WriteLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (log)
                {
                    log.WriteLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return new ControllerProcess(process, cacheDir);
    }

    /// <summary>Resident memory now (VmRSS) and at its peak (VmHWM), in MB.</summary>
    public (double Rss, double Peak) Memory()
    {
        var status = File.ReadAllLines($"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/status");
        return (Kb(status, "VmRSS:") / 1024.0, Kb(status, "VmHWM:") / 1024.0);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
        if (Directory.Exists(cacheDir))
        {
            Directory.Delete(cacheDir, recursive: true);
        }
    }

    private static long Kb(string[] status, string field) =>
        long.Parse(status.First(l => l.StartsWith(field, StringComparison.Ordinal))[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}
