using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Jobspec;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl;

/// <summary>Parses a Nomad HCL2 job file into the API JSON, as Nomad's jobspec2 parser with canonicalization.</summary>
public static class JobFileParser
{
    private const string JsonUnsupported = "This text starts with \"{\", so Nomad reads it as JSON-syntax HCL; Nomad.Hcl checks that syntax but does not decode it: send it to Nomad's parse endpoint.";

    /// <summary>Parses, evaluates and decodes a job file. Never throws for any input.</summary>
    public static JobParseResult Parse(string source, JobParseOptions? options = null)
    {
        options ??= new JobParseOptions();
        var diagnostics = new DiagnosticBag();
        Body body;
        if (JsonSyntax.IsJson(source))
        {
            // jobspec2's parseHCLOrJSON reads such a file with hcl's JSON parser; its syntax errors are Nomad's.
            diagnostics.AddRange(JsonSyntax.Check(source, options.FileName));
            if (!diagnostics.HasErrors)
            {
                diagnostics.Add("Unsupported JSON job file", JsonUnsupported, null);
            }

            body = Parser.ParseConfig("", options.FileName, new DiagnosticBag());
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
