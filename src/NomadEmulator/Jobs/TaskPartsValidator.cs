using System.Text.Json.Nodes;
using static Nomad.Emulator.Jobs.DiffJson;
using static Nomad.Emulator.State.VariablesErrors;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// Task.Validate's checks of templates (<c>Template.Validate</c>, ChangeScript, WaitConfig), artifacts
/// (<c>TaskArtifact.Validate</c> with its checksum), volume mounts (<c>VolumeMount.Validate</c>, nomad/structs/volumes.go)
/// and TaskGroup.Validate's volume requests (<c>VolumeRequest.Validate</c>).
/// </summary>
internal static class TaskPartsValidator
{
    private static readonly Dictionary<string, int> ChecksumSizes = new(StringComparer.Ordinal) { ["md5"] = 16, ["sha1"] = 20, ["sha256"] = 32, ["sha512"] = 64 };

    /// <summary>The artifact errors (<c>Artifact N validation failed: …</c>).</summary>
    public static List<string> Artifacts(JsonObject task)
    {
        var errors = new List<string>();
        var artifacts = Objs(task, "Artifacts");
        for (var i = 0; i < artifacts.Count; i++)
        {
            if (MultiError.Format(Artifact(artifacts[i])) is { } error)
            {
                errors.Add($"Artifact {i + 1} validation failed: {error}");
            }
        }
        return errors;
    }

    /// <summary>The template errors and destinations used twice, in Task.Validate's order.</summary>
    public static List<string> Templates(JsonObject task)
    {
        var errors = new List<string>();
        var destinations = new Dictionary<string, int>(StringComparer.Ordinal);
        var templates = Objs(task, "Templates");
        for (var i = 0; i < templates.Count; i++)
        {
            if (MultiError.Format(Template(templates[i])) is { } error)
            {
                errors.Add($"Template {i + 1} validation failed: {error}");
            }
            var dest = Str(templates[i], "DestPath");
            if (destinations.TryGetValue(dest, out var other))
            {
                errors.Add($"Template {i + 1} has same destination as {other}");
            }
            else
            {
                destinations[dest] = i + 1;
            }
        }
        return errors;
    }

    /// <summary>The volume mount errors: undefined volumes and VolumeMount.Validate.</summary>
    public static List<string> VolumeMounts(JsonObject task, JsonObject group)
    {
        var errors = new List<string>();
        var volumes = Obj(group, "Volumes");
        var mounts = Objs(task, "VolumeMounts");
        for (var i = 0; i < mounts.Count; i++)
        {
            var mount = mounts[i];
            var volume = Str(mount, "Volume");
            if (volumes is null || !volumes.ContainsKey(volume))
            {
                errors.Add($"Volume Mount ({i}) references undefined volume {volume}");
            }
            var mountErrors = new List<string>();
            if (volume.Length == 0)
            {
                mountErrors.Add("volume mount references an empty volume");
            }
            var propagation = Str(mount, "PropagationMode");
            if (propagation is not ("" or "private" or "host-to-task" or "bidirectional"))
            {
                mountErrors.Add($"volume mount has an invalid propagation mode: {GoQuote(propagation)}");
            }
            var label = Str(mount, "SELinuxLabel");
            if (label is not ("" or "z" or "Z"))
            {
                mountErrors.Add($"volume mount has an invalid SELinux label: \"{label}\"");
            }
            if (MultiError.Format(mountErrors) is { } error)
            {
                errors.Add($"Volume Mount ({i}) is invalid: \"{error}\"");
            }
        }
        return errors;
    }

    /// <summary>
    /// The group's volume request errors. Nomad walks the volumes as a Go map, so with two bad volumes its order is
    /// random; here they follow the JSON order.
    /// </summary>
    public static List<string> Volumes(JsonObject group, string jobType)
    {
        var errors = new List<string>();
        var count = Long(group["Count"]);
        var canaries = Long(Obj(group, "Update")?["Canary"]);
        foreach (var (name, node) in Obj(group, "Volumes") ?? [])
        {
            if (node is JsonObject volume && Volume(volume, jobType, count, canaries) is { } error)
            {
                errors.Add($"Task group volume validation for {name} failed: {error}");
            }
        }
        return errors;
    }

