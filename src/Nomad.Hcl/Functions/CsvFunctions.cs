using System.Text;
using Nomad.Hcl.Evaluation;
using static Nomad.Hcl.Functions.Fn;

namespace Nomad.Hcl.Functions;

/// <summary>csvdecode of cty's stdlib: RFC 4180 text with a header line into a list of objects of strings.</summary>
internal static class CsvFunctions
{
    public static void Register(Dictionary<string, HclFunction> table)
    {
        table["csvdecode"] = Of(a => Decode(a[0].AsString()), P("str", HclType.String));
    }

    private static HclValue Decode(string text)
    {
        var records = Records(text);
        if (records.Count == 0)
        {
            throw new FunctionException("missing header line");
        }

        var header = records[0];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in header.Fields)
        {
            if (!names.Add(name))
            {
                throw new FunctionException($"duplicate column name {CryptoFunctions.GoQuote(name)}");
            }
        }

        var rows = new List<HclValue>();
        for (var r = 1; r < records.Count; r++)
        {
            if (records[r].Fields.Count != header.Fields.Count)
            {
                throw new FunctionException($"CSV parse error on line {records[r].Line}: wrong number of fields");
            }

            var attributes = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
            for (var i = 0; i < header.Fields.Count; i++)
            {
                attributes[header.Fields[i]] = HclValue.String(records[r].Fields[i]);
            }

            rows.Add(HclValue.Object(attributes));
        }

        var rowType = HclType.Object(header.Fields.Distinct().ToDictionary(f => f, _ => HclType.String));
        return HclValue.List(rowType, rows);
    }

    private sealed record CsvRecord(int Line, List<string> Fields);

    // Go's encoding/csv rules: comma-separated, quoted fields with "" for a quote, empty lines skipped, \r\n as \n.
    private static List<CsvRecord> Records(string text)
    {
        var records = new List<CsvRecord>();
        var i = 0;
        var line = 1;
        while (i < text.Length)
        {
            if (text[i] is '\n' || (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                i += text[i] == '\r' ? 2 : 1;
                line++;
                continue;
            }

            var start = line;
            var fields = new List<string>();
            while (true)
            {
                var field = new StringBuilder();
                if (i < text.Length && text[i] == '"')
                {
                    i++;
                    while (true)
                    {
                        if (i >= text.Length)
                        {
                            throw new FunctionException($"CSV parse error on line {line}: extraneous or missing \" in quoted-field");
                        }

                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                field.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        if (text[i] == '\n')
                        {
                            line++;
                        }

                        field.Append(text[i++]);
                    }
                }
                else
                {
                    while (i < text.Length && text[i] is not (',' or '\n') && !(text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
                    {
                        if (text[i] == '"')
                        {
                            throw new FunctionException($"CSV parse error on line {line}: bare \" in non-quoted-field");
                        }

                        field.Append(text[i++]);
                    }
                }

                fields.Add(field.ToString());
                if (i < text.Length && text[i] == ',')
                {
                    i++;
                    continue;
                }

                break;
            }

            records.Add(new CsvRecord(start, fields));
        }

        return records;
    }
}
