using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GoRegexpSyntax;
using static Nomad.Emulator.Jobs.DiffJson;
using static Nomad.Emulator.State.VariablesErrors;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// <c>Constraint.Validate</c> (with validateConstraintAttribute, nomad/structs/constraint.go), <c>Affinity.Validate</c>
/// and <c>Spread.Validate</c> (nomad/structs/structs.go), and the loops of Job/TaskGroup/Task.Validate that call them.
/// </summary>
internal static partial class PlacementValidator
{
    private static readonly string[] ExactTargets = ["${node.unique.id}", "${node.datacenter}", "${node.unique.name}", "${node.class}", "${node.pool}"];
    private static readonly string[] PrefixTargets = ["${attr.", "${device.", "${meta."];

    /// <summary>The constraint, affinity and spread errors of a job, group or task (<paramref name="taskLevel"/>: a task, which may not use distinct_hosts/distinct_property), in Nomad's order.</summary>
    public static List<string> Constraints(JsonObject owner, bool taskLevel)
    {
        var errors = new List<string>();
        var constraints = Objs(owner, "Constraints");
        for (var i = 0; i < constraints.Count; i++)
        {
            if (MultiError.Format(Constraint(constraints[i])) is { } error)
            {
                errors.Add($"Constraint {i + 1} validation failed: {error}");
            }
            var operand = Str(constraints[i], "Operand");
            if (taskLevel && operand is "distinct_hosts" or "distinct_property")
            {
                errors.Add($"Constraint {i + 1} has disallowed Operand at task level: {operand}");
            }
        }
        return errors;
    }

    /// <summary>The affinity errors (system jobs may not have any).</summary>
    public static List<string> Affinities(JsonObject owner, string jobType)
    {
        if (jobType == "system")
        {
            return owner["Affinities"] is JsonArray ? ["System jobs may not have an affinity block"] : [];
        }
        var errors = new List<string>();
        var affinities = Objs(owner, "Affinities");
        for (var i = 0; i < affinities.Count; i++)
        {
            if (MultiError.Format(Affinity(affinities[i])) is { } error)
            {
                errors.Add($"Affinity {i + 1} validation failed: {error}");
            }
        }
        return errors;
    }

    /// <summary>
    /// RequestedDevice.Validate (nomad/structs/structs.go): the name, then each constraint (distinct_hosts and
    /// distinct_property refused) and each affinity of a task's <c>device</c> block.
    /// </summary>
    public static List<string> Device(JsonObject device)
    {
        var errors = new List<string>();
        if (Str(device, "Name").Length == 0)
        {
            errors.Add("device name must be given as one of the following: type, vendor/type, or vendor/type/name");
        }
        var constraints = Objs(device, "Constraints");
        for (var i = 0; i < constraints.Count; i++)
        {
            var operand = Str(constraints[i], "Operand");
            if (operand is "distinct_hosts" or "distinct_property")
            {
                errors.Add($"Constraint {i + 1} validation failed: using unsupported operand \"{operand}\"");
            }
            else if (MultiError.Format(Constraint(constraints[i])) is { } error)
            {
                errors.Add($"Constraint {i + 1} validation failed: {error}");
            }
        }
        var affinities = Objs(device, "Affinities");
        for (var i = 0; i < affinities.Count; i++)
        {
            if (MultiError.Format(Affinity(affinities[i])) is { } error)
            {
                errors.Add($"Affinity {i + 1} validation failed: {error}");
            }
        }
        return errors;
    }

    /// <summary>The spread errors (system jobs may not have any).</summary>
    public static List<string> Spreads(JsonObject owner, string jobType)
    {
        if (jobType == "system")
        {
            return owner["Spreads"] is JsonArray ? ["System jobs may not have a spread block"] : [];
        }
        var errors = new List<string>();
        var spreads = Objs(owner, "Spreads");
        for (var i = 0; i < spreads.Count; i++)
        {
            if (MultiError.Format(Spread(spreads[i])) is { } error)
            {
                errors.Add($"Spread {i + 1} validation failed: {error}");
            }
        }
        return errors;
    }

