namespace NomadGitOps.Cli;

/// <summary>The exit codes of every verb, so scripts can tell failures apart.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>The verb ran and found a failure (an object not ready, Nomad unreachable).</summary>
    public const int Failed = 1;

    /// <summary>The command line or configuration is wrong.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl-C, SIGTERM).</summary>
    public const int Interrupted = 130;
}
