using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace NomadGitOps.Tests.Notifications;

/// <summary>
/// A webhook receiver on a free loopback port (<see cref="HttpListener"/>): records every request (path, headers, body)
/// and answers with the status codes it was told, in order (then 200).
/// </summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<HttpStatusCode> answers = new();
    private readonly List<ReceivedRequest> received = [];
    private readonly Lock gate = new();
    private readonly SemaphoreSlim arrived = new(0);
    private readonly Task serving;

    private WebhookSink(int port)
    {
        Address = new Uri($"http://127.0.0.1:{port}/hooks/T0KEN-in-the-path");
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        serving = ServeAsync();
    }

    /// <summary>The URL to post to; its path stands for the credential a Slack URL carries.</summary>
    public Uri Address { get; }

    /// <summary>The requests received so far, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Received
    {
        get
        {
            lock (gate)
            {
                return [.. received];
            }
        }
    }

    public static WebhookSink Start()
    {
        // A port another process takes between the probe and the listener's start is retried.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new WebhookSink(FreePort());
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>The next requests are answered with <paramref name="codes"/>, in order.</summary>
    public void AnswerNext(params HttpStatusCode[] codes)
    {
        foreach (var code in codes)
        {
            answers.Enqueue(code);
        }
    }

    /// <summary>Waits until <paramref name="count"/> requests have arrived in all.</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> WaitForAsync(int count)
    {
        var ct = TestContext.Current.CancellationToken;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        while (Received.Count < count)
        {
            await arrived.WaitAsync(limit.Token);
        }

        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        // Close only: on the managed HttpListener (Linux) Stop and Close each remove the listener from the endpoint
        // table, and the second removal binds the port again to look it up, failing with "Address already in use"
        // when another test took the port in between.
        listener.Close();
        try
        {
            await serving;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
        }

        arrived.Dispose();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await AnswerAsync(context);
            }
            catch (Exception) when (!listener.IsListening)
            {
                // Disposed while a retry was in flight: the test is over, that request does not count.
                return;
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        lock (gate)
        {
            received.Add(new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body));
        }

        context.Response.StatusCode = (int)(answers.TryDequeue(out var code) ? code : HttpStatusCode.OK);
        context.Response.Close();
        arrived.Release();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

/// <summary>One request the sink received.</summary>
internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonObject Json => JsonNode.Parse(Body).ShouldBeOfType<JsonObject>();
}