    private static string? Volume(JsonObject v, string jobType, long count, long canaries)
    {
        var type = Str(v, "Type");
        if (type is not ("host" or "csi"))
        {
            return $"volume has unrecognized type {type}";
        }
        var errors = new List<string>();
        var perAlloc = Bool(v["PerAlloc"]);
        var readOnly = Bool(v["ReadOnly"]);
        var access = Str(v, "AccessMode");
        var hasMountOptions = v["MountOptions"] is JsonObject;
        if (Str(v, "Source").Length == 0)
        {
            errors.Add("volume has an empty source");
        }
        if (perAlloc)
        {
            if (jobType is "system" or "sysbatch")
            {
                errors.Add("volume cannot be per_alloc for system or sysbatch jobs");
            }
            if (canaries > 0)
            {
                errors.Add("volume cannot be per_alloc when canaries are in use");
            }
            if (Bool(v["Sticky"]))
            {
                errors.Add("volume cannot be per_alloc and sticky at the same time");
            }
        }
        if (type == "host")
        {
            if (hasMountOptions)
            {
                errors.Add("host volumes cannot have mount options");
            }
            switch (access)
            {
                case "single-node-reader-only":
                    if (!readOnly)
                    {
                        errors.Add($"{access} volumes must be read-only");
                    }
                    break;
                case "single-node-writer" or "single-node-single-writer" or "single-node-multi-writer" or "":
                    break;
                default:
                    errors.Add($"host volumes cannot be mounted with {access} access mode");
                    break;
            }
        }
        else
        {
            switch (Str(v, "AttachmentMode"))
            {
                case "":
                    errors.Add("CSI volumes must have an attachment mode");
                    break;
                case "block-device" when hasMountOptions:
                    errors.Add("block devices cannot have mount options");
                    break;
            }
            switch (access)
            {
                case "":
                    errors.Add("CSI volumes must have an access mode");
                    break;
                case "single-node-reader-only":
                    if (!readOnly)
                    {
                        errors.Add($"{access} volumes must be read-only");
                    }
                    if (count > 1 && !perAlloc)
                    {
                        errors.Add($"volume with {access} access mode allows only one reader");
                    }
                    break;
                case "single-node-writer":
                    if (count > 1 && !perAlloc)
                    {
                        errors.Add($"volume with {access} access mode allows only one reader or writer");
                    }
                    break;
                case "multi-node-reader-only":
                    if (!readOnly)
                    {
                        errors.Add($"{access} volumes must be read-only");
                    }
                    break;
                case "multi-node-single-writer":
                    if (!readOnly && count > 1 && !perAlloc)
                    {
                        errors.Add($"volume with {access} access mode allows only one writer");
                    }
                    break;
            }
        }
        return MultiError.Format(errors);
    }

    private static List<string> Template(JsonObject t)
    {
        var errors = new List<string>();
        if (Str(t, "SourcePath").Length == 0 && Str(t, "EmbeddedTmpl").Length == 0)
        {
            errors.Add("Must specify a source path or have an embedded template");
        }
        var dest = Str(t, "DestPath");
        if (dest.Length == 0)
        {
            errors.Add("Must specify a destination for the template");
        }
        if (EscapesAllocDir(dest))
        {
            errors.Add("destination escapes allocation directory");
        }
        switch (Str(t, "ChangeMode"))
        {
            case "noop" or "restart":
                break;
            case "signal":
                if (Str(t, "ChangeSignal").Length == 0)
                {
                    errors.Add("Must specify signal value when change mode is signal");
                }
                if (Bool(t["Envvars"]))
                {
                    errors.Add("cannot use signals with env var templates");
                }
                break;
            case "script":
                if (Obj(t, "ChangeScript") is not { } script)
                {
                    errors.Add("must specify change script configuration value when change mode is script");
                }
                else if (Str(script, "Command").Length == 0)
                {
                    errors.Add("must specify script path value when change mode is script");
                }
                break;
            default:
                errors.Add("Invalid change mode. Must be one of the following: noop, signal, script, restart");
                break;
        }
        if (Long(t["Splay"]) < 0)
        {
            errors.Add("Must specify positive splay value");
        }
        var perms = Str(t, "Perms");
        if (perms.Length > 0 && OctalError(perms) is { } reason)
        {
            errors.Add($"Failed to parse {GoQuote(perms)} as octal: strconv.ParseUint: parsing {GoQuote(perms)}: {reason}");
        }
        if (Obj(t, "Wait") is { } wait && wait["Min"] is JsonValue && wait["Max"] is JsonValue && Long(wait["Min"]) > Long(wait["Max"]))
        {
            errors.Add($"wait min {GoDuration.Format(Long(wait["Min"]))} is greater than max {GoDuration.Format(Long(wait["Max"]))}");
        }
        return errors;
    }

