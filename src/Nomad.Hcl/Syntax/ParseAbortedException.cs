namespace Nomad.Hcl.Syntax;

/// <summary>Internal signal: an expression error was recorded and the parser recovers at the body item.</summary>
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
