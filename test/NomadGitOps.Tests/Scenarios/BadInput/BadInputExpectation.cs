namespace NomadGitOps.Tests.Scenarios.BadInput;

/// <summary>The clear error a bad input must produce.</summary>
internal abstract record BadInputExpectation
{
    /// <summary>
    /// The object (<c>gitrepository/x</c>, <c>nomadjob/ns/id</c>, <c>receiver/x</c>) shows <paramref name="Reason"/>
    /// in <c>status_reason</c> (null: not checked, as for the index's items, whose repository's own reason is its source's)
    /// and every <c>|</c>-separated part of <paramref name="Fragment"/> (ignoring case) in its item <paramref name="Item"/>.
    /// </summary>
    public sealed record Status(string Object, string? Reason, string Fragment, string Item = "status_message") : BadInputExpectation;

    /// <summary>The HTTP answer has this status code and its body holds <paramref name="Fragment"/> (ignoring case).</summary>
    public sealed record Answer(int StatusCode, string Fragment = "") : BadInputExpectation;

    /// <summary>
    /// The input is not read at all: the repository <paramref name="Object"/> was indexed (<c>status_indexed_commit</c>)
    /// and none of its index items names <paramref name="File"/>; that no job came of it the healthy-jobs check shows.
    /// </summary>
    public sealed record Skipped(string Object, string File) : BadInputExpectation;
}
