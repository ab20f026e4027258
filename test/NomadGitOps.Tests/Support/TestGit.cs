using System.Diagnostics;

namespace NomadGitOps.Tests.Support;

/// <summary>Runs the git CLI for test setup (building repositories), isolated from the user's git config.</summary>
internal static class TestGit
{
    /// <summary>Runs git in <paramref name="directory"/>; throws with git's stderr when it fails; returns stdout trimmed.</summary>
    public static async Task<string> RunAsync(string directory, CancellationToken ct, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_AUTHOR_NAME"] = "Test Author";
        start.Environment["GIT_AUTHOR_EMAIL"] = "author@example.test";
        start.Environment["GIT_COMMITTER_NAME"] = "Test Author";
        start.Environment["GIT_COMMITTER_EMAIL"] = "author@example.test";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(ct);
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed in {directory}: {await error}");
        }
        return output.Trim();
    }

    /// <summary>The number of objects in a repository (loose plus packed).</summary>
    public static async Task<int> CountObjectsAsync(string gitDirectory, CancellationToken ct)
    {
        var lines = (await RunAsync(gitDirectory, ct, "count-objects", "-v")).Split('\n');
        int Field(string name) => int.Parse(lines.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        return Field("count") + Field("in-pack");
    }
}