    // strconv.ParseUint(s, 8, 12): "invalid syntax" for a non-octal digit, "value out of range" above 0o7777.
    private static string? OctalError(string text)
    {
        var digits = text.Replace("_", "", StringComparison.Ordinal);
        if (digits.Length == 0 || text.Contains('_', StringComparison.Ordinal) || !digits.All(c => c is >= '0' and <= '7'))
        {
            return "invalid syntax";
        }
        var value = 0L;
        foreach (var c in digits)
        {
            value = (value * 8) + (c - '0');
            if (value > 4095)
            {
                return "value out of range";
            }
        }
        return null;
    }

    private static List<string> Artifact(JsonObject a)
    {
        var errors = new List<string>();
        if (Str(a, "GetterSource").Length == 0)
        {
            errors.Add("source must be specified");
        }
        var mode = Str(a, "GetterMode");
        if (mode is not ("" or "any" or "file" or "dir"))
        {
            errors.Add($"invalid artifact mode {GoQuote(mode)}; must be one of: any, file, dir");
        }
        if (EscapesAllocDir(Str(a, "RelativeDest")))
        {
            errors.Add("destination escapes allocation directory");
        }
        if (Obj(a, "GetterOptions") is { } options && options.ContainsKey("checksum") && ChecksumError(Text(options["checksum"])) is { } checksumError)
        {
            errors.Add(checksumError);
        }
        return errors;
    }

    private static string? ChecksumError(string check)
    {
        if (System.Text.RegularExpressions.Regex.IsMatch(check, @"\$\{[a-zA-Z0-9_\-\.]+\}"))
        {
            return null;
        }
        check = check.Trim(' ', '\t', '\n', '\r', '\v', '\f');
        if (check.Length == 0)
        {
            return "checksum value cannot be empty";
        }
        var parts = check.Split(':');
        if (parts.Length != 2)
        {
            return $"checksum must be given as \"type:value\"; got {GoQuote(check)}";
        }
        var value = parts[1];
        for (var i = 1; i < value.Length; i += 2)
        {
            foreach (var c in new[] { value[i - 1], value[i] })
            {
                if (!char.IsAsciiHexDigit(c))
                {
                    return $"invalid checksum: encoding/hex: invalid byte: {GoRune(c)}";
                }
            }
        }
        if (value.Length % 2 == 1)
        {
            return char.IsAsciiHexDigit(value[^1]) ? "invalid checksum: encoding/hex: odd length hex string" : $"invalid checksum: encoding/hex: invalid byte: {GoRune(value[^1])}";
        }
        if (!ChecksumSizes.TryGetValue(parts[0], out var size))
        {
            return $"unsupported checksum type: {parts[0]}";
        }
        return value.Length / 2 != size ? $"invalid {parts[0]} checksum: {value}" : null;
    }

    // Go's %#U: U+0067 'g'.
    private static string GoRune(char c) => $"U+{(int)c:X4} '{c}'";

    /// <summary>escapingfs.PathEscapesAllocViaRelative("task", path): /alloc-dir/alloc-id/task/path cleaned, then relative to the alloc dir.</summary>
    internal static bool EscapesAllocDir(string path) => EscapesAllocDir(path, "task");

    /// <summary>escapingfs.PathEscapesAllocViaRelative(prefix, path), the prefix given as its path segments.</summary>
    internal static bool EscapesAllocDir(string path, params string[] prefix)
    {
        var stack = new List<string> { "alloc-dir", "alloc-id" };
        stack.AddRange(prefix);
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }
                continue;
            }
            stack.Add(part);
        }
        if (stack.Count < 2 || stack[0] != "alloc-dir" || stack[1] != "alloc-id")
        {
            return true;
        }
        return stack.Count > 2 && stack[2].StartsWith("..", StringComparison.Ordinal);
    }
}
