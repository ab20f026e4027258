using System.Globalization;
using System.Text;
using NomadGitOps.Sources;

namespace NomadGitOps.Rendering;

/// <summary>
/// The text of a job file as both controllers read it: UTF-8 (Nomad's HCL parser reads nothing else; a file in another
/// encoding would otherwise turn into a different job ID, its bad bytes replaced) and at most <see cref="MaxBytes"/>.
/// </summary>
internal static class JobFileText
{
    /// <summary>
    /// The largest job file read: Nomad's default <c>job_max_source_size</c> (1 MB, <c>nomad/config.go</c>), above which
    /// Nomad discards a job's source. A larger file is no job file a person wrote.
    /// </summary>
    public const long MaxBytes = 1_000_000;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text; <see cref="JobFileException"/> naming the file when it is too large or not UTF-8.</summary>
    public static string Of(ArtifactBlob blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var size = Math.Max(blob.File.Size, blob.Content.Length);
        if (size > MaxBytes)
        {
            throw new JobFileException(string.Create(CultureInfo.InvariantCulture,
                $"Job file {blob.File.Path} is {size / 1_000_000.0:0.0} MB; job files may hold at most 1 MB (Nomad discards a job source over its job_max_source_size): move the data out of the file."));
        }

        try
        {
            return Strict.GetString(blob.Content.Span);
        }
        catch (DecoderFallbackException e)
        {
            throw new JobFileException(string.Create(CultureInfo.InvariantCulture,
                $"Job file {blob.File.Path} is not UTF-8 text (byte 0x{(e.BytesUnknown is { Length: > 0 } b ? b[0] : 0):X2} at offset {e.Index}): save it as UTF-8."));
        }
    }
}
