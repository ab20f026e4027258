namespace Nomad.Hcl.Evaluation;

/// <summary>A value could not be converted to a type; the message is cty's wording, without a source range.</summary>
public sealed class ConversionException : Exception
{
    /// <summary>Creates the error.</summary>
    public ConversionException()
    {
    }

    /// <summary>Creates the error with cty's message.</summary>
    public ConversionException(string message) : base(message)
    {
    }

    /// <summary>Creates the error with a message and cause.</summary>
    public ConversionException(string message, Exception inner) : base(message, inner)
    {
    }
}
