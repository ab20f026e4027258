using System.Net;

namespace Nomad.Client;

/// <summary>
/// Nomad's answer to a read whose JSON body was deserialized straight from the response stream: status, the value
/// (default for an expected error status such as <c>404</c>, whose body is not JSON) and query metadata.
/// </summary>
internal sealed record NomadValueResponse<T>(HttpStatusCode StatusCode, T? Value, QueryMeta Meta);
