namespace Nomad.Client;

/// <summary>One HTTP attempt to Nomad, as an <see cref="INomadRequestObserver"/> sees it.</summary>
/// <param name="Method">The HTTP method (<c>GET</c>, <c>PUT</c>…).</param>
/// <param name="Endpoint">
/// The route template, not the path: IDs and variable paths are replaced (<c>/v1/var/:path</c>, <c>/v1/job/:job_id/plan</c>),
/// so a label built from it has a bounded number of values.
/// </param>
/// <param name="StatusCode">The HTTP status Nomad answered; null when no answer came (connection failure, timeout).</param>
/// <param name="Blocking">True for a blocking query (an index was given): its duration is mostly Nomad waiting for a change.</param>
/// <param name="Duration">From sending the request to reading the whole answer.</param>
public sealed record NomadRequestTiming(string Method, string Endpoint, int? StatusCode, bool Blocking, TimeSpan Duration);
