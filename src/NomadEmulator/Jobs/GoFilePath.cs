using System.Text;

namespace Nomad.Emulator.Jobs;

/// <summary>Go's <c>path/filepath</c> <c>Clean</c> and <c>Rel</c> on Unix (the server's platform), as Nomad's validators use them.</summary>
internal static class GoFilePath
{
    /// <summary>filepath.Clean: the shortest path naming the same file by lexical processing.</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }
        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add(part);
                }
                continue;
            }
            parts.Add(part);
        }
        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    /// <summary>filepath.Rel: the relative path from <paramref name="basePath"/> to <paramref name="target"/>, or null where Go answers an error.</summary>
    public static string? Rel(string basePath, string target)
    {
        var b = Clean(basePath);
        var t = Clean(target);
        if (t == b)
        {
            return ".";
        }
        if (b == ".")
        {
            b = "";
        }
        if (b.StartsWith('/') != t.StartsWith('/'))
        {
            return null;
        }
        int bl = b.Length, tl = t.Length, b0 = 0, bi = 0, t0 = 0, ti = 0;
        while (true)
        {
            while (bi < bl && b[bi] != '/')
            {
                bi++;
            }
            while (ti < tl && t[ti] != '/')
            {
                ti++;
            }
            if (!t.AsSpan(t0, ti - t0).SequenceEqual(b.AsSpan(b0, bi - b0)))
            {
                break;
            }
            if (bi < bl)
            {
                bi++;
            }
            if (ti < tl)
            {
                ti++;
            }
            b0 = bi;
            t0 = ti;
        }
        if (b.AsSpan(b0, bi - b0).SequenceEqual(".."))
        {
            return null;
        }
        if (b0 != bl)
        {
            var separators = b.AsSpan(b0).Count('/');
            var text = new StringBuilder("..");
            for (var i = 0; i < separators; i++)
            {
                text.Append("/..");
            }
            if (t0 != tl)
            {
                text.Append('/').Append(t, t0, tl - t0);
            }
            return text.ToString();
        }
        return t[t0..];
    }

    /// <summary>helper.IsSubdirectory: whether <paramref name="path"/> is <paramref name="parent"/> or below it.</summary>
    public static bool IsSubdirectory(string parent, string path) =>
        Rel(parent, path) is { } rel && !rel.StartsWith("..", StringComparison.Ordinal);
}
