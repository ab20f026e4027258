using System.Text.Json.Nodes;

namespace Nomad.Hcl.Tests.Jobspec;

public sealed class FileSystemRootTests : IDisposable
{
    private readonly string _outside = Directory.CreateTempSubdirectory("hcl-fs-outside-").FullName;
    private readonly string _root = Directory.CreateTempSubdirectory("hcl-fs-root-").FullName;

    public FileSystemRootTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "templates", "nested"));
        File.WriteAllText(Path.Combine(_root, "templates", "app.conf"), "port = 8080\n");
        File.WriteAllText(Path.Combine(_root, "templates", "nested", "db.conf"), "db\n");
        File.WriteAllText(Path.Combine(_root, "templates", "notes.txt"), "x");
        File.WriteAllBytes(Path.Combine(_root, "binary.bin"), [0xff, 0xfe, 0x00]);
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "secret");
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    private JobParseResult ParseMeta(string expression) =>
        JobFileParser.Parse($"job \"a\" {{\n  meta = {{ x = {expression} }}\n}}\n", new JobParseOptions { FileSystemRoot = _root });

    private string Meta(string expression)
    {
        var result = ParseMeta(expression);
        result.Errors.ShouldBeEmpty(result.ErrorText);
        return ((JsonObject)result.Job!["Meta"]!)["x"]!.GetValue<string>();
    }

    [Fact]
    public void File_reads_a_file_relative_to_the_root() =>
        Meta("file(\"templates/app.conf\")").ShouldBe("port = 8080\n");

    [Fact]
    public void Relative_paths_start_from_the_base_directory_and_may_climb_to_the_root_but_not_past_it()
    {
        var options = new JobParseOptions { FileSystemRoot = _root, BaseDirectory = "templates" };
        string Read(string expression) =>
            ((JsonObject)JobFileParser.Parse($"job \"a\" {{\n  meta = {{ x = {expression} }}\n}}\n", options).Job!["Meta"]!)["x"]!.GetValue<string>();

        Read("file(\"app.conf\")").ShouldBe("port = 8080\n");
        Read("file(\"nested/db.conf\")").ShouldBe("db\n");
        Read("filebase64(\"../binary.bin\")").ShouldBe("//4A");
        JobFileParser.Parse("job \"a\" {\n  meta = { x = file(\"../../x\") }\n}\n", options).ErrorText.ShouldContain("is outside the file system root");
    }

    [Fact]
    public void Filebase64_reads_bytes_that_are_not_text() =>
        Meta("filebase64(\"binary.bin\")").ShouldBe("//4A");

    [Fact]
    public void File_of_bytes_that_are_not_utf8_fails_pointing_to_filebase64() =>
        ParseMeta("file(\"binary.bin\")").ErrorText.ShouldContain("contents of binary.bin are not valid UTF-8; use the filebase64 function");

    [Fact]
    public void File_of_a_missing_path_names_it() =>
        ParseMeta("file(\"templates/missing.conf\")").ErrorText.ShouldContain("no file exists at templates/missing.conf");

    [Fact]
    public void Fileexists_is_true_for_a_file_false_for_nothing_and_an_error_for_a_directory()
    {
        Meta("fileexists(\"templates/app.conf\")").ShouldBe("true");
        Meta("fileexists(\"templates/none\")").ShouldBe("false");
        ParseMeta("fileexists(\"templates\")").ErrorText.ShouldContain("templates is not a regular file");
    }

    [Fact]
    public void Fileset_matches_single_and_double_star_patterns_relative_to_the_path()
    {
        Meta("join(\",\", fileset(\"templates\", \"*.conf\"))").ShouldBe("app.conf");
        Meta("join(\",\", fileset(\"templates\", \"**/*.conf\"))").ShouldBe("app.conf,nested/db.conf");
        Meta("join(\",\", fileset(\".\", \"templates/n?tes.*\"))").ShouldBe("templates/notes.txt");
    }

    [Fact]
    public void Abspath_basename_and_dirname_work_on_paths()
    {
        Meta("abspath(\"templates/../templates/app.conf\")").ShouldBe(Path.Combine(_root, "templates", "app.conf"));
        Meta("basename(\"templates/app.conf\")").ShouldBe("app.conf");
        Meta("dirname(\"templates/nested/db.conf\")").ShouldBe("templates/nested");
    }

    [Fact]
    public void A_path_climbing_out_of_the_root_is_an_error_naming_it()
    {
        var relative = Path.GetRelativePath(_root, Path.Combine(_outside, "secret.txt"));

        ParseMeta($"file(\"{relative}\")").ErrorText.ShouldContain($"path {relative} is outside the file system root");
        ParseMeta($"file(\"{Path.Combine(_outside, "secret.txt")}\")").ErrorText.ShouldContain("is outside the file system root");
    }

    [Fact]
    public void A_symlink_pointing_out_of_the_root_is_an_error_naming_the_path()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "leak.txt"), Path.Combine(_outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "leakdir"), _outside);

        ParseMeta("file(\"leak.txt\")").ErrorText.ShouldContain("path leak.txt is outside the file system root");
        ParseMeta("file(\"leakdir/secret.txt\")").ErrorText.ShouldContain("path leakdir/secret.txt is outside the file system root");
        Meta("join(\",\", fileset(\".\", \"*.txt\"))").ShouldBe("");
    }

    [Fact]
    public void A_symlink_staying_inside_the_root_is_followed()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "alias.conf"), Path.Combine(_root, "templates", "app.conf"));

        Meta("file(\"alias.conf\")").ShouldBe("port = 8080\n");
    }
}
