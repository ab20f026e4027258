using System.Text.Json;
using NomadGitOps.Objects;

namespace NomadGitOps.Server.Webhooks;

/// <summary>
/// Reads the push payload each host sends into a <see cref="PushEvent"/>: the refs moved (and which were deleted), the
/// repository's URLs, its default branch. Field names follow each host's documented payload: GitHub and Gitea
/// <c>ref</c>, <c>deleted</c>/<c>after</c>, <c>repository.clone_url|ssh_url|html_url|default_branch</c>; GitLab <c>ref</c>,
/// <c>after</c>, <c>project.git_http_url|git_ssh_url|web_url|default_branch</c>; Bitbucket Server <c>changes[].ref.id</c>,
/// <c>changes[].type</c>, <c>repository.links.clone[].href</c>; Bitbucket Cloud <c>push.changes[].new|old</c>,
/// <c>repository.links.html.href</c> (else <c>full_name</c> on bitbucket.org); generic <c>{"url": …, "ref": …}</c>, both optional.
/// </summary>
internal static class WebhookPayload
{
    private const string ZeroSha = "0000000000000000000000000000000000000000";

    /// <summary>The push in <paramref name="body"/>.</summary>
    /// <exception cref="WebhookPayloadException">The body is not such a payload.</exception>
    public static PushEvent Read(ReceiverType type, ReadOnlySpan<byte> body)
    {
        if (type == ReceiverType.Generic && body.Trim((byte)' ').Length == 0)
        {
            return new PushEvent([], [], null, null, AnyRepository: true);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(FormBody.Payload(body) ?? body.ToArray());
        }
        catch (JsonException e)
        {
            throw new WebhookPayloadException($"The body is not JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WebhookPayloadException("The body is not a JSON object.");
            }

            try
            {
                return type switch
                {
                    ReceiverType.GitHub or ReceiverType.Gitea => GitHubLike(root),
                    ReceiverType.GitLab => GitLab(root),
                    ReceiverType.Bitbucket => root.TryGetProperty("push", out var push) ? BitbucketCloud(root, push) : BitbucketServer(root),
                    ReceiverType.Generic => Generic(root),
                    _ => throw new WebhookPayloadException($"Receivers of type {type} take no payload."),
                };
            }
            catch (InvalidOperationException e)
            {
                // A field of the wrong JSON type (GetString on a number, EnumerateArray on an object...).
                throw new WebhookPayloadException($"The payload has a field of the wrong type: {e.Message}", e);
            }
        }
    }

    private static PushEvent GitHubLike(JsonElement root)
    {
        var reference = RequiredString(root, "ref");
        var after = String(root, "after");
        var deleted = (root.TryGetProperty("deleted", out var d) && d.ValueKind == JsonValueKind.True) || after == ZeroSha;
        var repository = RequiredObject(root, "repository");
        return new PushEvent(
            [new RefChange(reference, deleted)],
            Strings(repository, "clone_url", "ssh_url", "html_url", "git_url"),
            String(repository, "default_branch"),
            deleted ? null : after);
    }

    private static PushEvent GitLab(JsonElement root)
    {
        var reference = RequiredString(root, "ref");
        var after = String(root, "after");
        var deleted = after == ZeroSha;
        var project = RequiredObject(root, "project");
        var urls = Strings(project, "git_http_url", "git_ssh_url", "web_url");
        if (root.TryGetProperty("repository", out var repository) && repository.ValueKind == JsonValueKind.Object)
        {
            urls = [.. urls, .. Strings(repository, "git_http_url", "git_ssh_url", "homepage")];
        }

        return new PushEvent([new RefChange(reference, deleted)], urls, String(project, "default_branch"), deleted ? null : after);
    }

