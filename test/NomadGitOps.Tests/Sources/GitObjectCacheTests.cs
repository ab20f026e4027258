using NomadGitOps.Sources;

namespace NomadGitOps.Tests.Sources;

public sealed class GitObjectCacheTests
{
    [Fact]
    public async Task Trees_are_kept_up_to_a_number_of_files_so_a_monorepo_s_old_commits_are_dropped_first()
    {
        var cache = new GitObjectCache();
        var loads = new Dictionary<string, int>(StringComparer.Ordinal);
        Task<CommitTree> Load(string commit, int files)
        {
            loads[commit] = loads.GetValueOrDefault(commit) + 1;
            var all = Enumerable.Range(0, files).Select(i => new ArtifactFile($"jobs/{i}.hcl", $"{commit}-{i}", 1)).ToList();
            return Task.FromResult(new CommitTree(all.ToDictionary(f => f.Path, StringComparer.Ordinal), all));
        }

        // Three trees of 40% of the bound each: the third pushes the first (least recently used) out.
        var files = GitObjectCache.MaxTreeFiles * 2 / 5;
        await cache.TreeAsync("/repo", "c1", () => Load("c1", files));
        await cache.TreeAsync("/repo", "c2", () => Load("c2", files));
        await cache.TreeAsync("/repo", "c3", () => Load("c3", files));
        await cache.TreeAsync("/repo", "c2", () => Load("c2", files));
        await cache.TreeAsync("/repo", "c3", () => Load("c3", files));
        await cache.TreeAsync("/repo", "c1", () => Load("c1", files));

        loads["c1"].ShouldBe(2);
        loads["c2"].ShouldBe(1);
        loads["c3"].ShouldBe(1);
    }

    [Fact]
    public async Task The_most_recent_tree_is_kept_however_many_files_it_lists()
    {
        var cache = new GitObjectCache();
        var loads = 0;
        Task<CommitTree> Load()
        {
            loads++;
            var all = Enumerable.Range(0, GitObjectCache.MaxTreeFiles + 10).Select(i => new ArtifactFile($"jobs/{i}.hcl", $"b{i}", 1)).ToList();
            return Task.FromResult(new CommitTree(all.ToDictionary(f => f.Path, StringComparer.Ordinal), all));
        }

        await cache.TreeAsync("/big", "c1", Load);
        (await cache.TreeAsync("/big", "c1", Load)).RegularFiles.Count.ShouldBe(GitObjectCache.MaxTreeFiles + 10);

        loads.ShouldBe(1);
    }
}
