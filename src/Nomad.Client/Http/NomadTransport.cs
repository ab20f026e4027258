using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Nomad.Client;

/// <summary>
/// Sends <see cref="NomadRequest"/>s: adds the token, basic auth, region and namespace; applies the per-attempt
/// timeout (plus the blocking allowance); retries transient failures with capped, fully jittered exponential
/// backoff on the <see cref="TimeProvider"/>; turns other error answers into <see cref="NomadApiException"/>.
/// </summary>
internal sealed class NomadTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly NomadEndpoint _endpoint;
    private SecretRedactor _redactor;
    private volatile string? _token;
    private readonly AuthenticationHeaderValue? _basicAuth;
    private readonly INomadRequestObserver? _observer;

    /// <summary>Creates the transport; <paramref name="http"/> is disposed with it when <paramref name="ownsHttp"/>.</summary>
    public NomadTransport(NomadClientOptions options, NomadEndpoint endpoint, HttpClient http, bool ownsHttp, ILogger logger, TimeProvider time, INomadRequestObserver? observer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        Options = options;
        _endpoint = endpoint;
        _http = http;
        _ownsHttp = ownsHttp;
        _logger = logger;
        _time = time;
        _observer = observer;
        _redactor = new SecretRedactor(options, endpoint.UserInfo);
        _token = options.Token;
        var auth = endpoint.UserInfo ?? options.HttpAuth;
        if (auth is not null)
        {
            var pair = auth.Contains(':', StringComparison.Ordinal) ? auth : auth + ":";
            _basicAuth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
    }

    /// <summary>
    /// What a <c>403</c> calls once per request, with the refused token, before giving up: returns a new token to retry with, or null. Unset, the
    /// transport re-reads <see cref="NomadClientOptions.TokenFile"/>; an identity exchange sets it to log in again.
    /// </summary>
    public Func<string?, CancellationToken, Task<string?>>? RefreshOnForbidden { get; set; }

    /// <summary>Runs before each request that is not <see cref="NomadRequest.SkipAuthentication"/> (the identity exchange).</summary>
    public Func<CancellationToken, Task>? BeforeSend { get; set; }

    /// <summary>The token sent now (null: none).</summary>
    public string? Token => _token;

    /// <summary>Replaces the token sent from the next request on (e.g. an ACL token from a login).</summary>
    public void UseToken(string? token)
    {
        _redactor = new SecretRedactor(Options with { Token = token }, _endpoint.UserInfo);
        _token = token;
    }

    /// <summary>The options this transport was built from.</summary>
    public NomadClientOptions Options { get; }

    /// <summary>Builds the handler the client uses when none is given: TLS settings, gzip, unix socket dialling.</summary>
    public static SocketsHttpHandler CreateHandler(NomadClientOptions options, NomadEndpoint endpoint)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            SslOptions = NomadTls.Create(options),
            UseCookies = false,
        };
        if (endpoint.UnixSocketPath is { } socketPath)
        {
            handler.ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return handler;
    }

    /// <summary>Query parameters of a read: the options' fields, region and namespace falling back to the client's.</summary>
    public List<KeyValuePair<string, string?>> ReadParameters(QueryOptions? query)
    {
        var list = new List<KeyValuePair<string, string?>>();
        AddScope(list, query?.Namespace, query?.Region);
        if (query is null)
        {
            return list;
        }

        Add(list, "index", query.Index is { } index and > 0 ? index.ToString(CultureInfo.InvariantCulture) : null);
        Add(list, "wait", query.Wait is { } wait ? ((long)wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms" : null);
        Add(list, "prefix", query.Prefix);
        Add(list, "filter", query.Filter);
        Add(list, "per_page", query.PerPage?.ToString(CultureInfo.InvariantCulture));
        Add(list, "next_token", query.NextToken);
        return list;
    }

    /// <summary>Query parameters of a write: namespace from the call, else the object's, else the client's.</summary>
    public List<KeyValuePair<string, string?>> WriteParameters(WriteOptions? write, string? objectNamespace = null)
    {
        var list = new List<KeyValuePair<string, string?>>();
        AddScope(list, write?.Namespace ?? objectNamespace, write?.Region);
        return list;
    }

    /// <summary>
    /// Sends a request, retrying transient failures; returns success and expected answers with their whole body as
    /// text, throws otherwise. For writes and small answers; reads use <see cref="ReadAsync{T}"/>.
    /// A write is retried only when Nomad cannot have applied it (no connection, no leader, 429, 503), so a CAS
    /// write or lock acquire never races its own earlier attempt.
    /// </summary>
    public async Task<NomadResponse> SendAsync(NomadRequest request, CancellationToken ct)
    {
        var (status, body, meta) = await SendCoreAsync(
            request,
            static async (content, _, ct) => await content.ReadAsStringAsync(ct).ConfigureAwait(false),
            ct).ConfigureAwait(false);
        return new NomadResponse(status, body, meta);
    }

    /// <summary>
    /// Sends a read and deserializes a success answer's JSON body from the response stream as it arrives (never the
    /// whole body as one string or array: a list of thousands of objects is read in small buffers). An expected error
    /// status (e.g. <c>404</c>) gives a default value; other errors throw with their text, as <see cref="SendAsync"/>.
    /// </summary>
    public async Task<NomadValueResponse<T>> ReadAsync<T>(NomadRequest request, CancellationToken ct)
    {
        var (status, value, meta) = await SendCoreAsync(
            request,
            static async (content, success, ct) =>
            {
                if (!success)
                {
                    return default;
                }

                var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    return await NomadJson.ReadAsync<T>(stream, ct).ConfigureAwait(false);
                }
            },
            ct).ConfigureAwait(false);
        return new NomadValueResponse<T>(status, value, meta);
    }

    // One call with retries. The answer is read with HttpCompletionOption.ResponseHeadersRead: success and expected
    // answers go to readBody (told whether the status is a success) inside the attempt's timeout, error answers are
    // read as bounded text (ErrorBody).
    private async Task<(HttpStatusCode Status, TBody Body, QueryMeta Meta)> SendCoreAsync<TBody>(
        NomadRequest request,
        Func<HttpContent, bool, CancellationToken, Task<TBody>> readBody,
        CancellationToken ct)
    {
        var method = request.Method.Method;
        var timeout = Options.RequestTimeout + request.BlockingAllowance;
        var isRead = request.Method == HttpMethod.Get;
        var tokenFileReread = false;
        if (!request.SkipAuthentication && BeforeSend is { } before)
        {
            await before(ct).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            string reason;
            using (var timeoutSource = new CancellationTokenSource(timeout, _time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutSource.Token))
            {
                try
                {
                    if (_logger.IsEnabled(LogLevel.Debug))
                    {
                        _logger.LogDebug("Nomad {Method} {Path} attempt {Attempt}", method, request.Path, attempt);
                    }

                    using var message = BuildMessage(request);
                    var started = _time.GetTimestamp();
                    int? observed = null;
                    HttpStatusCode status;
                    string text;
                    try
                    {
                        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                        observed = (int)response.StatusCode;
                        status = response.StatusCode;
                        if (response.IsSuccessStatusCode || request.Expected.Contains(status))
                        {
                            var body = await readBody(response.Content, response.IsSuccessStatusCode, linked.Token).ConfigureAwait(false);
                            return (status, body, QueryMeta.From(response.Headers));
                        }

                        text = _redactor.Redact(await ErrorBody.ReadAsync(response.Content, linked.Token).ConfigureAwait(false));
                    }
                    finally
                    {
                        Observe(request, observed, started);
                    }

                    if (status == HttpStatusCode.Forbidden && !tokenFileReread && !request.WithoutToken
                        && await FreshTokenAsync(ct).ConfigureAwait(false) is { } fresh)
                    {
                        // A workload identity's token file may have been rewritten (a new allocation, a renewed
                        // identity), or an exchanged token expired: retry once with the new token.
                        tokenFileReread = true;
                        if (_logger.IsEnabled(LogLevel.Information))
                        {
                            _logger.LogInformation("Nomad {Method} {Path} was refused (403); retrying once with a new token", method, request.Path);
                        }

                        UseToken(fresh);
                        attempt--;
                        continue;
                    }

                    var transient = TransientFailures.IsTransient(status, text);
                    var retry = transient && (isRead || TransientFailures.WasNotApplied(status, text));
                    if (!retry || attempt >= Options.MaxAttempts)
                    {
                        throw new NomadApiException(method, request.Path, status, text, transient, attempt);
                    }

                    reason = $"{(int)status} {text}";
                }
                catch (OperationCanceledException e) when (!ct.IsCancellationRequested && timeoutSource.IsCancellationRequested)
                {
                    throw new NomadApiException(method, request.Path, null, $"no answer within {GoDuration.Format(timeout)}", isTransient: true, attempt, e);
                }
                catch (Exception e) when (e is HttpRequestException or IOException && !ct.IsCancellationRequested)
                {
                    // HttpRequestException: no answer; IOException (HttpIOException): the connection broke while the
                    // body was read, so for a write Nomad may have applied it.
                    var text = _redactor.Redact(e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message);
                    // A refused TLS handshake (untrusted or misnamed certificate) will not fix itself.
                    var transient = e.InnerException is not AuthenticationException;
                    var retry = transient && (isRead || (e is HttpRequestException sendFailure && TransientFailures.NeverReachedNomad(sendFailure)));
                    if (!retry || attempt >= Options.MaxAttempts)
                    {
                        throw new NomadApiException(method, request.Path, null, text, transient, attempt, e);
                    }

                    reason = text;
                }
            }

            var delay = RetryBackoff.Delay(attempt, Options.RetryBaseDelay, Options.RetryMaxDelay, Random.Shared.NextDouble());
            _logger.LogWarning(
                "Nomad {Method} {Path} failed ({Reason}); retry {Retry} of {MaxRetries} in {Delay}",
                method, request.Path, reason, attempt, Options.MaxAttempts - 1, delay);
            await Task.Delay(delay, _time, ct).ConfigureAwait(false);
        }
    }

    private void Observe(NomadRequest request, int? status, long started)
    {
        if (_observer is not null)
        {
            var blocking = request.BlockingAllowance > TimeSpan.Zero;
            _observer.Completed(new NomadRequestTiming(request.Method.Method, NomadRoute.Template(request.Path), status, blocking, _time.GetElapsedTime(started)));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private HttpRequestMessage BuildMessage(NomadRequest request)
    {
        var uri = new StringBuilder(_endpoint.BaseAddress.AbsoluteUri.TrimEnd('/')).Append(request.Path);
        var separator = '?';
        foreach (var (key, value) in request.Query)
        {
            uri.Append(separator).Append(Uri.EscapeDataString(key));
            if (value is not null)
            {
                uri.Append('=').Append(Uri.EscapeDataString(value));
            }

            separator = '&';
        }

        var message = new HttpRequestMessage(request.Method, new Uri(uri.ToString()));
        if (_token is { } token && !request.WithoutToken)
        {
            message.Headers.Add("X-Nomad-Token", token);
        }

        message.Headers.Authorization = _basicAuth;
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body.ToJsonString(NomadJson.Options), Encoding.UTF8, "application/json");
        }

        return message;
    }

    // The token to retry a refused request with: the refresher's, else the token file's when it changed.
    private async Task<string?> FreshTokenAsync(CancellationToken ct)
    {
        if (RefreshOnForbidden is { } refresh)
        {
            var refused = _token;
            return await refresh(refused, ct).ConfigureAwait(false) is { } token && token != refused ? token : null;
        }

        return Options.TokenFile is { } file && NomadClientOptions.ReadTokenFile(file) is { } fresh && fresh != _token ? fresh : null;
    }

    private void AddScope(List<KeyValuePair<string, string?>> list, string? callNamespace, string? callRegion)
    {
        Add(list, "region", callRegion ?? Options.Region);
        Add(list, "namespace", callNamespace ?? Options.Namespace);
    }

    private static void Add(List<KeyValuePair<string, string?>> list, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            list.Add(new(key, value));
        }
    }
}
