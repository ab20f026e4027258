using NomadGitOps.Objects;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NomadGitOps.Cli;

/// <summary>
/// Reads the objects of <c>apply</c> from YAML or JSON (JSON is read as YAML, which it is): each document is one
/// object or a list of objects, a file may hold several documents (<c>---</c>). An object is
/// <c>{kind: repo|job|receiver|alert (or GitRepository, NomadJob, Receiver, Alert), name, namespace (jobs), spec: {item: value}}</c>;
/// spec values are scalars, written as the text of the variable item.
/// </summary>
internal static class ManifestReader
{
    /// <summary>The files <c>-f</c> names: the file itself, or every <c>.yaml</c>/<c>.yml</c>/<c>.json</c> file below a folder, in path order.</summary>
    public static IReadOnlyList<string> Files(string fileOrDirectory)
    {
        if (File.Exists(fileOrDirectory))
        {
            return [fileOrDirectory];
        }

        if (!Directory.Exists(fileOrDirectory))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(fileOrDirectory, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".yaml" or ".yml" or ".json")
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The objects of <paramref name="text"/>, and every problem (with <paramref name="name"/> and document number).</summary>
    public static (IReadOnlyList<ObjectManifest> Objects, IReadOnlyList<string> Errors) Read(string name, string text)
    {
        var objects = new List<ObjectManifest>();
        var errors = new List<string>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add($"{name}:{e.Start.Line}:{e.Start.Column}: not YAML or JSON: {e.Message}");
            return (objects, errors);
        }

        for (var d = 0; d < stream.Documents.Count; d++)
        {
            var source = stream.Documents.Count > 1 ? $"{name}#{d + 1}" : name;
            switch (stream.Documents[d].RootNode)
            {
                case YamlMappingNode mapping:
                    Add(mapping, source, objects, errors);
                    break;
                case YamlSequenceNode sequence:
                    var i = 0;
                    foreach (var node in sequence)
                    {
                        i++;
                        if (node is YamlMappingNode item)
                        {
                            Add(item, $"{source}[{i}]", objects, errors);
                        }
                        else
                        {
                            errors.Add($"{source}[{i}]: an object is a mapping with kind, name and spec.");
                        }
                    }

                    break;
                case YamlScalarNode { Value: null or "" }:
                    break;
                default:
                    errors.Add($"{source}: an object is a mapping with kind, name and spec.");
                    break;
            }
        }

        return (objects, errors);
    }

    private static void Add(YamlMappingNode node, string source, List<ObjectManifest> objects, List<string> errors)
    {
        var kindText = Scalar(node, "kind");
        var name = Scalar(node, "name");
        if (kindText is null || !ObjectTarget.Kinds.TryGetValue(kindText, out var kind))
        {
            errors.Add($"{source}: \"kind\" is {(kindText is null ? "missing" : $"\"{kindText}\"")}: use GitRepository, NomadJob, Receiver or Alert (or repo, job, receiver, alert).");
            return;
        }

        if (string.IsNullOrEmpty(name))
        {
            errors.Add($"{source}: \"name\" is missing.");
            return;
        }

        var ns = Scalar(node, "namespace");
        var key = kind == ObjectKind.NomadJob
            ? ObjectKey.NomadJob(string.IsNullOrEmpty(ns) ? NomadJobSpec.DefaultNamespace : ns, name)
            : ObjectTarget.Key(kind, name, out _)!;
        var spec = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node.Children.TryGetValue(new YamlScalarNode("spec"), out var specNode))
        {
            if (specNode is not YamlMappingNode specMapping)
            {
                errors.Add($"{source}: \"spec\" is a mapping of item names to values.");
                return;
            }

            foreach (var (itemKey, itemValue) in specMapping.Children)
            {
                var item = (itemKey as YamlScalarNode)?.Value ?? "";
                if (itemValue is not YamlScalarNode scalar)
                {
                    errors.Add($"{source}: spec item \"{item}\" is not a single value (variable items are text).");
                    continue;
                }

                if (ItemKeys.IsStatus(item))
                {
                    errors.Add($"{source}: spec item \"{item}\" is a status item; those are the controller's.");
                    continue;
                }

                spec[item] = scalar.Value ?? "";
            }
        }

        // A job's object names its job: the items say so too, as the controller writes them.
        if (kind == ObjectKind.NomadJob)
        {
            spec.TryAdd(ItemKeys.JobId, key.Name);
            if (key.Namespace != NomadJobSpec.DefaultNamespace)
            {
                spec.TryAdd(ItemKeys.Namespace, key.Namespace);
            }
        }

        objects.Add(new ObjectManifest(key, spec, source));
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar
            ? scalar.Value
            : null;
}
