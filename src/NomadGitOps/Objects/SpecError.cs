namespace NomadGitOps.Objects;

/// <summary>One problem with one spec item, written for the person who edits the object.</summary>
/// <param name="Key">The item key at fault.</param>
/// <param name="Message">What is wrong and what to write instead; names the item.</param>
internal sealed record SpecError(string Key, string Message)
{
    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
