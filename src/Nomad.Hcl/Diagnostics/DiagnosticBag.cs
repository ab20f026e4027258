namespace Nomad.Hcl.Diagnostics;

/// <summary>Collects diagnostics in the order they were found.</summary>
public sealed class DiagnosticBag
{
    private readonly List<HclDiagnostic> _items = [];

    /// <summary>The diagnostics found so far.</summary>
    public IReadOnlyList<HclDiagnostic> Items => _items;

    /// <summary>Whether any error (not a warning) was recorded.</summary>
    public bool HasErrors => _items.Exists(d => !d.IsWarning);

    /// <summary>Records an error.</summary>
    public void Add(string summary, string detail, SourceRange? subject) => _items.Add(new HclDiagnostic(summary, detail, subject));

    /// <summary>Records every diagnostic of another list.</summary>
    public void AddRange(IEnumerable<HclDiagnostic> items) => _items.AddRange(items);

    /// <summary>
    /// The text of HCL's <c>Diagnostics.Error()</c>: the first diagnostic, and a count of the others.
    /// </summary>
    public static string Join(IReadOnlyList<HclDiagnostic> items) => items.Count switch
    {
        0 => "no diagnostics",
        1 => items[0].ToString(),
        _ => $"{items[0]}, and {items.Count - 1} other diagnostic(s)",
    };
}
