using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NomadGitOps.Scheduling;
using NomadGitOps.Server.Webhooks;

namespace NomadGitOps.Notifications;

/// <summary>
/// Posts one notification body, retrying with exponential backoff and jitter (the engine's <see cref="Backoff"/>) on
/// network errors, timeouts, <c>408</c>, <c>429</c> and <c>5xx</c>, up to <see cref="NotificationOptions.MaxAttempts"/>;
/// any other answer is final. With a signing token the body is signed as the generic receiver verifies it:
/// <c>X-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>. Errors never name the URL (a Slack or Teams URL is a credential).
/// </summary>
internal sealed class AlertSender : IDisposable
{
    /// <summary>The header carrying the signature of a generic alert's body.</summary>
    public const string SignatureHeader = "X-Signature";

    private readonly HttpClient http;
    private readonly NotificationOptions options;
    private readonly TimeProvider time;
    private readonly Backoff backoff;

    /// <summary>A sender over <paramref name="handler"/> (a fresh <see cref="SocketsHttpHandler"/> when null).</summary>
    public AlertSender(NotificationOptions options, TimeProvider time, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.time = time;
        http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("nomad-gitops", "1"));
        backoff = new Backoff(new BackoffOptions(options.RetryMin, options.RetryMax), new Random());
    }

    /// <summary>Posts <paramref name="body"/> (JSON) to <paramref name="address"/>, signed when <paramref name="signingToken"/> is set.</summary>
    public async Task<DeliveryResult> SendAsync(Uri address, string body, string? signingToken, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(body);
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = signingToken is null ? null : "sha256=" + WebhookSignature.Sign(bytes, WebhookSignature.TrimSecret(signingToken));
        string? error = null;
        var attempts = Math.Max(1, options.MaxAttempts);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(backoff.DelayAfter(attempt - 1), time, ct).ConfigureAwait(false);
            }

            bool retry;
            (error, retry) = await AttemptAsync(address, bytes, signature, ct).ConfigureAwait(false);
            if (error is null)
            {
                return new DeliveryResult(true, attempt, null);
            }

            if (!retry)
            {
                return new DeliveryResult(false, attempt, error);
            }
        }

        return new DeliveryResult(false, attempts, $"{error} (gave up after {attempts} attempts)");
    }

    /// <inheritdoc/>
    public void Dispose() => http.Dispose();

    // (null, _) when delivered; else the error and whether another attempt may help.
    private async Task<(string? Error, bool Retry)> AttemptAsync(Uri address, byte[] body, string? signature, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(options.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(SignatureHeader, signature);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return (null, false);
            }

            var code = (int)response.StatusCode;
            var retry = code >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
            return (string.Create(CultureInfo.InvariantCulture, $"the receiver answered {code} {response.ReasonPhrase}"), retry);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return ($"no answer within {options.RequestTimeout.TotalSeconds:0.#} s", true);
        }
        catch (HttpRequestException e)
        {
            // The message may name host and port, never the path (where Slack, Discord and Teams keep their credential).
            var redacted = e.Message.Replace(address.ToString(), "***", StringComparison.Ordinal)
                .Replace(address.PathAndQuery, "/***", StringComparison.Ordinal);
            return ($"the receiver could not be reached: {redacted}", true);
        }
    }
}
