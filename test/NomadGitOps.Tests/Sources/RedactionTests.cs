using NomadGitOps.Sources;

namespace NomadGitOps.Tests.Sources;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("user and password in an https url", "fatal: unable to access 'https://bob:hunter2@git.example.com/x.git/'", "https://***@git.example.com/x.git/")]
    [InlineData("a token alone in an http url", "see http://ghp_abcdef0123@host/x", "http://***@host/x")]
    [InlineData("a password in an ssh url", "ssh://git:pw@host/x", "ssh://git:***@host/x")]
    [InlineData("an authorization header", "Authorization: Basic Ym9iOmh1bnRlcjI=", "Authorization: Basic ***")]
    public void Redact_strips_credentials_from_urls_and_headers(string why, string text, string expected)
    {
        var redacted = Redaction.Redact(text);

        redacted.ShouldContain(expected, Case.Sensitive, why);
    }

    [Fact]
    public void Redact_keeps_an_ssh_user_name_which_is_no_secret()
    {
        Redaction.Redact("ssh://git@host/x.git").ShouldBe("ssh://git@host/x.git");
    }

    [Fact]
    public void Redact_removes_given_secret_values_wherever_they_appear()
    {
        var credentials = new GitCredentials(Username: "bob", Token: "s3cr3t-token-value");

        var redacted = Redaction.Redact("the server said s3cr3t-token-value is wrong", credentials.SecretValues());

        redacted.ShouldBe("the server said *** is wrong");
    }

    [Fact]
    public void Credentials_print_which_kinds_are_set_and_never_a_value()
    {
        var credentials = new GitCredentials("bob", "hunter2", "tok-123", "-----BEGIN KEY-----", "host ssh-ed25519 AAAA");

        var text = $"{credentials} {new GitSource(GitUrl.Parse("https://h/x"), GitReference.DefaultBranch, credentials, TimeSpan.FromSeconds(1))}";

        text.ShouldNotContain("hunter2");
        text.ShouldNotContain("tok-123");
        text.ShouldNotContain("BEGIN KEY");
        text.ShouldContain("password");
    }

    [Fact]
    public void Credentials_are_read_from_the_secret_variable_items_and_empty_items_count_as_unset()
    {
        var items = new Dictionary<string, string> { ["username"] = "bob", ["token"] = "t-1", ["password"] = "", ["other"] = "x" };

        var credentials = GitCredentials.FromSecretItems(items);

        credentials.ShouldBe(new GitCredentials(Username: "bob", Token: "t-1"));
    }
}
