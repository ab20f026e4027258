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
        var body = Parser.ParseConfig(source, options.FileName, diagnostics);
        if (options.VarFileContent is { Length: > 0 } varFile)
        {
            var varDiagnostics = new DiagnosticBag();
            Parser.ParseConfig(varFile, "input.hcl", varDiagnostics);
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
