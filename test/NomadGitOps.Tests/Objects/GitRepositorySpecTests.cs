using NomadGitOps.Objects;
using NomadGitOps.Sources;

namespace NomadGitOps.Tests.Objects;

public sealed class GitRepositorySpecTests
{
    [Fact]
    public void A_url_alone_gives_the_documented_defaults()
    {
        var result = GitRepositorySpec.Parse(Items.Of("url=https://github.com/org/apps.git"));

        result.IsValid.ShouldBeTrue(result.Describe());
        var spec = result.Spec!;
        spec.Reference.ShouldBe(new GitReference(GitReferenceKind.Branch, "main"));
        spec.Path.ShouldBe(".");
        spec.Include.ToString().ShouldBe(@"\.nomad(\.hcl)?$");
        spec.Exclude.ShouldBeNull();
        spec.Interval.ShouldBe(TimeSpan.FromMinutes(1));
        spec.Timeout.ShouldBe(TimeSpan.FromMinutes(1));
        spec.Secret.ShouldBeNull();
        spec.Suspend.ShouldBeFalse();
        spec.Prune.ShouldBeFalse();
        spec.Namespace.ShouldBeNull();
        spec.VarFiles.ShouldBeEmpty();
    }

    [Fact]
    public void Every_item_is_read_when_all_are_given()
    {
        var result = GitRepositorySpec.Parse(new Dictionary<string, string>
        {
            ["url"] = "git@github.com:org/apps.git",
            ["tag"] = "v1.2.0",
            ["path"] = "./deploy/jobs/",
            ["include"] = @"\.hcl$",
            ["exclude"] = "^drafts/",
            ["interval"] = "1h30m",
            ["timeout"] = "90s",
            ["secret"] = "nomad-gitops/secrets/apps",
            ["suspend"] = "true",
            ["prune"] = "true",
            ["namespace"] = "prod",
            ["variables"] = "image = \"web:1\"\n",
            ["var_files"] = "vars/common.hcl, vars/prod.hcl",
            ["reconcile_requested_at"] = "2026-11-25T17:00:00Z",
            ["description"] = "the apps",
            ["status_ready"] = "True",
        });

        result.IsValid.ShouldBeTrue(result.Describe());
        var spec = result.Spec!;
        spec.Reference.ShouldBe(new GitReference(GitReferenceKind.Tag, "v1.2.0"));
        spec.Path.ShouldBe("deploy/jobs");
        spec.Interval.ShouldBe(TimeSpan.FromMinutes(90));
        spec.Timeout.ShouldBe(TimeSpan.FromSeconds(90));
        spec.Secret.ShouldBe("nomad-gitops/secrets/apps");
        spec.Suspend.ShouldBeTrue();
        spec.Prune.ShouldBeTrue();
        spec.Namespace.ShouldBe("prod");
        spec.Variables.ShouldBe("image = \"web:1\"\n");
        spec.VarFiles.ShouldBe(["vars/common.hcl", "vars/prod.hcl"]);
        spec.JobFiles.Selects("deploy/jobs/web.hcl").ShouldBeTrue();
        spec.JobFiles.Selects("deploy/jobs/drafts/web.hcl").ShouldBeFalse();
        spec.JobFiles.Selects("deploy/jobs/README.md").ShouldBeFalse();
        spec.JobFiles.Selects("web.hcl").ShouldBeFalse("a file outside path is no job file");
    }

    [Theory]
    [InlineData("https", "https://github.com/org/apps.git")]
    [InlineData("http", "http://git.local/apps.git")]
    [InlineData("ssh", "ssh://git@github.com/org/apps.git")]
    [InlineData("scp-like", "git@github.com:org/apps.git")]
    [InlineData("scp-like without user", "github.com:org/apps.git")]
    [InlineData("git daemon", "git://127.0.0.1:9418/apps.git")]
    [InlineData("file", "file:///srv/git/apps.git")]
    [InlineData("absolute local path", "/srv/git/apps.git")]
    [InlineData("a token as user name", "https://ghp_token@github.com/org/apps.git")]
    public void Every_kind_of_url_git_understands_is_accepted(string kind, string url)
    {
        GitRepositorySpec.Parse(Items.Of($"url={url}")).IsValid.ShouldBeTrue(kind);
    }

