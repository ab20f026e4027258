namespace Nomad.Emulator.Acl;

/// <summary>
/// Nomad's ACL glob (<c>github.com/ryanuber/go-glob</c>, used by <c>acl/acl.go</c>): <c>*</c> matches any
/// run of characters, including none; everything else matches itself.
/// </summary>
public static class Glob
{
    /// <summary>True when <paramref name="name"/> matches <paramref name="pattern"/>.</summary>
    public static bool Matches(string pattern, string name)
    {
        if (pattern == "*")
        {
            return true;
        }

        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return pattern == name;
        }

        if (!name.StartsWith(parts[0], StringComparison.Ordinal))
        {
            return false;
        }

        var at = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = name.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + parts[i].Length;
        }

        var last = parts[^1];
        return name.Length - at >= last.Length && name.EndsWith(last, StringComparison.Ordinal);
    }

    /// <summary>
    /// How far a matching glob is from the name (<c>findAllMatchingWildcards</c>): the name's length minus
    /// the glob's, plus its stars. The closest glob (smallest difference) wins.
    /// </summary>
    public static int Difference(string pattern, string name) =>
        name.Length - pattern.Length + pattern.Count(c => c == '*');
}
