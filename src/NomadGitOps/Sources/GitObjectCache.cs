namespace NomadGitOps.Sources;

/// <summary>
/// What the readers of a commit share, so reading one file costs no work proportional to the repository: the tree of
/// each commit (every blob's path, id, size and whether it is a regular file, from one <c>git ls-tree -r</c> per
/// commit) and the content of recently read blobs by id (equal id, equal bytes, whatever the repository). The index
/// lists a commit once; each NomadJob then finds its file there and its text among the blobs the index read, with no
/// git process. Both are bounded: the <see cref="MaxTrees"/> most recently used trees and <see cref="MaxBlobBytes"/>
/// of blob content, dropping the least recently used.
/// </summary>
internal sealed class GitObjectCache
{
    /// <summary>How many commits' trees are kept.</summary>
    public const int MaxTrees = 512;

    /// <summary>How many bytes of blob content are kept.</summary>
    public const long MaxBlobBytes = 16L * 1024 * 1024;

    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, Task<CommitTree> Tree)>> trees = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, Task<CommitTree> Tree)> treeOrder = new();
    private readonly Dictionary<string, LinkedListNode<(string Id, byte[] Content)>> blobs = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Id, byte[] Content)> blobOrder = new();
    private long blobBytes;

    /// <summary>
    /// The tree of <paramref name="commit"/> in <paramref name="directory"/>: cached, or loaded by
    /// <paramref name="load"/> once however many readers ask at the same time (a failed load is not kept).
    /// </summary>
    public async Task<CommitTree> TreeAsync(string directory, string commit, Func<Task<CommitTree>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var key = directory + "\0" + commit;
        Task<CommitTree> task;
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
                trees[key] = treeOrder.AddFirst((key, task));
                while (trees.Count > MaxTrees)
                {
                    trees.Remove(treeOrder.Last!.Value.Key);
                    treeOrder.RemoveLast();
                }
            }
        }

        try
        {
            return await task.ConfigureAwait(false);
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
}
