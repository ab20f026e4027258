namespace NomadGitOps.Server.StatusPage;

/// <summary>What <c>GET /</c> shows: the header, the repositories and the jobs, failing ones first in each.</summary>
/// <param name="Header">Controller, version, role, Nomad address, paused.</param>
/// <param name="Repositories">Every GitRepository.</param>
/// <param name="Jobs">Every NomadJob.</param>
internal sealed record StatusOverview(StatusHeader Header, IReadOnlyList<RepositoryRow> Repositories, IReadOnlyList<JobRow> Jobs);
