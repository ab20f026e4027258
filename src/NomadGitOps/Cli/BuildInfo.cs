using System.Reflection;

namespace NomadGitOps.Cli;

/// <summary>The version of this build, from the assembly's informational version.</summary>
internal static class BuildInfo
{
    /// <summary>E.g. <c>0.1.0+3f9a1c2</c>: the version plus the short source revision when the build knows it.</summary>
    public static string Version { get; } = Shorten(
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");

    private static string Shorten(string informational) =>
        informational.IndexOf('+', StringComparison.Ordinal) is var plus and >= 0 && informational.Length > plus + 8
            ? informational[..(plus + 8)]
            : informational;
}
