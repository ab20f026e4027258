using System.Text;

namespace NomadGitOps.Sources;

/// <summary>A file's content at a commit.</summary>
/// <param name="File">Which file.</param>
/// <param name="Content">Its bytes.</param>
internal sealed record ArtifactBlob(ArtifactFile File, ReadOnlyMemory<byte> Content)
{
    /// <summary>The content as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Content.Span);
}
