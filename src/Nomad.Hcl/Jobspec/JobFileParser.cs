using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Jobspec;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl;

/// <summary>Parses a Nomad HCL2 job file into the API JSON, as Nomad's jobspec2 parser with canonicalization.</summary>
public static class JobFileParser
{
    /// <summary>Parses, evaluates and decodes a job file. Never throws for any input.</summary>
    public static JobParseResult Parse(string source, JobParseOptions? options = null)
    {
        options ??= new JobParseOptions();
        var diagnostics = new DiagnosticBag();
        Body body;
        if (JsonSyntax.IsJson(source))
        {
            // jobspec2's parseHCLOrJSON reads such a file with hcl's JSON parser; its bodies are read against each
            // schema as hcl's JSON bodies are (Jobspec/JsonJobBody).
            var root = JsonSyntax.Tree(source, options.FileName, diagnostics);
            body = root is null ? Parser.ParseConfig("", options.FileName, new DiagnosticBag()) : JsonJobBody.Read(root);
        }
        else
        {
            body = Parser.ParseConfig(source, options.FileName, diagnostics);
        }

        if (options.VarFileContent is { Length: > 0 } varFile)
        {
            var varDiagnostics = new DiagnosticBag();
            if (JsonSyntax.IsJson(varFile))
            {
                varDiagnostics.AddRange(JsonSyntax.Check(varFile, "input.hcl"));
            }
            else
            {
                Parser.ParseConfig(varFile, "input.hcl", varDiagnostics);
            }

            if (varDiagnostics.HasErrors)
            {
                return new JobParseResult(null, varDiagnostics.Items) { PlainErrorText = "unable to parse var content: " + DiagnosticBag.Join(varDiagnostics.Items) };
            }
        }

        if (diagnostics.HasErrors)
        {
            return new JobParseResult(null, diagnostics.Items);
        }

        return new JobDecoder(source, options).Decode(body);
    }
}
