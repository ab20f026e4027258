using NomadGitOps.Sources;

namespace NomadGitOps.Tests.Sources;

public sealed class SemverRangeTests
{
    [Theory]
    [InlineData("a lower and an upper bound include the lower", ">=1.2.0 <2.0.0", "1.2.0", true)]
    [InlineData("a lower and an upper bound exclude the upper", ">=1.2.0 <2.0.0", "2.0.0", false)]
    [InlineData("a lower and an upper bound exclude below", ">=1.2.0 <2.0.0", "1.1.9", false)]
    [InlineData("operators may be followed by a space", ">= 1.2.0 < 2.0.0", "1.9.9", true)]
    [InlineData("caret keeps the major", "^1.2", "1.9.0", true)]
    [InlineData("caret stops at the next major", "^1.2", "2.0.0", false)]
    [InlineData("caret starts at its version", "^1.2", "1.1.9", false)]
    [InlineData("caret on 0.x keeps the minor", "^0.2.3", "0.2.9", true)]
    [InlineData("caret on 0.x stops at the next minor", "^0.2.3", "0.3.0", false)]
    [InlineData("tilde keeps the minor", "~1.2.3", "1.2.9", true)]
    [InlineData("tilde stops at the next minor", "~1.2.3", "1.3.0", false)]
    [InlineData("tilde starts at its patch", "~1.2.3", "1.2.2", false)]
    [InlineData("x wildcard keeps the major", "1.x", "1.99.0", true)]
    [InlineData("x wildcard excludes other majors", "1.x", "2.0.0", false)]
    [InlineData("star matches any release", "*", "7.3.1", true)]
    [InlineData("star excludes pre-releases", "*", "7.3.1-rc.1", false)]
    [InlineData("a range without a pre-release excludes pre-releases", ">=1.0.0", "1.5.0-beta", false)]
    [InlineData("a range naming a pre-release includes pre-releases", ">=1.5.0-alpha", "1.5.0-beta", true)]
    [InlineData("a pre-release is below its release", "<1.5.0-rc.2 >=1.5.0-rc.1", "1.5.0-rc.1", true)]
    [InlineData("an exact version matches only itself", "1.2.3", "1.2.4", false)]
    [InlineData("or picks either side", "1.x || >=3.0.0", "3.1.0", true)]
    [InlineData("a partial upper bound with <= covers the whole minor", "<=1.2", "1.2.9", true)]
    [InlineData("build metadata is ignored", "^1.0.0", "1.0.1+build.5", true)]
    public void A_range_matches_versions_as_npm_semver_does(string why, string range, string version, bool expected)
    {
        var parsed = SemverVersion.TryParse(version).ShouldNotBeNull(why);
        SemverRange.Parse(range).Contains(parsed).ShouldBe(expected, why);
    }

    [Fact]
    public void Highest_picks_the_greatest_matching_tag_and_skips_tags_that_are_not_versions()
    {
        string[] tags = ["v1.2.0", "v1.10.0", "v2.0.0", "release", "v1.9.9", "v1.11.0-rc.1"];

        var best = SemverRange.Parse(">=1.2.0 <2.0.0").Highest(tags, SemverVersion.TryParse);

        best.ShouldBe("v1.10.0");
    }

    [Theory]
    [InlineData(">=banana")]
    [InlineData("^1.2.3.4")]
    [InlineData("1.2 ~")]
    public void An_invalid_range_is_an_invalid_spec_error_that_shows_the_range(string range)
    {
        var error = Should.Throw<GitException>(() => SemverRange.Parse(range));

        error.Kind.ShouldBe(GitErrorKind.InvalidSpec);
        error.Message.ShouldContain(range);
    }

    [Fact]
    public void Pre_releases_order_below_their_release_and_numerically_among_themselves()
    {
        string[] ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0"];

        var sorted = ordered.Reverse().Select(v => SemverVersion.TryParse(v)!).Order().Select(v => v.ToString());

        sorted.ShouldBe(ordered);
    }
}
