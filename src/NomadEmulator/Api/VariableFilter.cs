using System.Globalization;
using System.Text.RegularExpressions;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Api;

/// <summary>
/// A small subset of Nomad's filter expressions (go-bexpr, evaluated by <c>nomad/state/paginator</c>
/// against each stored variable): <c>Field op "value"</c> with <c>==</c>, <c>!=</c>, <c>contains</c>,
/// <c>not contains</c>, <c>matches</c>, <c>not matches</c>, clauses joined by <c>and</c> / <c>or</c>
/// (<c>and</c> binds tighter; no parentheses). Fields: Namespace, Path, CreateIndex, ModifyIndex,
/// CreateTime, ModifyTime. Anything else is refused with a 400 in Nomad's wording prefix.
/// </summary>
public sealed partial class VariableFilter
{
    private readonly List<List<Func<StoredVariable, bool>>> _anyOf;

    private VariableFilter(List<List<Func<StoredVariable, bool>>> anyOf) => _anyOf = anyOf;

    /// <summary>Parses <paramref name="expression"/>, or returns the 400 text.</summary>
    public static VariableFilter? Parse(string expression, out string? error)
    {
        error = null;
        var anyOf = new List<List<Func<StoredVariable, bool>>>();
        foreach (var disjunct in OrSplit().Split(expression))
        {
            var allOf = new List<Func<StoredVariable, bool>>();
            foreach (var clause in AndSplit().Split(disjunct))
            {
                var match = Clause().Match(clause);
                if (!match.Success)
                {
                    error = $"failed to create result paginator: failed to read filter expression: the emulator cannot parse {VariablesErrors.GoQuote(clause.Trim())}";
                    return null;
                }

                var field = match.Groups["field"].Value;
                var op = Regex.Replace(match.Groups["op"].Value, @"\s+", " ");
                var value = match.Groups["value"].Value;
                Func<StoredVariable, string>? get = field switch
                {
                    "Namespace" => v => v.Namespace,
                    "Path" => v => v.Path,
                    "CreateIndex" => v => v.CreateIndex.ToString(CultureInfo.InvariantCulture),
                    "ModifyIndex" => v => v.ModifyIndex.ToString(CultureInfo.InvariantCulture),
                    "CreateTime" => v => v.CreateTime.ToString(CultureInfo.InvariantCulture),
                    "ModifyTime" => v => v.ModifyTime.ToString(CultureInfo.InvariantCulture),
                    _ => null,
                };
                if (get is null)
                {
                    error = $"failed to read result page: error finding value in datum: /{field} at part 0: couldn't find key: struct field with name \"{field}\"";
                    return null;
                }

                Regex? regex = op.EndsWith("matches", StringComparison.Ordinal) ? new Regex(value, RegexOptions.None, TimeSpan.FromSeconds(1)) : null;
                allOf.Add(op switch
                {
                    "==" => v => get(v) == value,
                    "!=" => v => get(v) != value,
                    "contains" => v => get(v).Contains(value, StringComparison.Ordinal),
                    "not contains" => v => !get(v).Contains(value, StringComparison.Ordinal),
                    "matches" => v => regex!.IsMatch(get(v)),
                    _ => v => !regex!.IsMatch(get(v)),
                });
            }

            anyOf.Add(allOf);
        }

        return new VariableFilter(anyOf);
    }

    /// <summary>True when the variable passes the filter.</summary>
    public bool Allows(StoredVariable variable) => _anyOf.Any(all => all.All(clause => clause(variable)));

    [GeneratedRegex(@"\s+or\s+")]
    private static partial Regex OrSplit();

    [GeneratedRegex(@"\s+and\s+")]
    private static partial Regex AndSplit();

    [GeneratedRegex("""^\s*(?<field>[A-Za-z]+)\s*(?<op>==|!=|not\s+contains|contains|not\s+matches|matches)\s*"(?<value>[^"]*)"\s*$""")]
    private static partial Regex Clause();
}
