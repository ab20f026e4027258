using NomadGitOps.Objects;
using NomadGitOps.Sources;

namespace NomadGitOps.Server.Webhooks;

/// <summary>
/// Decides which GitRepositories a push concerns: the same repository (<see cref="RepositoryUrl"/>) and a ref it
/// follows. A <c>branch</c> repository matches a push to <c>refs/heads/&lt;branch&gt;</c>; one with no <c>branch</c> item
/// (which follows <c>main</c>) matches a push to <c>main</c> or to the payload's default branch; a <c>tag</c> one a push of
/// that tag; a <c>semver</c> one a push of a tag in its range; a pinned <c>commit</c> never. Deleted refs match nothing.
/// </summary>
internal static class PushMatcher
{
    /// <summary>The names of the GitRepositories among <paramref name="repositories"/> that <paramref name="push"/> should reconcile, sorted.</summary>
    public static IReadOnlyList<string> Match(PushEvent push, ReceiverSpec receiver, IEnumerable<StoredObject> repositories)
    {
        ArgumentNullException.ThrowIfNull(push);
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(repositories);
        var matched = new List<string>();
        foreach (var repository in repositories.Where(r => r.Key.Kind == ObjectKind.GitRepository && receiver.MayTrigger(r.Key.Name)))
        {
            if (GitRepositorySpec.Parse(repository.Items).Spec is not { } spec || spec.Reference.Kind == GitReferenceKind.Commit)
            {
                continue;
            }

            if (push.AnyRepository
                ? push.Changes.Count == 0 || push.Changes.Any(c => Follows(spec, repository.Items, c, push.DefaultBranch))
                : push.Urls.Any(u => RepositoryUrl.SameRepository(u, spec.Url))
                  && (push.Changes.Count == 0 || push.Changes.Any(c => Follows(spec, repository.Items, c, push.DefaultBranch))))
            {
                matched.Add(repository.Key.Name);
            }
        }

        matched.Sort(StringComparer.Ordinal);
        return matched;
    }

    /// <summary>True when a GitRepository with <paramref name="spec"/> follows the ref <paramref name="change"/> moved.</summary>
    public static bool Follows(GitRepositorySpec spec, IReadOnlyDictionary<string, string> items, RefChange change, string? defaultBranch)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(change);
        if (change.Deleted)
        {
            return false;
        }

        var reference = spec.Reference;
        switch (reference.Kind)
        {
            case GitReferenceKind.Branch when change.Branch is { } branch:
                var explicitBranch = items.TryGetValue(ItemKeys.Branch, out var written) && !string.IsNullOrWhiteSpace(written);
                return branch == reference.Value || (!explicitBranch && branch == defaultBranch);
            case GitReferenceKind.Tag when change.Tag is { } tag:
                return tag == reference.Value;
            case GitReferenceKind.Semver when change.Tag is { } tag:
                return SemverVersion.TryParse(tag) is { } version && TryRange(reference.Value) is { } range && range.Contains(version);
            default:
                return false;
        }
    }

    private static SemverRange? TryRange(string text)
    {
        try
        {
            return SemverRange.Parse(text);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (GitException)
        {
            return null;
        }
    }
}
