namespace Nomad.Hcl.Syntax;

/// <summary>Internal signal: nesting too deep was recorded and the parse stops (hclsyntax has no such limit).</summary>
#pragma warning disable CA1064 // internal control-flow signal, never escapes the parser
internal sealed class ParseAbortedException : Exception
#pragma warning restore CA1064
{
    public ParseAbortedException()
    {
    }

    public ParseAbortedException(string message) : base(message)
    {
    }

    public ParseAbortedException(string message, Exception inner) : base(message, inner)
    {
    }
}
