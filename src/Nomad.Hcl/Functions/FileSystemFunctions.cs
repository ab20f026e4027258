using System.Text;
using System.Text.RegularExpressions;
using Nomad.Hcl.Evaluation;
using static Nomad.Hcl.Functions.Fn;

namespace Nomad.Hcl.Functions;

/// <summary>
/// Filesystem functions of go-cty-funcs' filesystem package as jobspec2 wires them (relative paths from the base
/// directory, the job file's own directory in <c>nomad job run</c>), confined to one root: a path that resolves
/// outside it, through <c>..</c> or a symlink, is an error naming the path.
/// </summary>
internal sealed class FileSystemFunctions(string root, string? baseDirectory)
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    private readonly string _base = Path.TrimEndingDirectorySeparator(Path.GetFullPath(baseDirectory ?? root, Path.GetFullPath(root)));

    public void Register(Dictionary<string, HclFunction> table)
    {
        table["abspath"] = StringToString(p => Confine(p));
        table["basename"] = StringToString(Path.GetFileName);
        table["dirname"] = StringToString(p => Path.GetDirectoryName(p) is { Length: > 0 } d ? d : ".");
        table["pathexpand"] = StringToString(PathExpand);
        table["file"] = StringToString(p => ReadText(p));
        table["filebase64"] = StringToString(p => Convert.ToBase64String(File.ReadAllBytes(ExistingFile(p))));
        table["fileexists"] = Of(a => HclValue.Bool(FileExists(a[0].AsString())), P("path", HclType.String));
        table["fileset"] = Of(a => HclValue.Set(HclType.String, FileSet(a[0].AsString(), a[1].AsString()).Select(HclValue.String)), P("path", HclType.String), P("pattern", HclType.String));
    }

    // The full path, every existing symlink on the way resolved, checked to stay under the root.
    private string Confine(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_base, path));
        var resolved = Resolve(full);
        if (!IsUnderRoot(full) || !IsUnderRoot(resolved))
        {
            throw new FunctionException($"path {path} is outside the file system root");
        }

        return full;
    }

    private bool IsUnderRoot(string full) =>
        full == _root || full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Resolve(string full)
    {
        var rootOfPath = Path.GetPathRoot(full) ?? "/";
        var current = rootOfPath;
        foreach (var segment in full[rootOfPath.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.Exists && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = Resolve(Path.GetFullPath(target.FullName));
            }
        }

        return current;
    }

    private string PathExpand(string path)
    {
        if (!path.StartsWith('~'))
        {
            return path;
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var expanded = home + path[1..];
        Confine(expanded);
        return expanded;
    }

    private string ExistingFile(string path)
    {
        var full = Confine(path);
        if (!File.Exists(full))
        {
            throw new FunctionException($"no file exists at {path}; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource");
        }

        return full;
    }

    private string ReadText(string path)
    {
        var bytes = File.ReadAllBytes(ExistingFile(path));
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new FunctionException($"contents of {path} are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead");
        }
    }

    private bool FileExists(string path)
    {
        var full = Confine(path);
        if (Directory.Exists(full))
        {
            throw new FunctionException($"{path} is not a regular file, but a directory");
        }

        return File.Exists(full);
    }

    // Paths under `path` (relative to it, with '/') matching a glob of *, ?, [..] and ** segments.
    private List<string> FileSet(string path, string pattern)
    {
        var dir = Confine(path);
        var regex = new Regex("^" + GlobToRegex(pattern) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var result = new List<string>();
        if (!Directory.Exists(dir))
        {
            return result;
        }

        foreach (var file in Directory.EnumerateFiles(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(dir, file).Replace(Path.DirectorySeparatorChar, '/');
            if (regex.IsMatch(relative) && IsUnderRoot(Resolve(file)))
            {
                result.Add(relative);
            }
        }

        return result;
    }

    private static string GlobToRegex(string pattern)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                sb.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    '[' or ']' => c.ToString(),
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return sb.ToString();
    }
}
