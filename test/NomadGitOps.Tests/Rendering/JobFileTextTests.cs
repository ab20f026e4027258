using System.Text;
using NomadGitOps.Rendering;
using NomadGitOps.Sources;

namespace NomadGitOps.Tests.Rendering;

public sealed class JobFileTextTests
{
    [Fact]
    public void A_utf8_job_file_reads_as_its_text()
    {
        var bytes = Encoding.UTF8.GetBytes("job \"café\" {}\n");

        JobFileText.Of(Blob("jobs/café.nomad.hcl", bytes)).ShouldBe("job \"café\" {}\n");
    }

    [Fact]
    public void A_latin1_job_file_is_refused_by_name_instead_of_becoming_another_job_id()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("job \"caf"), 0xE9, .. Encoding.ASCII.GetBytes("\" {}\n")];

        var error = Should.Throw<JobFileException>(() => JobFileText.Of(Blob("jobs/latin1.nomad.hcl", bytes)));

        error.Message.ShouldBe("Job file jobs/latin1.nomad.hcl is not UTF-8 text (byte 0xE9 at offset 8): save it as UTF-8.");
    }

    [Fact]
    public void A_job_file_over_one_megabyte_is_refused_with_its_size()
    {
        var bytes = new byte[(int)JobFileText.MaxBytes + 1];
        bytes.AsSpan().Fill((byte)'#');

        var error = Should.Throw<JobFileException>(() => JobFileText.Of(Blob("huge.nomad.hcl", bytes)));

        error.Message.ShouldStartWith("Job file huge.nomad.hcl is 1.0 MB; job files may hold at most 1 MB");
    }

    [Fact]
    public void A_job_file_of_exactly_one_megabyte_is_read()
    {
        var bytes = new byte[(int)JobFileText.MaxBytes];
        bytes.AsSpan().Fill((byte)'#');

        JobFileText.Of(Blob("big.nomad.hcl", bytes)).Length.ShouldBe((int)JobFileText.MaxBytes);
    }

    private static ArtifactBlob Blob(string path, byte[] bytes) => new(new ArtifactFile(path, "0123abcd", bytes.Length), bytes);
}
