namespace NomadGitOps.Objects;

/// <summary>The kinds of object nomad-gitops keeps in Nomad Variables.</summary>
internal enum ObjectKind
{
    /// <summary>A Git repository to follow (<c>&lt;prefix&gt;/gitrepository/&lt;name&gt;</c>).</summary>
    GitRepository,

    /// <summary>A Nomad job rendered from a file of a repository (<c>&lt;prefix&gt;/nomadjob/&lt;namespace&gt;/&lt;job-id&gt;</c>).</summary>
    NomadJob,

    /// <summary>A webhook receiver that turns a Git host's push into reconciles (<c>&lt;prefix&gt;/receiver/&lt;name&gt;</c>).</summary>
    Receiver,

    /// <summary>A notification target: events of GitRepositories and NomadJobs sent to Slack, Discord, Teams or any URL (<c>&lt;prefix&gt;/alert/&lt;name&gt;</c>).</summary>
    Alert,
}
