using NomadGitOps.Objects;

namespace NomadGitOps.Server.StatusPage;

/// <summary>What <c>GET /objects/{kind}/{name}</c> shows: one object's every item and its last transitions.</summary>
/// <param name="Header">Controller, version, role, Nomad address, paused.</param>
/// <param name="Object">The object's short name (<c>nomadjob/default/web</c>).</param>
/// <param name="Ready"><c>status_ready</c>.</param>
/// <param name="Reason"><c>status_reason</c>.</param>
/// <param name="Message"><c>status_message</c>.</param>
/// <param name="Status">Every <c>status_*</c> item, sorted.</param>
/// <param name="Spec">Every other item, sorted, URLs' credentials redacted.</param>
/// <param name="Transitions">Its last transitions seen by this process, newest first.</param>
internal sealed record ObjectDetail(
    StatusHeader Header, string Object, ReadyState Ready, string? Reason, string? Message,
    IReadOnlyDictionary<string, string> Status, IReadOnlyDictionary<string, string> Spec, IReadOnlyList<Transition> Transitions);
