namespace NomadGitOps.Objects;

/// <summary>What one <see cref="ObjectCommands"/> action did.</summary>
internal enum ObjectCommandOutcome
{
    /// <summary>The variable was written (or deleted, for a lifted controller pause).</summary>
    Written,

    /// <summary>The variable already said so; nothing was written.</summary>
    Unchanged,

    /// <summary>The object does not exist; nothing was written.</summary>
    NotFound,
}
