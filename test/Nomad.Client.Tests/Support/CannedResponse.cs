namespace Nomad.Client.Tests.Support;

/// <summary>What the scripted server answers: status, body (JSON or Nomad's plain text) and headers.</summary>
public sealed record CannedResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>200 with a JSON body and Nomad's query headers.</summary>
    public static CannedResponse Json(string body, ulong index = 1, string? nextToken = null)
    {
        var headers = new Dictionary<string, string>
        {
            ["X-Nomad-Index"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-Nomad-KnownLeader"] = "true",
            ["X-Nomad-LastContact"] = "0",
        };
        if (nextToken is not null)
        {
            headers["X-Nomad-NextToken"] = nextToken;
        }

        return new CannedResponse(200, body, headers);
    }

    /// <summary>An error answer with Nomad's plain-text body.</summary>
    public static CannedResponse Text(int status, string text, ulong? index = null) =>
        new(status, text, index is { } i ? new Dictionary<string, string> { ["X-Nomad-Index"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) } : null);
}
