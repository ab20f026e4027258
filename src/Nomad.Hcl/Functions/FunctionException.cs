namespace Nomad.Hcl.Functions;

/// <summary>A function failed; <see cref="ArgumentIndex"/> names the argument at fault, when one is.</summary>
public sealed class FunctionException : Exception
{
    /// <summary>Creates the error.</summary>
    public FunctionException()
    {
    }

    /// <summary>Creates the error with its message.</summary>
    public FunctionException(string message) : base(message)
    {
    }

    /// <summary>Creates the error with its message, naming the argument at fault.</summary>
    public FunctionException(string message, int argumentIndex) : base(message) => ArgumentIndex = argumentIndex;

    /// <summary>Creates the error with a message and cause.</summary>
    public FunctionException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>The 0-based index of the argument at fault, or -1.</summary>
    public int ArgumentIndex { get; } = -1;
}
