namespace NomadGitOps.Tests.Server;

/// <summary>
/// An HTTP handler for the server's Nomad client that, just before the first PUT to one variable path goes out, runs
/// a person's edit: the server's CAS write then meets a conflict, as it would when someone runs <c>nomad var put</c> at
/// that moment.
/// </summary>
internal sealed class InterleavingHandler(string path, Func<Task> personsEdit) : DelegatingHandler(new SocketsHttpHandler())
{
    private int fired;

    /// <summary>True once the person's edit ran.</summary>
    public bool Fired => Volatile.Read(ref fired) == 1;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Put
            && request.RequestUri!.AbsolutePath == "/v1/var/" + path
            && Interlocked.Exchange(ref fired, 1) == 0)
        {
            await personsEdit();
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
