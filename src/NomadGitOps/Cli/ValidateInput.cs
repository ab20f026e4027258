using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>Everything <c>nomad-gitops validate</c> checks a directory with, already checked for usage errors.</summary>
/// <param name="Directory">The checkout's root (absolute): job files are found below it and filesystem functions may read only inside it.</param>
/// <param name="Spec">
/// The GitRepository settings the controller would index with: <c>path</c>, <c>include</c>, <c>exclude</c>,
/// <c>namespace</c> and <c>variables</c> are used (its <c>var_files</c> are already in <paramref name="VarFiles"/>).
/// </param>
/// <param name="VarFiles">The var files in order: the spec's <c>var_files</c>, then those of <c>--var-file</c>.</param>
/// <param name="Variables">The <c>--var name=value</c> pairs.</param>
internal sealed record ValidateInput(
    string Directory,
    GitRepositorySpec Spec,
    IReadOnlyList<ValidateVarFile> VarFiles,
    IReadOnlyDictionary<string, string> Variables);
