namespace Nomad.Hcl;

/// <summary>
/// A request body that Go's <c>encoding/json</c> refuses while decoding it into Nomad's <c>api</c> structs: a value
/// of the wrong JSON type. The message is Go's error text (<c>UnmarshalTypeError.Error</c>), which Nomad's agent
/// answers with status 400.
/// </summary>
public sealed class ApiJsonTypeException : FormatException
{
    /// <summary>Creates the exception with Go's error text.</summary>
    public ApiJsonTypeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with Go's error text and a cause.</summary>
    public ApiJsonTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no text.</summary>
    public ApiJsonTypeException()
    {
    }
}
