using System.Net.Sockets;
using System.Text;
using NomadGitOps.Server;

namespace NomadGitOps.Tests.Server;

/// <summary>
/// Kestrel's header timeout and the webhook body timeout, set explicitly, on a raw loopback connection that sends part
/// of a request and stalls (a slow client must not hold a connection open).
/// </summary>
public sealed class RequestTimeoutTests
{
    private static readonly HttpServerOptions Short = new() { HeaderTimeout = TimeSpan.FromSeconds(1), BodyTimeout = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task A_client_that_stalls_in_its_headers_is_answered_408_and_disconnected()
    {
        await using var server = await ServerHarness.StartAsync(Short, ct: TestContext.Current.CancellationToken);

        var answer = await SendAndStallAsync(server, "POST /hook/abc HTTP/1.1\r\nHost: localhost\r\nX-GitHub-Event: pu");

        answer.ShouldStartWith("HTTP/1.1 408");
    }

    [Fact]
    public async Task A_webhook_body_that_stalls_is_answered_408()
    {
        await using var server = await ServerHarness.StartAsync(Short, ct: TestContext.Current.CancellationToken);
        var hook = await server.CreateReceiverAsync("hooks", "github", "token");

        var answer = await SendAndStallAsync(server, $"POST {hook} HTTP/1.1\r\nHost: localhost\r\nX-GitHub-Event: push\r\nContent-Length: 1000\r\n\r\n{{\"ref\": ");

        answer.ShouldStartWith("HTTP/1.1 408");
        answer.ShouldContain("took longer than 1 s");
    }

    // Sends the start of a request, sends nothing more, and returns what the server answers before it closes.
    private static async Task<string> SendAndStallAsync(ServerHarness server, string start)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = new TcpClient();
        await client.ConnectAsync(server.Http.BaseAddress!.Host, server.Http.BaseAddress.Port, ct);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(start), ct);
        await stream.FlushAsync(ct);
        using var answer = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        // Generous: the server closes after its one-second limit; a loaded machine may take longer to get there.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while ((read = await stream.ReadAsync(buffer, patience.Token)) > 0)
            {
                answer.Write(buffer, 0, read);
                if (Encoding.ASCII.GetString(answer.ToArray()).Contains("\r\n\r\n", StringComparison.Ordinal) && answer.Length > 200)
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // The server reset the connection after answering.
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Still open after a minute: what came so far is the answer (the assertions say what was missing).
        }

        return Encoding.UTF8.GetString(answer.ToArray());
    }
}
