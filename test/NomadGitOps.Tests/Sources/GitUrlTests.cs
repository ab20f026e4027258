using NomadGitOps.Sources;

namespace NomadGitOps.Tests.Sources;

public sealed class GitUrlTests
{
    [Theory]
    [InlineData("https://github.com/o/r.git", "Https")]
    [InlineData("http://127.0.0.1:8080/r.git", "Http")]
    [InlineData("ssh://git@github.com/o/r.git", "Ssh")]
    [InlineData("git@github.com:o/r.git", "Ssh")]
    [InlineData("git@github.com:/srv/r.git", "Ssh")]
    [InlineData("git://127.0.0.1/r.git", "Git")]
    [InlineData("file:///srv/r.git", "File")]
    [InlineData("/srv/r.git", "File")]
    public void Parse_recognises_each_transport(string url, string transport)
    {
        GitUrl.Parse(url).Transport.ShouldBe(Enum.Parse<GitTransport>(transport));
    }

    [Fact]
    public void Parse_drops_user_info_from_an_https_url_and_the_cache_key_never_shows_it()
    {
        var withCredentials = GitUrl.Parse("https://bob:hunter2@git.example.com/x.git");
        var plain = GitUrl.Parse("https://git.example.com/x.git");

        withCredentials.Value.ShouldBe("https://git.example.com/x.git");
        withCredentials.CacheKey().ShouldBe(plain.CacheKey());
        withCredentials.CacheKey().ShouldNotContain("hunter2");
        withCredentials.CacheKey().Length.ShouldBe(32);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ftp://host/x")]
    [InlineData("just-a-name")]
    [InlineData("ext::sh -c touch% /tmp/pwned")]
    [InlineData("ext::touch%20/tmp/pwned")]
    public void Parse_rejects_what_git_would_not_understand_with_an_invalid_spec_error(string url)
    {
        Should.Throw<GitException>(() => GitUrl.Parse(url)).Kind.ShouldBe(GitErrorKind.InvalidSpec);
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("jobs/../../etc")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\x")]
    public void A_path_escaping_the_repository_root_is_rejected(string path)
    {
        var error = Should.Throw<GitException>(() => RepoPath.Normalize(path));

        error.Kind.ShouldBe(GitErrorKind.PathEscapesRepository);
        error.Message.ShouldContain(path);
    }

    [Theory]
    [InlineData(".", "")]
    [InlineData("", "")]
    [InlineData("./jobs/", "jobs")]
    [InlineData("jobs/a/../b", "jobs/b")]
    public void A_path_inside_the_repository_is_normalized(string path, string expected)
    {
        RepoPath.Normalize(path).ShouldBe(expected);
    }

    [Theory]
    [InlineData("main:other")]
    [InlineData("-upload-pack")]
    [InlineData("a..b")]
    [InlineData("feat*")]
    [InlineData("has space")]
    public void A_branch_or_tag_name_git_would_refuse_is_an_invalid_spec_error(string name)
    {
        Should.Throw<GitException>(() => GitReference.Branch(name)).Kind.ShouldBe(GitErrorKind.InvalidSpec);
        Should.Throw<GitException>(() => GitReference.Tag(name)).Kind.ShouldBe(GitErrorKind.InvalidSpec);
    }

    [Theory]
    [InlineData("main")]
    [InlineData("release/1.x")]
    [InlineData("v1.2.3-rc.1")]
    public void Ordinary_branch_and_tag_names_are_accepted(string name)
    {
        GitReference.Branch(name).Value.ShouldBe(name);
    }
}
