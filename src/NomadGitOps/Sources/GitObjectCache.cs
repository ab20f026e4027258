namespace NomadGitOps.Sources;

/// <summary>
/// What the readers of a commit share, so reading one file costs no work proportional to the repository: the tree of
/// each commit (every blob's path, id, size and whether it is a regular file, from one <c>git ls-tree -r</c> per
/// commit) and the content of recently read blobs by id (equal id, equal bytes, whatever the repository). The index
/// lists a commit once; each NomadJob then finds its file there and its text among the blobs the index read, with no
/// git process. Both are bounded, dropping the least recently used: trees by the files they list (<see cref="MaxTreeFiles"/>
/// in all, so a monorepo's commits do not pile up: one tree of 4,000 files takes about 1 MB; the most recent tree is
/// always kept) and blobs by <see cref="MaxBlobBytes"/> of content.
/// </summary>
internal sealed class GitObjectCache
{
    /// <summary>How many files the kept trees list in all.</summary>
    public const int MaxTreeFiles = 32 * 1024;

    /// <summary>How many bytes of blob content are kept.</summary>
    public const long MaxBlobBytes = 8L * 1024 * 1024;

    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<TreeEntry>> trees = new(StringComparer.Ordinal);
    private readonly LinkedList<TreeEntry> treeOrder = new();
    private readonly Dictionary<string, LinkedListNode<(string Id, byte[] Content)>> blobs = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Id, byte[] Content)> blobOrder = new();
    private long blobBytes;
    private long treeFiles;

    /// <summary>
    /// The tree of <paramref name="commit"/> in <paramref name="directory"/>: cached, or loaded by
    /// <paramref name="load"/> once however many readers ask at the same time (a failed load is not kept).
    /// </summary>
    public async Task<CommitTree> TreeAsync(string directory, string commit, Func<Task<CommitTree>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var key = directory + "\0" + commit;
        Task<CommitTree> task;
        var loaded = false;
        lock (gate)
        {
            if (trees.TryGetValue(key, out var node))
            {
                treeOrder.Remove(node);
                treeOrder.AddFirst(node);
                task = node.Value.Tree;
            }
            else
            {
                task = load();
                trees[key] = treeOrder.AddFirst(new TreeEntry(key, task));
                loaded = true;
            }
        }

        try
        {
            var tree = await task.ConfigureAwait(false);
            if (loaded)
            {
                Count(key, task, Math.Max(1, tree.Blobs.Count));
            }

            return tree;
        }
        catch
        {
            lock (gate)
            {
                if (trees.TryGetValue(key, out var node) && node.Value.Tree == task)
                {
                    trees.Remove(key);
                    treeOrder.Remove(node);
                }
            }

            throw;
        }
    }

    // Adds a loaded tree's files to the count (while it is still kept) and drops the least recently used trees above the
    // bound; trees still loading count nothing yet and are never dropped here.
    private void Count(string key, Task<CommitTree> task, int files)
    {
        lock (gate)
        {
            if (!trees.TryGetValue(key, out var kept) || kept.Value.Tree != task)
            {
                return;
            }

            kept.Value.Files = files;
            treeFiles += files;
            var node = treeOrder.Last;
            while (treeFiles > MaxTreeFiles && node is not null && node != treeOrder.First)
            {
                var previous = node.Previous;
                if (node.Value.Files > 0)
                {
                    treeFiles -= node.Value.Files;
                    trees.Remove(node.Value.Key);
                    treeOrder.Remove(node);
                }

                node = previous;
            }
        }
    }

    /// <summary>The content of blob <paramref name="blobId"/> when kept; null otherwise.</summary>
    public byte[]? FindBlob(string blobId)
    {
        lock (gate)
        {
            if (!blobs.TryGetValue(blobId, out var node))
            {
                return null;
            }

            blobOrder.Remove(node);
            blobOrder.AddFirst(node);
            return node.Value.Content;
        }
    }

    /// <summary>Keeps the content of a blob just read (a blob larger than a sixteenth of the budget is not kept).</summary>
    public void KeepBlob(string blobId, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxBlobBytes / 16)
        {
            return;
        }

        lock (gate)
        {
            if (blobs.ContainsKey(blobId))
            {
                return;
            }

            blobs[blobId] = blobOrder.AddFirst((blobId, content));
            blobBytes += content.Length;
            while (blobBytes > MaxBlobBytes && blobOrder.Last is { } last)
            {
                blobs.Remove(last.Value.Id);
                blobBytes -= last.Value.Content.Length;
                blobOrder.RemoveLast();
            }
        }
    }

    /// <summary>A kept tree: loaded once, counted by its files once loaded (0 while loading).</summary>
    private sealed class TreeEntry(string key, Task<CommitTree> tree)
    {
        public string Key { get; } = key;

        public Task<CommitTree> Tree { get; } = tree;

        public int Files { get; set; }
    }
}
