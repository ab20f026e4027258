using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NomadGitOps.Server.Metrics;

namespace NomadGitOps.Sources;

/// <summary>
/// Runs the git CLI as a child process: no terminal prompts, no user or system config, a timeout that kills
/// the process tree, and a count of invocations per verb (so tests can assert that no fetch ran).
/// </summary>
internal sealed class GitRunner(TimeProvider time, ILogger<GitRunner> logger, NomadGitOpsMetrics? metrics = null)
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    /// <summary>How many times git ran with this verb (e.g. <c>fetch</c>, <c>ls-remote</c>) since start.</summary>
    public int CountOf(string verb) => counts.GetValueOrDefault(verb);

    /// <summary>Runs the command; a non-zero exit is returned, not thrown. Throws on timeout and cancellation.</summary>
    public async Task<GitResult> RunAsync(GitCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        counts.AddOrUpdate(command.Verb, 1, (_, n) => n + 1);
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (command.WorkingDirectory is not null)
        {
            start.WorkingDirectory = command.WorkingDirectory;
        }
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_ASKPASS"] = "";
        start.Environment["SSH_ASKPASS"] = "";
        start.Environment["LC_ALL"] = "C";
        // Only the transports a GitRepository may use: never ext:: (runs commands) or fd::.
        start.Environment["GIT_ALLOW_PROTOCOL"] = "file:git:http:https:ssh";
        start.Environment["GIT_SSH_COMMAND"] = "ssh -F /dev/null -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=/dev/null -o GlobalKnownHostsFile=/dev/null";
        foreach (var (name, value) in command.Environment)
        {
            start.Environment[name] = value;
        }

        var started = time.GetTimestamp();
        var succeeded = false;
        using var timeout = new CancellationTokenSource(command.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        using var process = Process.Start(start)
            ?? throw new GitException(GitErrorKind.Other, "Could not start git: is it installed and on PATH?");
        try
        {
            var input = WriteInputAsync(process, command.StandardInput, linked.Token);
            var error = process.StandardError.ReadToEndAsync(linked.Token);
            using var output = new MemoryStream();
            await process.StandardOutput.BaseStream.CopyToAsync(output, linked.Token);
            await process.WaitForExitAsync(linked.Token);
            await input;
            var result = new GitResult(process.ExitCode, output.ToArray(), await error);
            succeeded = result.ExitCode == 0;
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("git {Verb} exited with {ExitCode}", command.Verb, result.ExitCode);
            }
            return result;
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            Kill(process);
            if (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                logger.LogWarning("git {Verb} timed out after {Timeout}", command.Verb, command.Timeout);
                throw new GitException(GitErrorKind.Timeout,
                    $"git {command.Verb}{(command.Subject is null ? "" : " " + command.Subject)} did not finish within {command.Timeout.TotalSeconds:0.#}s and was stopped: check that the server is reachable, or raise the timeout.");
            }
            throw;
        }
        finally
        {
            metrics?.GitOperation(command.Verb, succeeded, time.GetElapsedTime(started));
        }
    }

    private static async Task WriteInputAsync(Process process, ReadOnlyMemory<byte>? input, CancellationToken ct)
    {
        try
        {
            if (input is { } bytes)
            {
                await process.StandardInput.BaseStream.WriteAsync(bytes, ct);
            }
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // git exited before reading all of its input; its exit code and stderr say why.
        }
    }

    private void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            logger.LogWarning(exception, "Could not kill git process {ProcessId}", process.Id);
        }
    }
}
