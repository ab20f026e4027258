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
    /// Sends a request, retrying transient failures; returns success and expected answers, throws otherwise.
    /// A write is retried only when Nomad cannot have applied it (no connection, no leader, 429, 503), so a CAS
    /// write or lock acquire never races its own earlier attempt.
    /// </summary>
    public async Task<NomadResponse> SendAsync(NomadRequest request, CancellationToken ct)
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
                    HttpResponseMessage? sent = null;
                    string body;
                    try
                    {
                        sent = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
                        body = await sent.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        sent?.Dispose();
                        throw;
                    }
                    finally
                    {
                        Observe(request, sent is null ? null : (int)sent.StatusCode, started);
                    }

                    using var response = sent;
                    var meta = QueryMeta.From(response.Headers);
                    if (response.IsSuccessStatusCode || request.Expected.Contains(response.StatusCode))
                    {
                        return new NomadResponse(response.StatusCode, body, meta);
                    }

                    if (response.StatusCode == HttpStatusCode.Forbidden && !tokenFileReread && !request.WithoutToken
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

                    var text = _redactor.Redact(body.Trim());
                    var transient = TransientFailures.IsTransient(response.StatusCode, text);
                    var retry = transient && (isRead || TransientFailures.WasNotApplied(response.StatusCode, text));
                    if (!retry || attempt >= Options.MaxAttempts)
                    {
                        throw new NomadApiException(method, request.Path, response.StatusCode, text, transient, attempt);
                    }

                    reason = $"{(int)response.StatusCode} {text}";
                }
                catch (OperationCanceledException e) when (!ct.IsCancellationRequested && timeoutSource.IsCancellationRequested)
                {
                    throw new NomadApiException(method, request.Path, null, $"no answer within {GoDuration.Format(timeout)}", isTransient: true, attempt, e);
                }
                catch (HttpRequestException e) when (!ct.IsCancellationRequested)
                {
                    var text = _redactor.Redact(e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message);
                    // A refused TLS handshake (untrusted or misnamed certificate) will not fix itself.
                    var transient = e.InnerException is not AuthenticationException;
                    var retry = transient && (isRead || TransientFailures.NeverReachedNomad(e));
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