    private static PushEvent BitbucketServer(JsonElement root)
    {
        if (!root.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
        {
            throw new WebhookPayloadException("The payload has no \"changes\" array (Bitbucket Server) or \"push\" object (Bitbucket Cloud).");
        }

        var refs = new List<RefChange>();
        string? commit = null;
        foreach (var change in changes.EnumerateArray())
        {
            var id = change.TryGetProperty("ref", out var r) && r.ValueKind == JsonValueKind.Object ? String(r, "id") : null;
            id ??= RequiredString(change, "refId");
            var deleted = string.Equals(String(change, "type"), "DELETE", StringComparison.OrdinalIgnoreCase) || String(change, "toHash") == ZeroSha;
            refs.Add(new RefChange(id, deleted));
            commit ??= deleted ? null : String(change, "toHash");
        }

        var repository = RequiredObject(root, "repository");
        var urls = new List<string>();
        if (repository.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Object
            && links.TryGetProperty("clone", out var clone) && clone.ValueKind == JsonValueKind.Array)
        {
            urls.AddRange(clone.EnumerateArray().Select(c => String(c, "href")).OfType<string>());
        }

        // Bitbucket Server serves one repository at https://host[/context]/scm/<project>/<repo>.git and at
        // ssh://git@host:7999/<project>/<repo>.git. Both links are sent; each also stands for the other, so a GitRepository
        // written either way matches even when the server sends only one (ssh disabled, say).
        urls.AddRange([.. urls.Select(BitbucketServerTwin).OfType<string>()]);
        return new PushEvent(refs, urls, null, commit);
    }

    private static string? BitbucketServerTwin(string href)
    {
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return null;
        }

        var path = uri.AbsolutePath;
        if (uri.Scheme is "http" or "https")
        {
            var scm = path.IndexOf("/scm/", StringComparison.OrdinalIgnoreCase);
            return scm < 0 ? null : $"ssh://{uri.Host}/{path[(scm + "/scm/".Length)..]}";
        }

        return uri.Scheme == "ssh" ? $"https://{uri.Host}/scm/{path.TrimStart('/')}" : null;
    }

    private static PushEvent BitbucketCloud(JsonElement root, JsonElement push)
    {
        if (push.ValueKind != JsonValueKind.Object || !push.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
        {
            throw new WebhookPayloadException("The payload's \"push\" has no \"changes\" array.");
        }

        var refs = new List<RefChange>();
        string? commit = null;
        foreach (var change in changes.EnumerateArray())
        {
            var created = change.TryGetProperty("new", out var next) && next.ValueKind == JsonValueKind.Object;
            var side = created ? next : change.TryGetProperty("old", out var old) && old.ValueKind == JsonValueKind.Object ? old : default;
            if (side.ValueKind != JsonValueKind.Object)
            {
                throw new WebhookPayloadException("A change of the push has neither \"new\" nor \"old\".");
            }

            var name = RequiredString(side, "name");
            // "branch", "tag" or "annotated_tag" (documented; Bitbucket sends "tag" for annotated ones too).
            var prefix = String(side, "type") is { } kind && kind.Contains("tag", StringComparison.OrdinalIgnoreCase) ? "refs/tags/" : "refs/heads/";
            refs.Add(new RefChange(prefix + name, !created));
            if (created && commit is null && side.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.Object)
            {
                commit = String(target, "hash");
            }
        }

        var repository = RequiredObject(root, "repository");
        var urls = new List<string>();
        if (repository.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Object
            && links.TryGetProperty("html", out var html) && html.ValueKind == JsonValueKind.Object && String(html, "href") is { } href)
        {
            urls.Add(href);
        }
        else if (String(repository, "full_name") is { Length: > 0 } fullName)
        {
            urls.Add("https://bitbucket.org/" + fullName);
        }

        string? defaultBranch = null;
        if (repository.TryGetProperty("mainbranch", out var main) && main.ValueKind == JsonValueKind.Object)
        {
            defaultBranch = String(main, "name");
        }

        return new PushEvent(refs, urls, defaultBranch, commit);
    }

    private static PushEvent Generic(JsonElement root)
    {
        var urls = Strings(root, "url");
        if (root.TryGetProperty("urls", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            urls = [.. urls, .. list.EnumerateArray().Where(u => u.ValueKind == JsonValueKind.String).Select(u => u.GetString()!)];
        }

        var reference = String(root, "ref");
        IReadOnlyList<RefChange> changes = reference is null ? [] : [new RefChange(reference, String(root, "after") == ZeroSha)];
        return new PushEvent(changes, urls, null, String(root, "after"), AnyRepository: urls.Count == 0);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string RequiredString(JsonElement element, string name) =>
        String(element, name) is { Length: > 0 } value
            ? value
            : throw new WebhookPayloadException($"The payload has no string \"{name}\".");

    private static JsonElement RequiredObject(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new WebhookPayloadException($"The payload has no object \"{name}\".");

    private static List<string> Strings(JsonElement element, params string[] names) =>
        [.. names.Select(n => String(element, n)).OfType<string>().Where(s => s.Length > 0)];
}
