using Spectre.Console;
using Spectre.Console.Rendering;

namespace NomadGitOps.Cli;

/// <summary>
/// Tables for people, drawn by Spectre.Console the way <c>nomad</c> and <c>kubectl</c> print lists: a header row and
/// columns two spaces apart, no borders. Cells are plain text (never markup); a column may colour its values.
/// </summary>
internal static class CliTable
{
    /// <summary>Writes a table of <paramref name="rows"/> under <paramref name="header"/> to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, Func<int, string, Style?>? style = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var table = new Table().Border(TableBorder.None).ShowHeaders();
        for (var i = 0; i < header.Count; i++)
        {
            table.AddColumn(new TableColumn(new Text(header[i], new Style(decoration: Decoration.Bold))).NoWrap().Padding(0, 0, i < header.Count - 1 ? 2 : 0, 0));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select((cell, i) => (IRenderable)new Text(cell, style?.Invoke(i, cell) ?? Style.Plain)).ToArray());
        }

        if (CliConsole.IsTerminal(writer))
        {
            CliConsole.Create(writer).Write(table);
            return;
        }

        // In a pipe: no trailing blanks after the last column, so scripts can compare lines.
        using var buffer = new StringWriter();
        CliConsole.Create(buffer).Write(table);
        foreach (var line in buffer.ToString().Split('\n'))
        {
            if (line.Length > 0)
            {
                writer.WriteLine(line.TrimEnd());
            }
        }
    }

    /// <summary>The colour of a <c>status_ready</c> value: green for True, red for False, yellow for Unknown.</summary>
    public static Style? Ready(string value) => value switch
    {
        "True" => new Style(Color.Green),
        "False" => new Style(Color.Red),
        "Unknown" => new Style(Color.Yellow),
        _ => (Style?)null,
    };
}
