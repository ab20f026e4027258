using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Objects;

public sealed class ReceiverSpecTests
{
    [Theory]
    [InlineData("github", "GitHub", "push")]
    [InlineData("gitlab", "GitLab", "Push Hook,Tag Push Hook")]
    [InlineData("gitea", "Gitea", "push")]
    [InlineData("bitbucket", "Bitbucket", "repo:refs_changed,repo:push")]
    [InlineData("generic", "Generic", "push")]
    public void A_type_and_secret_alone_give_that_types_default_events_and_every_repository(string type, string expected, string events)
    {
        var result = ReceiverSpec.Parse(Items.Of($"type={type}\nsecret=nomad-gitops/secrets/hook"));

        result.IsValid.ShouldBeTrue(result.Describe());
        result.Spec!.Type.ToString().ShouldBe(expected);
        result.Spec.Secret.ShouldBe("nomad-gitops/secrets/hook");
        string.Join(",", result.Spec.Events).ShouldBe(events);
        result.Spec.Repositories.ShouldBe(["*"]);
        result.Spec.MayTrigger("anything").ShouldBeTrue();
        result.Spec.Suspend.ShouldBeFalse();
    }

    [Fact]
    public void Events_and_repositories_are_comma_separated_lists_and_events_ignore_case()
    {
        var result = ReceiverSpec.Parse(Items.Of("type=gitlab\nsecret=s\nevents= push hook , Merge Request Hook\nrepositories=apps, infra\nsuspend=true"));

        result.IsValid.ShouldBeTrue(result.Describe());
        var spec = result.Spec!;
        spec.Accepts("Push Hook").ShouldBeTrue();
        spec.Accepts("Tag Push Hook").ShouldBeFalse();
        spec.MayTrigger("infra").ShouldBeTrue();
        spec.MayTrigger("other").ShouldBeFalse();
        spec.Suspend.ShouldBeTrue();
    }

    [Theory]
    [InlineData("an unknown type", "type=svn\nsecret=s", "item \"type\" is \"svn\"")]
    [InlineData("no type", "secret=s", "item \"type\" is missing")]
    [InlineData("no secret", "type=github", "item \"secret\" is missing")]
    [InlineData("a secret that is no variable path", "type=github\nsecret=a b", "not a variable path")]
    [InlineData("a misspelt item", "type=github\nsecret=s\nevent=push", "did you mean \"events\"")]
    public void A_bad_spec_says_what_to_fix(string because, string items, string message)
    {
        var result = ReceiverSpec.Parse(Items.Of(items));

        result.IsValid.ShouldBeFalse(because);
        result.Describe().ShouldContain(message);
    }
}
