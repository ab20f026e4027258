namespace NomadGitOps.Objects;

/// <summary>The names of <see cref="AlertEventKind"/> as written in an Alert's <c>events</c> item and in payloads.</summary>
internal static class AlertEventNames
{
    /// <summary>The events an Alert reports when it names none.</summary>
    public static IReadOnlyList<AlertEventKind> Default { get; } = [AlertEventKind.Failed, AlertEventKind.Recovered];

    /// <summary>Every event by name.</summary>
    public static IReadOnlyDictionary<string, AlertEventKind> ByName { get; } = new Dictionary<string, AlertEventKind>(StringComparer.Ordinal)
    {
        ["failed"] = AlertEventKind.Failed,
        ["recovered"] = AlertEventKind.Recovered,
        ["applied"] = AlertEventKind.Applied,
        ["drift-corrected"] = AlertEventKind.DriftCorrected,
        ["pruned"] = AlertEventKind.Pruned,
    };

    /// <summary>The name of <paramref name="kind"/>: <c>failed</c>, <c>recovered</c>, <c>applied</c>, <c>drift-corrected</c>, <c>pruned</c>.</summary>
    public static string Of(AlertEventKind kind) => kind switch
    {
        AlertEventKind.Failed => "failed",
        AlertEventKind.Recovered => "recovered",
        AlertEventKind.Applied => "applied",
        AlertEventKind.DriftCorrected => "drift-corrected",
        AlertEventKind.Pruned => "pruned",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
