namespace Nomad.Client;

/// <summary>
/// Told about every HTTP attempt the client makes (retries included), after it ends: for metrics. Called on the
/// request's thread; it must be quick and must not throw.
/// </summary>
public interface INomadRequestObserver
{
    /// <summary>One attempt ended, with an answer or without one.</summary>
    void Completed(NomadRequestTiming timing);
}
