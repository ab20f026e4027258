using System.Text;

namespace NomadGitOps.Server.Webhooks;

/// <summary>
/// The JSON inside a form-encoded delivery (<c>application/x-www-form-urlencoded</c>, one field <c>payload=</c>), as
/// GitHub, Gitea, Forgejo and Gogs send it when a hook is set to "form". GitHub signs the form body as sent; Gitea,
/// Forgejo and Gogs sign the JSON inside it (services/webhook/deliver.go signs <c>PayloadContent</c>, not the form).
/// </summary>
internal static class FormBody
{
    private static readonly byte[] Field = "payload="u8.ToArray();

    /// <summary>The decoded <c>payload</c> field, or null when <paramref name="body"/> is not such a form.</summary>
    public static byte[]? Payload(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Field))
        {
            return null;
        }

        // Go's url.Values.Encode and GitHub write a space as '+' and a '+' as %2B: '+' first, then the escapes.
        var text = Encoding.UTF8.GetString(body[Field.Length..]);
        return Encoding.UTF8.GetBytes(Uri.UnescapeDataString(text.Replace('+', ' ')));
    }
}
