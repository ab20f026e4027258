using System.Text;
using System.Text.RegularExpressions;

namespace Nomad.Emulator.Acl;

/// <summary>
/// Parses the subset of Nomad's ACL policy language the emulator enforces (<c>acl/policy.go</c>,
/// <c>Parse</c>): <c>namespace "glob" { policy = "..." capabilities = [...] variables { path "p" {
/// capabilities = [...] } } }</c>. Other top-level blocks (<c>node</c>, <c>agent</c>, <c>operator</c>…) and
/// attributes are read and ignored. Errors use Nomad's texts where the emulator checks the same thing.
/// </summary>
public static partial class PolicyParser
{
    /// <summary>Parses <paramref name="rules"/>; throws <see cref="FormatException"/> with Nomad's text when invalid.</summary>
    public static IReadOnlyList<NamespaceRule> Parse(string rules)
    {
        var body = new Reader(rules).ReadBody(topLevel: true);
        var namespaces = new List<NamespaceRule>();
        foreach (var block in body.Blocks.Where(b => b.Type == "namespace"))
        {
            var name = block.Labels.Count > 0 ? block.Labels[0] : "";
            if (!ValidNamespace().IsMatch(name))
            {
                throw new FormatException($"Invalid namespace name: {name}");
            }

            var policy = block.Attribute("policy") as string ?? "";
            if (policy.Length > 0 && !Capabilities.IsPolicyValid(policy))
            {
                throw new FormatException($"Invalid namespace policy: {policy}");
            }

            var caps = Strings(block.Attribute("capabilities"));
            foreach (var cap in caps.Where(c => !Capabilities.Namespace.Contains(c)))
            {
                throw new FormatException($"Invalid namespace capability '{cap}'");
            }

            if (policy.Length > 0)
            {
                caps.AddRange(Capabilities.ExpandNamespacePolicy(policy));
            }

            caps.AddRange([.. caps.SelectMany(Capabilities.ImpliedBy)]);
            namespaces.Add(new NamespaceRule(name, caps, ReadVariables(block, name)));
        }

        if (body.Blocks.Count == 0 && body.Attributes.Count == 0)
        {
            throw new FormatException($"Invalid policy: {rules}");
        }

        return namespaces;
    }

    private static List<VariablePathRule> ReadVariables(Block ns, string name)
    {
        var paths = new List<VariablePathRule>();
        foreach (var variables in ns.Body.Blocks.Where(b => b.Type == "variables"))
        {
            var pathBlocks = variables.Body.Blocks.Where(b => b.Type == "path").ToList();
            if (pathBlocks.Count == 0)
            {
                throw new FormatException($"Invalid variable policy: no variable paths in namespace {name}");
            }

            foreach (var path in pathBlocks)
            {
                var spec = path.Labels.Count > 0 ? path.Labels[0] : "";
                if (spec.Length == 0)
                {
                    throw new FormatException($"Invalid missing variable path in namespace {name}");
                }

                if (spec.StartsWith('/'))
                {
                    throw new FormatException($"Invalid variable path \"{spec}\" in namespace {name}: cannot start with a leading '/'`");
                }

                var caps = Strings(path.Attribute("capabilities"));
                foreach (var cap in caps.Where(c => !Capabilities.VariablePath.Contains(c)))
                {
                    throw new FormatException($"Invalid variable capability '{cap}' in namespace {name}");
                }

                paths.Add(new VariablePathRule(spec, Capabilities.ExpandVariablePath(caps)));
            }
        }

        return paths;
    }

    private static List<string> Strings(object? value) => value switch
    {
        null => [],
        List<object> list => [.. list.OfType<string>()],
        string s => [s],
        _ => [],
    };

    [GeneratedRegex("^[a-zA-Z0-9-*]{1,128}$")]
    private static partial Regex ValidNamespace();

    private sealed record Block(string Type, IReadOnlyList<string> Labels, Body Body)
    {
        public object? Attribute(string name) => Body.Attributes.GetValueOrDefault(name);
    }

    private sealed record Body(Dictionary<string, object> Attributes, List<Block> Blocks);

    private sealed class Reader(string text)
    {
        private int _at;

        public Body ReadBody(bool topLevel)
        {
            var body = new Body(new Dictionary<string, object>(StringComparer.Ordinal), []);
            while (true)
            {
                SkipSpace();
                if (_at >= text.Length)
                {
                    return topLevel ? body : throw Error("unexpected end of policy, expected '}'");
                }

                if (text[_at] == '}')
                {
                    if (topLevel)
                    {
                        throw Error("unexpected '}'");
                    }

                    _at++;
                    return body;
                }

                var key = ReadIdentifierOrString();
                SkipSpace();
                if (Peek() == '=')
                {
                    _at++;
                    body.Attributes[key] = ReadValue();
                    continue;
                }

                var labels = new List<string>();
                while (Peek() == '"')
                {
                    labels.Add(ReadString());
                    SkipSpace();
                }

                Expect('{');
                body.Blocks.Add(new Block(key, labels, ReadBody(topLevel: false)));
            }
        }

        private object ReadValue()
        {
            SkipSpace();
            switch (Peek())
            {
                case '"':
                    return ReadString();
                case '[':
                    _at++;
                    var list = new List<object>();
                    while (true)
                    {
                        SkipSpace();
                        if (Peek() == ']')
                        {
                            _at++;
                            return list;
                        }

                        list.Add(ReadValue());
                        SkipSpace();
                        if (Peek() == ',')
                        {
                            _at++;
                        }
                    }

                case '{':
                    _at++;
                    return ReadBody(topLevel: false);
                default:
                    return ReadIdentifierOrString();
            }
        }

        private string ReadIdentifierOrString()
        {
            if (Peek() == '"')
            {
                return ReadString();
            }

            var start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] is '_' or '-' or '.'))
            {
                _at++;
            }

            return _at == start ? throw Error($"unexpected character '{Peek()}'") : text[start.._at];
        }

        private string ReadString()
        {
            Expect('"');
            var value = new StringBuilder();
            while (_at < text.Length && text[_at] != '"')
            {
                if (text[_at] == '\\' && _at + 1 < text.Length)
                {
                    _at++;
                }

                value.Append(text[_at++]);
            }

            Expect('"');
            return value.ToString();
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (Peek() != c)
            {
                throw Error($"expected '{c}'");
            }

            _at++;
        }

        private char Peek() => _at < text.Length ? text[_at] : '\0';

        private void SkipSpace()
        {
            while (_at < text.Length)
            {
                if (char.IsWhiteSpace(text[_at]) || text[_at] == ',')
                {
                    _at++;
                }
                else if (text[_at] == '#' || (text[_at] == '/' && _at + 1 < text.Length && text[_at + 1] == '/'))
                {
                    while (_at < text.Length && text[_at] != '\n')
                    {
                        _at++;
                    }
                }
                else if (text[_at] == '/' && _at + 1 < text.Length && text[_at + 1] == '*')
                {
                    var end = text.IndexOf("*/", _at + 2, StringComparison.Ordinal);
                    _at = end < 0 ? text.Length : end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private FormatException Error(string what) => new($"Failed to parse ACL Policy: At {Line()}: {what}");

        private string Line()
        {
            var line = 1 + text.AsSpan(0, Math.Min(_at, text.Length)).Count('\n');
            return $"{line}";
        }
    }
}
