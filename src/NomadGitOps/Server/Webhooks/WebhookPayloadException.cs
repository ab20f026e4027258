namespace NomadGitOps.Server.Webhooks;

/// <summary>A delivery whose signature is right but whose body is not the payload its host sends (answered <c>400</c>).</summary>
internal sealed class WebhookPayloadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebhookPayloadException()
    {
    }

    /// <summary>Creates the exception with a sentence saying what is wrong.</summary>
    public WebhookPayloadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a sentence and the cause.</summary>
    public WebhookPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
