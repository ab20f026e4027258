using System.Collections.Frozen;
using Nomad.Hcl.Evaluation;
using static Nomad.Hcl.Functions.Fn;

namespace Nomad.Hcl.Functions;

/// <summary>The function table of Nomad's job parser (hashicorp/nomad jobspec2/functions.go), as far as implemented.</summary>
public static class StandardFunctions
{
    private static readonly string[] FileSystemFunctionNames = ["abspath", "basename", "dirname", "file", "filebase64", "fileexists", "fileset", "pathexpand"];

    /// <summary>
    /// Builds the table. <paramref name="fileSystemRoot"/> null disables the filesystem functions as Nomad's
    /// parse endpoint does (they fail with <c>filesystem function disabled</c>). Relative paths start from
    /// <paramref name="baseDirectory"/> (absolute, or relative to the root; null: the root itself).
    /// </summary>
    public static IReadOnlyDictionary<string, HclFunction> Create(string? fileSystemRoot, string? baseDirectory = null) =>
        fileSystemRoot is null ? WithoutFileSystem : Build(fileSystemRoot, baseDirectory);

    /// <summary>
    /// The result types cty's Type functions give whatever the arguments, which an unknown result has (so that
    /// <c>split(",", unknown)</c> is an unknown list of string); the rest answer cty.DynamicVal.
    /// </summary>
    private static readonly (HclType Type, string[] Names)[] ReturnTypes =
    [
        (HclType.String, ["format", "formatdate", "join", "lower", "upper", "title", "trim", "trimprefix", "trimsuffix",
            "trimspace", "chomp", "indent", "replace", "substr", "strrev", "reverse", "jsonencode", "yamlencode",
            "base64encode", "base64decode", "urlencode", "md5", "sha1", "sha256", "sha512", "uuidv4", "uuidv5", "cidrhost",
            "cidrnetmask", "cidrsubnet", "timeadd", "bcrypt", "rsadecrypt", "abspath", "basename", "dirname", "file",
            "filebase64", "pathexpand", "regex_replace"]),
        (HclType.Number, ["strlen", "abs", "ceil", "floor", "signum", "log", "pow", "min", "max", "parseint"]),
        (HclType.Bool, ["fileexists"]),
        (HclType.List(HclType.String), ["split", "formatlist", "cidrsubnets", "compact"]),
        (HclType.List(HclType.Number), ["range"]),
        (HclType.Set(HclType.String), ["fileset"]),
    ];

    // cty refines every function's unknown result as not null except these, which can answer null.
    private static readonly string[] MayAnswerNull = ["lookup", "element", "index", "jsondecode", "yamldecode", "csvdecode"];

    // Functions hold no state, so the table without file access is built once (it is most of a small file's parse).
    private static readonly FrozenDictionary<string, HclFunction> WithoutFileSystem = Build(null, null).ToFrozenDictionary(StringComparer.Ordinal);

    private static Dictionary<string, HclFunction> Build(string? fileSystemRoot, string? baseDirectory)
    {
        var table = new Dictionary<string, HclFunction>(StringComparer.Ordinal);
        StringFunctions.Register(table);
        CollectionFunctions.Register(table);
        NumberFunctions.Register(table);
        JsonFunctions.Register(table);
        EncodingFunctions.Register(table);
        SetFunctions.Register(table);
        NetworkFunctions.Register(table);
        TimeFunctions.Register(table);
        CsvFunctions.Register(table);
        CryptoFunctions.Register(table);
        YamlFunctions.Register(table);

        // try and can are evaluated lazily by the evaluator; these entries only make the names known.
        table["try"] = Variadic(_ => HclValue.Null, P("expressions", HclType.Dynamic, allowNull: true));
        table["can"] = Of(_ => HclValue.Null, P("expression", HclType.Dynamic, allowNull: true));
        // convert reads its second argument as a type expression, so the evaluator calls ConvertFunction directly.
        table[ConvertFunction.Name] = Of(_ => HclValue.Null, P("value", HclType.Dynamic, allowNull: true), P("type", HclType.Dynamic));
        if (fileSystemRoot is not null)
        {
            new FileSystemFunctions(fileSystemRoot, baseDirectory).Register(table);
            return WithReturnTypes(table);
        }

        foreach (var name in FileSystemFunctionNames)
        {
            // jobspec2's guardFS keeps the real functions' parameters (strings), so arity, type and null checks still apply.
            table[name] = name == "fileset"
                ? Of(_ => throw new FunctionException("filesystem function disabled"), P("path", HclType.String), P("pattern", HclType.String))
                : Of(_ => throw new FunctionException("filesystem function disabled"), P("path", HclType.String));
        }

        return WithReturnTypes(table);
    }

    private static Dictionary<string, HclFunction> WithReturnTypes(Dictionary<string, HclFunction> table)
    {
        foreach (var name in MayAnswerNull)
        {
            table[name] = table[name] with { RefinesNotNull = false };
        }

        foreach (var (type, names) in ReturnTypes)
        {
            foreach (var name in names)
            {
                if (table.TryGetValue(name, out var function))
                {
                    table[name] = function with { Returns = type };
                }
            }
        }

        return table;
    }
}
