using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Objects;

public sealed class PathEscapingTests
{
    [Theory]
    [InlineData("web", "web")]
    [InlineData("my-job_2", "my-job_2")]
    [InlineData("web.api", "web~2eapi")]
    [InlineData("a~b", "a~7eb")]
    [InlineData("batch/periodic-1700000000", "batch~2fperiodic-1700000000")]
    [InlineData("café", "caf~c3~a9")]
    public void Escaping_gives_the_documented_form(string text, string escaped)
    {
        PathEscaping.Escape(text).ShouldBe(escaped);
        PathEscaping.TryUnescape(escaped, out var back).ShouldBeTrue();
        back.ShouldBe(text);
    }

    [Fact]
    public void Escaping_round_trips_and_stays_in_nomads_path_alphabet_for_many_random_texts()
    {
        var random = new Random(4242);
        for (var i = 0; i < 3_000; i++)
        {
            var text = RandomText.Next(random, i % 10 == 0 ? 500 : 40);
            var escaped = PathEscaping.Escape(text);

            escaped.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '~', $"escaped form of {text}");
            PathEscaping.TryUnescape(escaped, out var back).ShouldBeTrue(text);
            back.ShouldBe(text);
        }
    }

    [Theory]
    [InlineData("a stray dot is not an escaped form", "web.api")]
    [InlineData("uppercase hex is not the canonical form", "web~2Eapi")]
    [InlineData("an escape needs two hex digits", "web~2")]
    [InlineData("an escape at the very end needs its digits", "web~")]
    [InlineData("a needless escape of a plain letter is not canonical", "~41")]
    [InlineData("the hash marker is not an escape", "web~h0123")]
    [InlineData("invalid UTF-8 is refused", "~c3")]
    [InlineData("a slash never appears in one segment", "a/b")]
    public void Unescaping_refuses_what_escaping_never_produces(string why, string segment)
    {
        PathEscaping.TryUnescape(segment, out _).ShouldBeFalse(why);
    }

    [Fact]
    public void Escaping_refuses_a_lone_surrogate()
    {
        Should.Throw<ArgumentException>(() => PathEscaping.Escape("a\ud800b"));
    }
}
