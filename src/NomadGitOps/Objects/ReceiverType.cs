namespace NomadGitOps.Objects;

/// <summary>Which Git host a Receiver takes deliveries from; it decides how a delivery is verified and read.</summary>
internal enum ReceiverType
{
    /// <summary>GitHub (<c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256&gt;</c>, <c>X-GitHub-Event</c>).</summary>
    GitHub,

    /// <summary>GitLab (<c>X-Gitlab-Token</c> equal to the token, <c>X-Gitlab-Event</c>).</summary>
    GitLab,

    /// <summary>Gitea and Forgejo (<c>X-Gitea-Signature</c> / <c>X-Forgejo-Signature</c>: hex HMAC-SHA256).</summary>
    Gitea,

    /// <summary>Bitbucket Server/Data Center and Bitbucket Cloud (<c>X-Hub-Signature: sha256=&lt;hex&gt;</c>, <c>X-Event-Key</c>).</summary>
    Bitbucket,

    /// <summary>Anything else: <c>X-Signature: sha256=&lt;hex&gt;</c> or <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    Generic,
}
