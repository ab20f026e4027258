using System.Diagnostics;

namespace NomadGitOps.Tests.Server.StatusPage;

/// <summary>
/// Debian's headless Chromium (<c>/usr/bin/chromium</c>, installed by scripts/setup.sh) run once per page: the DOM it
/// rendered (<c>--dump-dom</c>) or a screenshot at a window size. Each run has its own profile directory, no network
/// beyond the page, and is killed when it overstays.
/// </summary>
internal static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Skips the test when Chromium is missing and CI is not set; under <c>CI=true</c> a missing Chromium fails it,
    /// since setup installs it there.
    /// </summary>
    public static void RequireOrSkip()
    {
        if (File.Exists(Executable))
        {
            return;
        }

        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        ci.ShouldBeFalse($"{Executable} is missing under CI=true: scripts/setup.sh installs it (apt-get install chromium)");
        Assert.Skip($"{Executable} is not installed: run scripts/setup.sh to install Debian's chromium for the browser tests");
    }

    /// <summary>The DOM of <paramref name="url"/> after Chromium loaded it.</summary>
    public static async Task<string> DumpDomAsync(Uri url, int width, int height, CancellationToken ct)
    {
        var (stdout, _) = await RunAsync(["--dump-dom", $"--window-size={width},{height}", url.ToString()], ct);
        return stdout;
    }

    /// <summary>A PNG of <paramref name="url"/> at <paramref name="width"/>×<paramref name="height"/>, written to <paramref name="file"/>.</summary>
    public static async Task ScreenshotAsync(Uri url, string file, int width, int height, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.Delete(file);
        await RunAsync([$"--screenshot={file}", $"--window-size={width},{height}", "--hide-scrollbars", url.ToString()], ct);
    }

    private static async Task<(string Stdout, string Stderr)> RunAsync(string[] arguments, CancellationToken ct)
    {
        var profile = Path.Combine(Path.GetTempPath(), "chromium-" + Guid.NewGuid().ToString("N")[..10]);
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile}", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start).ShouldNotBeNull();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Patience);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
            var stderr = process.StandardError.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);
            process.ExitCode.ShouldBe(0, await stderr);
            return (await stdout, await stderr);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be letting go of its profile; it is under the temp directory.
            }
        }
    }
}
