namespace Nomad.Emulator.Tests.Support;

/// <summary>Unique names, so tests never collide on a shared cluster.</summary>
public static class Some
{
    /// <summary>A name like <c>t-3f9a1c2b</c> with an optional prefix; valid as a variable path segment and a job ID.</summary>
    public static string Name(string prefix = "t") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
