namespace GoRegexpSyntax;

/// <summary>Thrown by <see cref="GoRegex.Compile"/> for a pattern Go refuses; the message is Go's text.</summary>
public sealed class RegexpException : Exception
{
    /// <summary>Creates the error.</summary>
    public RegexpException()
    {
    }

    /// <summary>Creates the error with its message.</summary>
    public RegexpException(string message) : base(message)
    {
    }

    /// <summary>Creates the error with a message and cause.</summary>
    public RegexpException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>Creates the error for Go's refusal.</summary>
    public RegexpException(RegexpError error) : base(error?.Message) => Error = error;

    /// <summary>Go's error code and offending expression, when Go's parser refused the pattern.</summary>
    public RegexpError? Error { get; }
}
