using System.Net;

namespace Nomad.Client;

/// <summary>Nomad's answer: status, body text and query metadata.</summary>
internal sealed record NomadResponse(HttpStatusCode StatusCode, string Body, QueryMeta Meta);
