namespace Nomad.Hcl.Tests.Functions;

/// <summary>Evaluates one HCL expression as the meta value of a job, the way the recorded answers were taken.</summary>
internal static class MetaExpression
{
    public static string Job(string expression) => $"job \"x\" {{\n  meta = {{\n    r = {expression}\n  }}\n}}\n";

    /// <summary>The meta value, or null with the first diagnostic in <paramref name="error"/>.</summary>
    public static string? Evaluate(string expression, out string error)
    {
        var result = JobFileParser.Parse(Job(expression));
        if (result.Job is null)
        {
            error = FirstDiagnostic(result.ErrorText);
            return null;
        }

        error = "";
        return result.Job["Meta"]!["r"]!.GetValue<string>();
    }

    /// <summary>The first diagnostic of an error text, without the ", and N other diagnostic(s)" count.</summary>
    public static string FirstDiagnostic(string errorText)
    {
        var line = errorText.Split('\n')[0];
        var others = line.LastIndexOf(", and ", StringComparison.Ordinal);
        return others >= 0 && line.EndsWith("other diagnostic(s)", StringComparison.Ordinal) ? line[..others] : line;
    }
}
