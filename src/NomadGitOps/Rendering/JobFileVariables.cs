namespace NomadGitOps.Rendering;

/// <summary>
/// The HCL2 variable values a job file is parsed with: the object's or repository's <c>variables</c> item and the
/// text of each of its <c>var_files</c>, all in var-file syntax. JSON job files ignore them, as <c>nomad job run</c> does.
/// </summary>
/// <param name="VarFileContent">The <c>variables</c> item's text, or null for none.</param>
/// <param name="VarFileSources">The text of each var file, in the order listed.</param>
internal sealed record JobFileVariables(string? VarFileContent, IReadOnlyList<string> VarFileSources)
{
    /// <summary>No variables at all.</summary>
    public static JobFileVariables None { get; } = new(null, []);

    /// <summary>
    /// The one var-file text sent as the parse endpoint's <c>Variables</c> (Nomad's <c>ParseConfig.VarContent</c>): the var
    /// files in order, then the <c>variables</c> item; null when there is none. As this is one HCL body, a variable
    /// set in two places is Nomad's "Attribute redefined" error rather than an override.
    /// </summary>
    public string? Combined()
    {
        var parts = VarFileSources.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        if (!string.IsNullOrWhiteSpace(VarFileContent))
        {
            parts.Add(VarFileContent);
        }

        return parts.Count == 0 ? null : string.Join("\n", parts.Select(p => p.TrimEnd('\n'))) + "\n";
    }
}
