using System.Globalization;
using Microsoft.Extensions.Logging;
using NomadGitOps.Objects;

namespace NomadGitOps.Logging;

/// <summary>
/// The stable JSON fields of one event, taken from its message-template values and its scopes (the engine opens a
/// scope with <c>Controller</c> and <c>Object</c> around each reconcile): <c>controller</c>, <c>object</c>,
/// <c>commit</c>, <c>job</c>, <c>namespace</c>, <c>reason</c>, <c>duration_ms</c>. A NomadJob object key also
/// gives <c>job</c> and <c>namespace</c>. The event's own values win over its scopes'; values under other names are
/// kept in <see cref="Other"/>. Strings are redacted of URL credentials and Authorization values.
/// </summary>
internal sealed class LogFields
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Controller"] = "controller",
        ["Object"] = "object",
        ["Key"] = "object",
        ["Repository"] = "object",
        ["Commit"] = "commit",
        ["Job"] = "job",
        ["JobId"] = "job",
        ["Namespace"] = "namespace",
        ["Reason"] = "reason",
        ["DurationMs"] = "duration_ms",
    };

    /// <summary>The names of the stable fields, in the order they are written.</summary>
    public static readonly IReadOnlyList<string> StableNames = ["controller", "object", "commit", "job", "namespace", "reason", "duration_ms"];

    private readonly Dictionary<string, object> stable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> other = new(StringComparer.Ordinal);

    /// <summary>The stable fields found, by JSON name.</summary>
    public IReadOnlyDictionary<string, object> Stable => stable;

    /// <summary>The other named values, by template name.</summary>
    public IReadOnlyDictionary<string, object> Other => other;

    /// <summary>The fields of an event with <paramref name="state"/>, under the scopes of <paramref name="scopes"/>.</summary>
    public static LogFields From<TState>(TState state, IExternalScopeProvider? scopes)
    {
        var fields = new LogFields();
        // Scopes first, outermost first: the event's own values then overwrite what a scope said.
        scopes?.ForEachScope((scope, target) => target.Add(scope as IEnumerable<KeyValuePair<string, object?>>), fields);
        fields.Add(state as IEnumerable<KeyValuePair<string, object?>>);
        return fields;
    }

    private void Add(IEnumerable<KeyValuePair<string, object?>>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (var (name, value) in values)
        {
            if (value is null || name == "{OriginalFormat}")
            {
                continue;
            }

            if (!Known.TryGetValue(name, out var field))
            {
                other[name] = Plain(value);
                continue;
            }

            if (value is ObjectKey { Kind: ObjectKind.NomadJob } job && field == "object")
            {
                stable["job"] = job.Name;
                stable["namespace"] = job.Namespace;
            }

            stable[field] = field == "duration_ms" ? Milliseconds(value) : Plain(value);
        }
    }

    private static object Milliseconds(object value) => value switch
    {
        TimeSpan span => (long)span.TotalMilliseconds,
        double or float or decimal => (long)Math.Round(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        int or long or short or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        _ => Plain(value),
    };

    private static object Plain(object value) => value switch
    {
        bool or int or long or short or byte or uint or ulong or double or float or decimal => value,
        IFormattable formattable => SecretRedactor.RedactUrls(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => SecretRedactor.RedactUrls(value.ToString() ?? ""),
    };
}
