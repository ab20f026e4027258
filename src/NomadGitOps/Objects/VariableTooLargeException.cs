namespace NomadGitOps.Objects;

/// <summary>An object's items would pass Nomad's 64 KiB limit even with every status message cut.</summary>
internal sealed class VariableTooLargeException : Exception
{
    /// <summary>An exception for items of <paramref name="size"/> bytes against a limit of <paramref name="limit"/>.</summary>
    public VariableTooLargeException(long size, long limit)
        : base($"The object's items take {size} bytes even with every status message cut, more than Nomad's limit of {limit}: shorten its spec items (e.g. variables) or split the repository.")
    {
        Size = size;
        Limit = limit;
    }

    /// <summary>An exception with a message of its own.</summary>
    public VariableTooLargeException()
    {
    }

    /// <summary>An exception with a message of its own.</summary>
    public VariableTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with a message of its own and a cause.</summary>
    public VariableTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The size the items would have, in bytes.</summary>
    public long Size { get; }

    /// <summary>Nomad's limit, in bytes.</summary>
    public long Limit { get; }
}