    private static List<string> Constraint(JsonObject c)
    {
        var errors = new List<string>();
        var operand = Str(c, "Operand");
        var right = Str(c, "RTarget");
        var left = Str(c, "LTarget");
        if (operand.Length == 0)
        {
            errors.Add("Missing constraint operand");
        }
        var requireLeft = true;
        switch (operand)
        {
            case "distinct_hosts":
                requireLeft = false;
                break;
            case "set_contains_all" or "set_contains_any" or "set_contains":
                if (right.Length == 0)
                {
                    errors.Add("Set contains constraint requires an RTarget");
                }
                break;
            case "regexp":
                if (GoRegex.Check(right)?.Message is { } regexError)
                {
                    errors.Add($"Regular expression failed to compile: {regexError}");
                }
                break;
            case "version":
                if (VersionConstraintError(right, semver: false) is { } versionError)
                {
                    errors.Add($"Version constraint is invalid: {versionError}");
                }
                break;
            case "semver":
                if (VersionConstraintError(right, semver: true) is { } semverError)
                {
                    errors.Add($"Semver constraint is invalid: {semverError}");
                }
                break;
            case "distinct_property":
                if (right.Length > 0)
                {
                    if (!ulong.TryParse(right, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
                    {
                        var reason = right.All(char.IsAsciiDigit) ? "value out of range" : "invalid syntax";
                        errors.Add($"Failed to convert RTarget {GoQuote(right)} to uint64: strconv.ParseUint: parsing {GoQuote(right)}: {reason}");
                    }
                    else if (count < 1)
                    {
                        errors.Add($"Distinct Property must have an allowed count of 1 or greater: {count} < 1");
                    }
                }
                break;
            case "is_set" or "is_not_set":
                if (right.Length > 0)
                {
                    errors.Add($"Operator {GoQuote(operand)} does not support an RTarget");
                }
                break;
            case "=" or "==" or "is" or "!=" or "not" or "<" or "<=" or ">" or ">=":
                if (right.Length == 0)
                {
                    errors.Add($"Operator {GoQuote(operand)} requires an RTarget");
                }
                break;
            default:
                errors.Add($"Unknown constraint type {GoQuote(operand)}");
                break;
        }
        if (requireLeft)
        {
            if (left.Length == 0)
            {
                errors.Add("no attribute provided but is required by operator");
            }
            else if (AttributeError(left) is { } attributeError)
            {
                errors.Add(attributeError);
            }
        }
        return errors;
    }

    private static string? AttributeError(string target)
    {
        if (!target.StartsWith('$'))
        {
            return null;
        }
        if (!target.StartsWith("${", StringComparison.Ordinal))
        {
            return $"attribute {GoQuote(target)} is missing an opening brace";
        }
        if (!target.EndsWith('}'))
        {
            return $"attribute {GoQuote(target)} is missing a closing brace";
        }
        if (ExactTargets.Contains(target) || PrefixTargets.Any(p => target.StartsWith(p, StringComparison.Ordinal)))
        {
            return null;
        }
        return $"unsupported attribute {GoQuote(target)}";
    }

    private static List<string> Affinity(JsonObject a)
    {
        var errors = new List<string>();
        var operand = Str(a, "Operand");
        var right = Str(a, "RTarget");
        if (operand.Length == 0)
        {
            errors.Add("Missing affinity operand");
        }
        switch (operand)
        {
            case "set_contains_all" or "set_contains_any" or "set_contains":
                if (right.Length == 0)
                {
                    errors.Add("Set contains operators require an RTarget");
                }
                break;
            case "regexp":
                if (GoRegex.Check(right)?.Message is { } regexError)
                {
                    errors.Add($"Regular expression failed to compile: {regexError}");
                }
                break;
            case "version":
                if (VersionConstraintError(right, semver: false) is { } versionError)
                {
                    errors.Add($"Version affinity is invalid: {versionError}");
                }
                break;
            case "semver":
                if (VersionConstraintError(right, semver: true) is { } semverError)
                {
                    errors.Add($"Semver affinity is invalid: {semverError}");
                }
                break;
            case "=" or "==" or "is" or "!=" or "not" or "<" or "<=" or ">" or ">=":
                if (right.Length == 0)
                {
                    errors.Add($"Operator {GoQuote(operand)} requires an RTarget");
                }
                break;
            default:
                errors.Add($"Unknown affinity operator {GoQuote(operand)}");
                break;
        }
        if (Str(a, "LTarget").Length == 0)
        {
            errors.Add("No LTarget provided but is required");
        }
        var weight = Long(a["Weight"]);
        if (weight == 0)
        {
            errors.Add("Affinity weight cannot be zero");
        }
        if (weight is > 100 or < -100)
        {
            errors.Add("Affinity weight must be within the range [-100,100]");
        }
        return errors;
    }

    private static List<string> Spread(JsonObject s)
    {
        var errors = new List<string>();
        if (Str(s, "Attribute").Length == 0)
        {
            errors.Add("Missing spread attribute");
        }
        var weight = Long(s["Weight"]);
        if (weight is <= 0 or > 100)
        {
            errors.Add("Spread block must have a positive weight from 0 to 100");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long sum = 0;
        foreach (var target in Objs(s, "SpreadTarget"))
        {
            var value = Str(target, "Value");
            if (!seen.Add(value))
            {
                errors.Add($"Spread target value {GoQuote(value)} already defined");
            }
            var percent = Long(target["Percent"]);
            if (percent > 100)
            {
                errors.Add($"Spread target percentage for value {GoQuote(value)} must be between 0 and 100");
            }
            sum += percent;
        }
        if (sum > 100)
        {
            errors.Add($"Sum of spread target percentages must not be greater than 100%; got {sum}%");
        }
        return errors;
    }

    /// <summary>
    /// hashicorp/go-version NewConstraint (version) or Nomad's helper/constraints/semver copy of it (semver): each
    /// comma-separated part must be an operator and a version; the first bad part is the error.
    /// </summary>
    private static string? VersionConstraintError(string text, bool semver)
    {
        foreach (var single in text.Split(','))
        {
            var match = (semver ? SemverConstraint() : VersionConstraint()).Match(single);
            if (!match.Success)
            {
                return semver ? $"Malformed constraint: {single}" : $"malformed constraint: {single}";
            }
            foreach (var segment in match.Groups[3].Value.Split('.'))
            {
                if (!long.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    return $"error parsing version: strconv.ParseInt: parsing {GoQuote(segment)}: value out of range";
                }
            }
        }
        return null;
    }

    // go-version's constraint regexp: ^\s*(op)\s*(VersionRegexpRaw)\s*$ with Go's \s ([\t\n\f\r ]).
    [GeneratedRegex(@"\A[\t\n\f\r ]*(<=|>=|!=|~>|<|>|=|)[\t\n\f\r ]*(v?([0-9]+(\.[0-9]+)*?)(-([0-9]+[0-9A-Za-z\-~]*(\.[0-9A-Za-z\-~]+)*)|(-?([A-Za-z\-~]+[0-9A-Za-z\-~]*(\.[0-9A-Za-z\-~]+)*)))?(\+([0-9A-Za-z\-~]+(\.[0-9A-Za-z\-~]+)*))??)[\t\n\f\r ]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex VersionConstraint();

    // Nomad's semver constraint regexp: the operators without ~> and SemverRegexpRaw (a '-' before a prerelease).
    [GeneratedRegex(@"\A[\t\n\f\r ]*(<=|>=|!=|<|>|=|)[\t\n\f\r ]*(v?([0-9]+(\.[0-9]+)*?)(-([0-9]+[0-9A-Za-z\-~]*(\.[0-9A-Za-z\-~]+)*)|(-([A-Za-z\-~]+[0-9A-Za-z\-~]*(\.[0-9A-Za-z\-~]+)*)))?(\+([0-9A-Za-z\-~]+(\.[0-9A-Za-z\-~]+)*))??)[\t\n\f\r ]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SemverConstraint();
}
