using System.Globalization;

namespace Nomad.Hcl.Functions.Yaml;

/// <summary>
/// A reader, scanner or parser error of libyaml (the parser's error, problem, problem_mark and context_mark). Its
/// <see cref="Exception.Message"/> is go-cty-yaml's parserError text: the problem, prefixed with
/// <c>on line L, column C: </c> when the problem mark's line (else the context mark's line) is not the first; a
/// scanner error names the line after its problem mark and column 1 (go-cty-yaml: "Scanner errors don't iterate
/// line before returning error").
/// </summary>
internal sealed class YamlSyntaxException : Exception
{
    private YamlSyntaxException(string message, string problem) : base(message)
    {
        Problem = problem;
    }

    /// <summary>libyaml's problem text.</summary>
    public string Problem { get; }

    /// <summary>A reader error (no position: libyaml's reader sets no marks).</summary>
    public static YamlSyntaxException Reader(string problem) => new(problem, problem);

    /// <summary>A scanner error found at <paramref name="problemMark"/>.</summary>
    public static YamlSyntaxException Scanner(YamlMark contextMark, string problem, YamlMark problemMark) =>
        new(Text(problem, problemMark.Line == 0 ? null : (problemMark.Line + 1, 1), contextMark), problem);

    /// <summary>A parser error at <paramref name="problemMark"/>, with the construct's start as context.</summary>
    public static YamlSyntaxException Parser(string problem, YamlMark problemMark, YamlMark? contextMark = null) =>
        new(Text(problem, problemMark.Line == 0 ? null : (problemMark.Line, problemMark.Column + 1), contextMark), problem);

    private static string Text(string problem, (int Line, int Column)? at, YamlMark? context)
    {
        if (at is null && context is { Line: not 0 } mark)
        {
            at = (mark.Line, mark.Column + 1);
        }

        return at is { } position
            ? string.Create(CultureInfo.InvariantCulture, $"on line {position.Line}, column {position.Column}: {problem}")
            : problem;
    }
}
