namespace NomadGitOps.Tests.Support;

/// <summary>
/// Sits between the controller's Nomad client and the emulator and runs an action once, just before the first
/// variable write goes out: the moment a person's edit or a delete would race the controller's status write.
/// </summary>
internal sealed class InterceptingHandler : DelegatingHandler
{
    private Func<CancellationToken, Task>? beforeFirstVariableWrite;

    /// <summary>A handler sending through a plain <see cref="HttpClientHandler"/>.</summary>
    public InterceptingHandler()
        : base(new HttpClientHandler())
    {
    }

    /// <summary>A handler sending through <paramref name="inner"/> (disposed with this one).</summary>
    public InterceptingHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>Runs <paramref name="action"/> once, before the next <c>PUT /v1/var/…</c> is sent.</summary>
    public void BeforeNextVariableWrite(Func<CancellationToken, Task> action) => beforeFirstVariableWrite = action;

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Put && request.RequestUri?.AbsolutePath.StartsWith("/v1/var/", StringComparison.Ordinal) == true
            && Interlocked.Exchange(ref beforeFirstVariableWrite, null) is { } action)
        {
            await action(cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
