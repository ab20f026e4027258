namespace NomadGitOps.Sources;

/// <summary>Resolves a <see cref="GitReference"/> to a commit with one <c>git ls-remote</c> round trip.</summary>
internal sealed class RefResolver(GitRunner git)
{
    /// <summary>
    /// Asks the remote where the selector points. A pinned commit needs no round trip (its existence is checked
    /// after fetch). Throws <see cref="GitException"/> (<see cref="GitErrorKind.RefNotFound"/> when nothing matches).
    /// </summary>
    public async Task<RemoteRef> ResolveAsync(GitSource source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var selector = source.Ref;
        if (selector.Kind == GitReferenceKind.Commit)
        {
            return new RemoteRef(selector.Value, selector.Value);
        }
        IReadOnlyList<string> arguments = selector.Kind == GitReferenceKind.Branch
            ? ["ls-remote", "--heads", "--", source.Url.Value, $"refs/heads/{selector.Value}"]
            : ["ls-remote", "--tags", "--", source.Url.Value];
        var refs = await ListAsync(source, arguments, ct);
        switch (selector.Kind)
        {
            case GitReferenceKind.Branch:
                return refs.TryGetValue($"refs/heads/{selector.Value}", out var branchCommit)
                    ? new RemoteRef($"refs/heads/{selector.Value}", branchCommit)
                    : throw new GitException(GitErrorKind.RefNotFound,
                        $"branch '{selector.Value}' does not exist on {source.Url}: check the branch name, or whether it was deleted.");
            case GitReferenceKind.Tag:
                return Tag(refs, selector.Value)
                    ?? throw new GitException(GitErrorKind.RefNotFound, $"tag '{selector.Value}' does not exist on {source.Url}: check the tag name.");
            default:
                var range = SemverRange.Parse(selector.Value);
                var tags = refs.Keys
                    .Where(name => !name.EndsWith("^{}", StringComparison.Ordinal))
                    .Select(name => name["refs/tags/".Length..])
                    .ToList();
                var best = range.Highest(tags, SemverVersion.TryParse);
                return best is not null
                    ? Tag(refs, best)!
                    : throw new GitException(GitErrorKind.RefNotFound,
                        $"no tag on {source.Url} matches semver range '{selector.Value}' ({tags.Count} tags seen): push a matching tag or widen the range.");
        }
    }

    private static RemoteRef? Tag(IReadOnlyDictionary<string, string> refs, string tag)
    {
        var name = $"refs/tags/{tag}";
        // An annotated tag appears twice: the tag object, then `^{}` with the commit it peels to.
        if (refs.TryGetValue(name + "^{}", out var peeled))
        {
            return new RemoteRef(name, peeled);
        }
        return refs.TryGetValue(name, out var commit) ? new RemoteRef(name, commit) : null;
    }

    private async Task<IReadOnlyDictionary<string, string>> ListAsync(GitSource source, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        using var auth = GitAuthEnvironment.Create(source.Url, source.Credentials);
        var command = new GitCommand(arguments, source.Timeout) { Environment = auth.Variables, Subject = source.Url.ToString() };
        var result = await git.RunAsync(command, ct);
        if (!result.Succeeded)
        {
            throw GitErrors.FromRemote("ls-remote", source.Url, result, source.Credentials);
        }
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in result.OutputText.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab == 40)
            {
                refs[line[(tab + 1)..].Trim()] = line[..tab];
            }
        }
        return refs;
    }
}
