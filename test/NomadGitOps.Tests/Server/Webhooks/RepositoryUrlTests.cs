using NomadGitOps.Server.Webhooks;

namespace NomadGitOps.Tests.Server.Webhooks;

public sealed class RepositoryUrlTests
{
    [Theory]
    [InlineData("https and scp-like are one repository", "https://github.com/acme/apps.git", "git@github.com:acme/apps.git")]
    [InlineData("the user is ignored", "https://deploy@github.com/acme/apps", "https://github.com/acme/apps")]
    [InlineData("the host ignores case", "https://GitHub.COM/acme/apps", "https://github.com/acme/apps")]
    [InlineData("the path ignores case", "https://github.com/Acme/Apps", "https://github.com/acme/apps")]
    [InlineData("a trailing slash is ignored", "https://github.com/acme/apps/", "https://github.com/acme/apps")]
    [InlineData("a trailing .git is ignored", "https://github.com/acme/apps.git", "https://github.com/acme/apps")]
    [InlineData("an ssh port is ignored", "ssh://git@git.example.com:2222/platform/apps.git", "https://git.example.com/platform/apps")]
    [InlineData("ssh and git schemes are one repository", "git://github.com/acme/apps.git", "ssh://git@github.com/acme/apps")]
    [InlineData("http and https are one repository", "http://gitlab.example.com/platform/apps", "https://gitlab.example.com/platform/apps.git")]
    [InlineData("https's default port is implied", "https://github.com:443/acme/apps", "https://github.com/acme/apps")]
    [InlineData("a file URL and its path are one repository", "file:///srv/git/apps.git", "/srv/git/apps")]
    public void Urls_that_name_one_repository_match(string because, string a, string b)
    {
        RepositoryUrl.SameRepository(a, b).ShouldBeTrue(because);
        RepositoryUrl.SameRepository(b, a).ShouldBeTrue(because);
    }

    [Theory]
    [InlineData("another repository", "https://github.com/acme/apps", "https://github.com/acme/infra")]
    [InlineData("another owner", "https://github.com/acme/apps", "https://github.com/other/apps")]
    [InlineData("another host", "https://github.com/acme/apps", "https://gitlab.com/acme/apps")]
    [InlineData("another https port", "https://git.example.com:8443/acme/apps", "https://git.example.com/acme/apps")]
    [InlineData("a longer path", "https://github.com/acme/apps", "https://github.com/acme/apps/sub")]
    [InlineData("nothing at all", "", "https://github.com/acme/apps")]
    [InlineData("no URL", "not a url", "https://github.com/acme/apps")]
    public void Urls_of_different_repositories_do_not_match(string because, string a, string b)
    {
        RepositoryUrl.SameRepository(a, b).ShouldBeFalse(because);
    }
}
