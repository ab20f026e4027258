using System.Text.Json.Nodes;
using Nomad.Hcl.Diagnostics;

namespace Nomad.Hcl;

/// <summary>The parsed job as <c>/v1/jobs/parse</c> returns it with <c>Canonicalize: true</c>, or the errors.</summary>
public sealed record JobParseResult(JsonObject? Job, IReadOnlyList<HclDiagnostic> Errors)
{
    /// <summary>
    /// Whether the errors come from decoding (jobspec2 joins those with newlines) rather than from parsing
    /// (hcl.Diagnostics' text: the first, then "and N other diagnostic(s)").
    /// </summary>
    internal bool JoinWithNewlines { get; init; }

    /// <summary>A plain error text Nomad returns without diagnostics (a var file that does not parse).</summary>
    internal string? PlainErrorText { get; init; }

    /// <summary>Nomad's text for the errors: <c>input.hcl:3,12-4,1: Summary; Detail</c>.</summary>
    public string ErrorText => PlainErrorText ?? (JoinWithNewlines
        ? string.Join('\n', Errors.Select(e => e.ToString()))
        : DiagnosticBag.Join(Errors));
}
