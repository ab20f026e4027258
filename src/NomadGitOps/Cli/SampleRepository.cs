using System.Diagnostics;

namespace NomadGitOps.Cli;

/// <summary>
/// The local git repository `nomad-gitops dev` syncs: made once from the samples shipped with the program, then
/// left to the user, whose commits the controller picks up.
/// </summary>
internal static class SampleRepository
{
    /// <summary>Where the dev repository lives unless <c>--repo-dir</c> names another folder.</summary>
    public static string DefaultDirectory => Path.Combine(Path.GetTempPath(), "nomad-gitops-dev", "samples");

    /// <summary>
    /// Returns the repository at <paramref name="directory"/>, creating it from the shipped samples with one commit
    /// when it is not a git repository yet. True in <c>Created</c> when it was made now.
    /// </summary>
    public static async Task<(string Directory, bool Created)> EnsureAsync(string directory, CancellationToken ct)
    {
        var full = Path.GetFullPath(directory);
        if (Directory.Exists(Path.Combine(full, ".git")))
        {
            return (full, false);
        }

        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        Directory.CreateDirectory(full);
        foreach (var file in Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(full, Path.GetRelativePath(samples, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        await GitAsync(full, ct, "init", "--quiet", "--initial-branch=main").ConfigureAwait(false);
        await GitAsync(full, ct, "add", "--all").ConfigureAwait(false);
        await GitAsync(full, ct, "-c", "user.name=nomad-gitops dev", "-c", "user.email=dev@nomad-gitops.invalid", "commit", "--quiet", "-m", "Sample jobs").ConfigureAwait(false);
        return (full, true);
    }

    private static async Task GitAsync(string directory, CancellationToken ct, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start) ?? throw new InvalidOperationException("git could not be started: is it installed?");
        var stderr = git.StandardError.ReadToEndAsync(ct);
        await git.StandardOutput.ReadToEndAsync(ct).ConfigureAwait(false);
        await git.WaitForExitAsync(ct).ConfigureAwait(false);
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {arguments[0]} in {directory} failed: {(await stderr.ConfigureAwait(false)).Trim()}");
        }
    }
}
