using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Objects;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("user and password on https", "clone https://me:hunter2@git.local/a.git failed", "clone https://***@git.local/a.git failed")]
    [InlineData("a token as user name on https", "GET https://ghp_abc123@github.com/o/r", "GET https://***@github.com/o/r")]
    [InlineData("a password on ssh keeps the user", "ssh://git:pw@host/r.git", "ssh://git:***@host/r.git")]
    [InlineData("a user alone on ssh is no secret", "ssh://git@host/r.git", "ssh://git@host/r.git")]
    [InlineData("a url without credentials is unchanged", "https://host:8443/r.git", "https://host:8443/r.git")]
    [InlineData("several urls in one message", "a http://u:p@x/ b https://t@y/", "a http://***@x/ b https://***@y/")]
    [InlineData("a basic authorization header", "Authorization: Basic dXNlcjpwYXNz", "Authorization: Basic ***")]
    [InlineData("a bearer authorization header", "authorization=Bearer eyJhbGciOi.x.y done", "authorization=Bearer *** done")]
    public void Credentials_in_urls_and_headers_are_redacted(string why, string text, string expected)
    {
        SecretRedactor.UrlsOnly.Redact(text).ShouldBe(expected, why);
    }

    [Fact]
    public void Known_secret_values_are_redacted_anywhere_in_a_message()
    {
        var redactor = new SecretRedactor(["s3cr3t-token", "hunter2"]);

        redactor.Redact("auth with s3cr3t-token failed; password hunter2 refused")
            .ShouldBe("auth with *** failed; password *** refused");
    }

    [Fact]
    public void Lines_of_a_private_key_are_redacted_even_when_they_appear_alone()
    {
        const string key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n";
        var redactor = new SecretRedactor([key]);

        redactor.Redact("bad key line b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ here").ShouldBe("bad key line *** here");
    }

    [Fact]
    public void Very_short_or_blank_values_are_not_searched_for()
    {
        var redactor = new SecretRedactor(["", "  ", "ab"]);

        redactor.Redact("ab cd").ShouldBe("ab cd");
    }

    [Fact]
    public void With_adds_secrets_to_those_already_known()
    {
        var redactor = new SecretRedactor(["first-secret"]).With(["second-secret"]);

        redactor.Redact("first-secret second-secret").ShouldBe("*** ***");
    }
}
