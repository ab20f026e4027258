namespace NomadGitOps.Cli;

/// <summary>A var file the job files are rendered with.</summary>
/// <param name="Name">Its name in messages: the path as given.</param>
/// <param name="Text">Its text; null when it does not exist (a <c>var_files</c> entry missing from the checkout).</param>
internal sealed record ValidateVarFile(string Name, string? Text);