    [Theory]
    [InlineData("the url is required", "branch=main", "url", "is missing")]
    [InlineData("an unknown key names the nearest known one", "url=https://h/r.git\nbrnach=dev", "brnach", "did you mean \"branch\"")]
    [InlineData("an unknown key far from any known one lists the known ones", "url=https://h/r.git\ncolour=blue", "colour", "known items are")]
    [InlineData("a key in the wrong case is unknown, with a hint", "url=https://h/r.git\nInterval=1m", "Interval", "did you mean \"interval\"")]
    [InlineData("a duration needs Go's syntax", "url=https://h/r.git\ninterval=5 minutes", "interval", "not a duration")]
    [InlineData("a duration needs a unit", "url=https://h/r.git\ninterval=60", "interval", "not a duration")]
    [InlineData("an interval below a second would hammer the server", "url=https://h/r.git\ninterval=10ms", "interval", "below the minimum")]
    [InlineData("a timeout must be a duration", "url=https://h/r.git\ntimeout=soon", "timeout", "not a duration")]
    [InlineData("include must be a regular expression", "url=https://h/r.git\ninclude=(unclosed", "include", "not a valid regular expression")]
    [InlineData("exclude must be a regular expression", "url=https://h/r.git\nexclude=[a-", "exclude", "not a valid regular expression")]
    [InlineData("branch and tag at once", "url=https://h/r.git\nbranch=main\ntag=v1", "tag", "keep exactly one")]
    [InlineData("tag and semver at once", "url=https://h/r.git\ntag=v1\nsemver=>=1.0.0", "semver", "keep exactly one")]
    [InlineData("branch and commit at once", "url=https://h/r.git\nbranch=main\ncommit=0123456789abcdef0123456789abcdef01234567", "commit", "keep exactly one")]
    [InlineData("a commit must be a full SHA", "url=https://h/r.git\ncommit=abc123", "commit", "not a full commit SHA")]
    [InlineData("a branch name must be a valid ref", "url=https://h/r.git\nbranch=feature..x", "branch", "not a valid git ref name")]
    [InlineData("a tag name holds no spaces", "url=https://h/r.git\ntag=v 1", "tag", "not a valid git ref name")]
    [InlineData("path may not climb out of the repository", "url=https://h/r.git\npath=jobs/../../etc", "path", "lead out of the repository")]
    [InlineData("path may not be absolute", "url=https://h/r.git\npath=/etc", "path", "absolute")]
    [InlineData("path may not be a Windows absolute path", "url=https://h/r.git\npath=C:/jobs", "path", "absolute")]
    [InlineData("path uses forward slashes", "url=https://h/r.git\npath=jobs\\prod", "path", "'/'")]
    [InlineData("a var file may not climb out of the repository", "url=https://h/r.git\nvar_files=vars/a.hcl,../secrets.hcl", "var_files", "lead out of the repository")]
    [InlineData("suspend is true or false", "url=https://h/r.git\nsuspend=yes", "suspend", "write true or false")]
    [InlineData("prune is true or false in lowercase", "url=https://h/r.git\nprune=True", "prune", "write true or false")]
    [InlineData("the url scheme must be one git speaks", "url=ftp://h/r.git", "url", "scheme \"ftp\"")]
    [InlineData("a url with a password is refused: credentials go in the secret", "url=https://me:hunter2@h/r.git", "url", "put the credentials in the variable")]
    [InlineData("a relative path is no url", "url=repos/apps", "url", "not a URL git understands")]
    [InlineData("a url holds no spaces", "url=https://h/my repo.git", "url", "space")]
    [InlineData("a url names a host", "url=https:///r.git", "url", "")]
    [InlineData("secret is a variable path", "url=https://h/r.git\nsecret=secrets/my.creds", "secret", "not a variable path")]
    [InlineData("namespace is a Nomad namespace name", "url=https://h/r.git\nnamespace=prod_eu", "namespace", "not a Nomad namespace name")]
    public void Invalid_items_are_reported_with_a_sentence(string why, string lines, string key, string messageFragment)
    {
        var result = GitRepositorySpec.Parse(Items.Of(lines));

        result.IsValid.ShouldBeFalse(why);
        result.Spec.ShouldBeNull();
        var error = result.Errors.ShouldHaveSingleItem(why);
        error.Key.ShouldBe(key, why);
        error.Message.ShouldContain(messageFragment, Case.Sensitive, why);
        error.Message.ShouldContain($"\"{key}\"", Case.Sensitive, "the message names the item");
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var result = GitRepositorySpec.Parse(Items.Of("interval=x\nsuspend=maybe\nbrnach=main"));

        result.Errors.Select(e => e.Key).ShouldBe(["brnach", "url", "interval", "suspend"], ignoreOrder: true);
        result.Describe().ShouldContain("; ");
    }

    [Fact]
    public void A_password_in_the_url_never_reaches_the_error_message()
    {
        var result = GitRepositorySpec.Parse(Items.Of("url=https://me:hunter2@h/r.git"));

        result.Describe().ShouldNotContain("hunter2");
    }

    [Fact]
    public void Status_items_are_not_spec_and_never_unknown()
    {
        var result = GitRepositorySpec.Parse(Items.Of("url=https://h/r.git\nstatus_anything=1\nstatus_ready=True"));

        result.IsValid.ShouldBeTrue(result.Describe());
    }

    [Fact]
    public void A_commit_is_stored_in_lowercase()
    {
        var result = GitRepositorySpec.Parse(Items.Of("url=https://h/r.git\ncommit=0123456789ABCDEF0123456789ABCDEF01234567"));

        result.Spec!.Reference.ShouldBe(new GitReference(GitReferenceKind.Commit, "0123456789abcdef0123456789abcdef01234567"));
    }

    [Fact]
    public void Blank_items_count_as_absent()
    {
        var result = GitRepositorySpec.Parse(Items.Of("url=https://h/r.git\nbranch=\ntag=  \ninterval="));

        result.IsValid.ShouldBeTrue(result.Describe());
        result.Spec!.Reference.ShouldBe(GitReference.DefaultBranch);
        result.Spec.Interval.ShouldBe(GitRepositorySpec.DefaultInterval);
    }
}
