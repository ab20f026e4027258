using System.Text.Encodings.Web;
using System.Text.Json;

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
            string[] header = ["FILE", "JOB", "NAMESPACE", "RESULT", "MESSAGE"];
            var rows = report.Files.SelectMany(Rows).ToList();
            var widths = Enumerable.Range(0, header.Length - 1)
                .Select(i => rows.Select(row => row[i].Length).Append(header[i].Length).Max())
                .ToArray();
            await stdout.WriteLineAsync(Row(header, widths)).ConfigureAwait(false);
            foreach (var row in rows)
            {
                await stdout.WriteLineAsync(Row(row, widths)).ConfigureAwait(false);
            }
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

    private static IEnumerable<string[]> Rows(ValidateFileResult file)
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

    private static string Row(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => i < widths.Length ? cell.PadRight(widths[i]) : cell)).TrimEnd();
}
