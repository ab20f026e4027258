using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace NomadGitOps.Cli;

/// <summary>Prints a <see cref="ValidateReport"/>: a table and a summary line for people, or one JSON document for scripts.</summary>
internal static class ValidateOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <summary>
    /// One row per file (FILE, JOB, NAMESPACE, RESULT, MESSAGE); each further line of a message (every error, every
    /// warning, and the lines of Nomad's multi-line errors) on a row of its own below, then the summary line.
    /// </summary>
    public static async Task WriteTableAsync(ValidateReport report, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stdout);
        if (report.Files.Count > 0)
        {
            CliTable.Write(stdout, ["FILE", "JOB", "NAMESPACE", "RESULT", "MESSAGE"], report.Files.SelectMany(Rows), (column, value) => column == 3 ? Result(value) : null);
        }

        await stdout.WriteLineAsync(report.Summary).ConfigureAwait(false);
    }

    /// <summary>The report as one JSON document (and nothing else) on stdout.</summary>
    public static async Task WriteJsonAsync(ValidateReport report, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stdout);
        var document = new
        {
            valid = report.Valid,
            directory = report.Directory,
            path = report.Path,
            include = report.Include,
            exclude = report.Exclude,
            summary = report.Summary,
            counts = new { files = report.Files.Count, valid = report.ValidCount, invalid = report.InvalidCount },
            files = report.Files.Select(f => new
            {
                file = f.File,
                format = f.Format,
                job = f.JobId,
                @namespace = f.Namespace,
                valid = f.Valid,
                errors = f.Errors,
                warnings = f.Warnings,
            }),
        };
        await stdout.WriteLineAsync(JsonSerializer.Serialize(document, JsonOptions)).ConfigureAwait(false);
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(ValidateFileResult file)
    {
        var lines = file.Errors.SelectMany(Lines)
            .Concat(file.Warnings.SelectMany(w => Lines("warning: " + w)))
            .DefaultIfEmpty("")
            .ToList();
        yield return [file.File, file.JobId ?? "-", file.Namespace ?? "-", file.Valid ? "valid" : "invalid", lines[0]];
        foreach (var line in lines.Skip(1))
        {
            yield return ["", "", "", "", line];
        }
    }

    // Nomad's multi-errors are several lines ("1 error occurred:\n\t* …"); each becomes a row of the table.
    private static IEnumerable<string> Lines(string message) =>
        message.Split('\n').Select(l => l.Replace("\t", "  ", StringComparison.Ordinal).TrimEnd()).Where(l => l.Length > 0);

    private static Style? Result(string value) => value switch
    {
        "valid" => new Style(Color.Green),
        "invalid" => new Style(Color.Red),
        _ => (Style?)null,
    };
}
