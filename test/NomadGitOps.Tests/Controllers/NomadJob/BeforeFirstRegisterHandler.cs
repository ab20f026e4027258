namespace NomadGitOps.Tests.Controllers.NomadJob;

/// <summary>
/// Sits between the controller's Nomad client and the emulator and runs an action (someone else changing the job)
/// just before the first job register goes out: a real race between plan and register, on loopback.
/// </summary>
internal sealed class BeforeFirstRegisterHandler(Func<CancellationToken, Task> action) : DelegatingHandler(new SocketsHttpHandler())
{
    private int fired;

    /// <summary>True once the action ran.</summary>
    public bool Fired => Volatile.Read(ref fired) == 1;

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath == "/v1/jobs" && Interlocked.Exchange(ref fired, 1) == 0)
        {
            await action(cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
