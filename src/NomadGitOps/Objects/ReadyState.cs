namespace NomadGitOps.Objects;

/// <summary>The value of <c>status_ready</c>, as Flux's Ready condition.</summary>
internal enum ReadyState
{
    /// <summary>Not reconciled yet, or waiting on something else (<c>Unknown</c>).</summary>
    Unknown,

    /// <summary>The object is in the state its spec asks for (<c>True</c>).</summary>
    True,

    /// <summary>The last reconcile failed or a person must act (<c>False</c>).</summary>
    False,
}
