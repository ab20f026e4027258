using System.Net;

namespace Nomad.Client;

/// <summary>
/// A Nomad call that failed: Nomad answered an error status (<see cref="StatusCode"/> set, with Nomad's
/// plain-text <see cref="NomadMessage"/>), or no answer came (connection failure or timeout,
/// <see cref="StatusCode"/> null). <see cref="Path"/> never holds the query string; no secret is ever in the message.
/// </summary>
public sealed class NomadApiException : Exception
{
    /// <summary>Creates the exception; the message is built from the parts.</summary>
    public NomadApiException(string method, string path, HttpStatusCode? statusCode, string nomadMessage, bool isTransient, int attempts, Exception? inner = null)
        : base(Describe(method, path, statusCode, nomadMessage, attempts), inner)
    {
        Method = method;
        Path = path;
        StatusCode = statusCode;
        NomadMessage = nomadMessage;
        IsTransient = isTransient;
        Attempts = attempts;
    }

    /// <summary>HTTP method of the failed call.</summary>
    public string Method { get; }

    /// <summary>Request path without the query string, e.g. <c>/v1/var/app/config</c>.</summary>
    public string Path { get; }

    /// <summary>Nomad's status code; null when no answer came.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Nomad's plain-text error body (trimmed), or what went wrong on the wire.</summary>
    public string NomadMessage { get; }

    /// <summary>True when trying again later may succeed (no leader, 429, 502–504, connection failure, timeout).</summary>
    public bool IsTransient { get; }

    /// <summary>How many attempts were made before giving up.</summary>
    public int Attempts { get; }

    /// <summary>True for <c>403 Permission denied</c>.</summary>
    public bool IsPermissionDenied => StatusCode == HttpStatusCode.Forbidden;

    /// <summary>True for <c>404</c>.</summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    private static string Describe(string method, string path, HttpStatusCode? statusCode, string message, int attempts)
    {
        var status = statusCode is { } s ? $"{(int)s} {s}" : "no answer";
        var tries = attempts > 1 ? $" after {attempts} attempts" : "";
        return $"Nomad {method} {path} failed ({status}{tries}): {message}";
    }
}
