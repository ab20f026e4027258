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
    [InlineData("a GitLab subgroup over https and ssh with a port", "https://gitlab.example.com/platform/payments/apps", "ssh://git@gitlab.example.com:2222/platform/payments/apps.git")]
    [InlineData("scp-like without a user", "github.com:acme/apps", "https://github.com/acme/apps")]
    [InlineData("git+ssh is ssh", "git+ssh://git@github.com/acme/apps.git", "https://github.com/acme/apps")]
    [InlineData("git's default port is implied", "git://github.com:9418/acme/apps", "git://github.com/acme/apps.git")]
    [InlineData("a user and password are ignored", "https://jane:app-password@bitbucket.org/acme/apps.git", "git@bitbucket.org:acme/apps.git")]
    [InlineData("an escaped path is its text", "https://bitbucket.example.com/scm/%7Ejane/apps.git", "https://bitbucket.example.com/scm/~jane/apps")]
    [InlineData("a Bitbucket Server ssh port is ignored", "ssh://git@bitbucket.example.com:7999/plat/apps.git", "git@bitbucket.example.com:plat/apps")]
    [InlineData("surrounding blanks are ignored", " https://github.com/acme/apps.git\n", "https://github.com/acme/apps")]
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
    [InlineData("another GitLab subgroup", "https://gitlab.example.com/platform/payments/apps", "https://gitlab.example.com/platform/apps")]
    [InlineData("Bitbucket Server's http path keeps its /scm/ (the payload sends both links)", "https://bitbucket.example.com/scm/plat/apps.git", "ssh://git@bitbucket.example.com:7999/plat/apps.git")]
    [InlineData("another http port", "http://gitea.local:3000/acme/apps", "http://gitea.local/acme/apps")]
    [InlineData("nothing at all", "", "https://github.com/acme/apps")]
    [InlineData("no URL", "not a url", "https://github.com/acme/apps")]
    public void Urls_of_different_repositories_do_not_match(string because, string a, string b)
    {
        RepositoryUrl.SameRepository(a, b).ShouldBeFalse(because);
    }
}
