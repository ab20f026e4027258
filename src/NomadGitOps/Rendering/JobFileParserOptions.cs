namespace NomadGitOps.Rendering;

/// <summary>Settings of the <see cref="JobFileParser"/>.</summary>
internal sealed record JobFileParserOptions
{
    /// <summary>Where HCL2 files that read no other file are parsed (<c>NOMAD_GITOPS_PARSE_ON</c>, default <c>local</c>).</summary>
    public ParseOn ParseOn { get; init; } = ParseOn.Local;
}
