using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Objects;

public sealed class ObjectKeyTests
{
    private const string Prefix = ObjectKey.DefaultPrefix;

    [Fact]
    public void A_git_repository_lives_at_prefix_gitrepository_name()
    {
        ObjectKey.GitRepository("apps").ToPath(Prefix).ShouldBe("nomad-gitops/v1/gitrepository/apps");
    }

    [Fact]
    public void A_receiver_lives_at_prefix_receiver_name()
    {
        var key = ObjectKey.Receiver("github.push");
        key.ToPath(Prefix).ShouldBe("nomad-gitops/v1/receiver/github~2epush");
        key.Kind.ShouldBe(ObjectKind.Receiver);
        key.ToString().ShouldBe("receiver/github.push");
        ObjectKey.KindPrefix(Prefix, ObjectKind.Receiver).ShouldBe("nomad-gitops/v1/receiver/");
    }

    [Fact]
    public void A_nomad_job_lives_at_prefix_nomadjob_namespace_escaped_job_id()
    {
        ObjectKey.NomadJob("prod", "web.api").ToPath(Prefix).ShouldBe("nomad-gitops/v1/nomadjob/prod/web~2eapi");
    }

    [Theory]
    [InlineData("gitrepository/apps", "nomad-gitops/v1/gitrepository/apps")]
    [InlineData("nomadjob/default/web.api", "nomad-gitops/v1/nomadjob/default/web~2eapi")]
    [InlineData("receiver/github-push", "nomad-gitops/v1/receiver/github-push")]
    public void A_path_parses_back_to_its_key(string expectedKey, string path)
    {
        ObjectKey.TryParsePath(Prefix, path, out var key).ShouldBeTrue();
        key!.ToString().ShouldBe(expectedKey);
        key.ToPath(Prefix).ShouldBe(path);
    }

    [Theory]
    [InlineData("another prefix", "other/v1/gitrepository/apps")]
    [InlineData("the leader lock", "nomad-gitops/v1/leader")]
    [InlineData("the controller variable", "nomad-gitops/v1/controller")]
    [InlineData("an unknown kind", "nomad-gitops/v1/kustomization/apps")]
    [InlineData("a job without a namespace segment", "nomad-gitops/v1/nomadjob/web")]
    [InlineData("a job with a third segment", "nomad-gitops/v1/nomadjob/default/web/extra")]
    [InlineData("a repository with two segments", "nomad-gitops/v1/gitrepository/apps/extra")]
    [InlineData("a receiver with two segments", "nomad-gitops/v1/receiver/github/extra")]
    [InlineData("a segment that is no escaped form", "nomad-gitops/v1/nomadjob/default/web~2Eapi")]
    [InlineData("the kind folder itself", "nomad-gitops/v1/nomadjob/")]
    [InlineData("an empty namespace", "nomad-gitops/v1/nomadjob//web")]
    public void A_path_that_is_no_object_of_ours_does_not_parse(string why, string path)
    {
        ObjectKey.TryParsePath(Prefix, path, out _).ShouldBeFalse(why);
    }

    [Fact]
    public void Paths_stay_within_128_characters_in_nomads_alphabet_and_parse_back_for_many_random_job_ids()
    {
        var random = new Random(1337);
        var shortened = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var ns = i % 7 == 0 ? new string('n', random.Next(1, 129)) : "default";
            var jobId = RandomText.Next(random, i % 5 == 0 ? 500 : 60);
            var key = ObjectKey.NomadJob(ns, jobId);

            var path = key.ToPath(Prefix);

            path.Length.ShouldBeLessThanOrEqualTo(ObjectKey.MaxPathLength);
            path.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '~' || c == '/');
            var items = new Dictionary<string, string> { ["job_id"] = jobId, ["namespace"] = ns };
            ObjectKey.FromVariable(Prefix, path, items).ShouldBe(key);
            if (ObjectKey.IsShortenedPath(Prefix, path))
            {
                shortened++;
                ObjectKey.TryParsePath(Prefix, path, out _).ShouldBeFalse("a shortened path needs its items");
            }
            else
            {
                ObjectKey.TryParsePath(Prefix, path, out var parsed).ShouldBeTrue(path);
                parsed.ShouldBe(key);
            }
        }

        shortened.ShouldBeGreaterThan(100, "the sample must exercise shortened paths");
    }

    [Fact]
    public void A_500_character_job_id_gets_a_shortened_path_that_only_its_items_resolve()
    {
        var jobId = new string('x', 250) + "." + new string('y', 249);
        var key = ObjectKey.NomadJob("default", jobId);

        var path = key.ToPath(Prefix);

        path.Length.ShouldBeLessThanOrEqualTo(128);
        path.ShouldStartWith("nomad-gitops/v1/nomadjob/default/xxxx");
        path.ShouldMatch("~h[0-9a-f]{16}$");
        ObjectKey.IsShortenedPath(Prefix, path).ShouldBeTrue();
        ObjectKey.FromVariable(Prefix, path, new Dictionary<string, string> { ["job_id"] = jobId, ["namespace"] = "default" }).ShouldBe(key);
    }

    [Fact]
    public void Two_long_job_ids_sharing_their_first_hundred_characters_get_different_paths()
    {
        var common = new string('a', 150);

        var first = ObjectKey.NomadJob("default", common + "-one").ToPath(Prefix);
        var second = ObjectKey.NomadJob("default", common + "-two").ToPath(Prefix);

        first.ShouldNotBe(second);
    }

    [Fact]
    public void A_shortened_path_is_not_claimed_by_items_naming_another_job()
    {
        var key = ObjectKey.NomadJob("default", new string('a', 200));
        var path = key.ToPath(Prefix);

        var other = new Dictionary<string, string> { ["job_id"] = new string('a', 199) + "b", ["namespace"] = "default" };

        ObjectKey.FromVariable(Prefix, path, other).ShouldBeNull();
    }

    [Fact]
    public void Shortening_never_cuts_an_escape_sequence_in_half()
    {
        // Dots escape to three characters each, so some cut point always falls inside one.
        for (var filler = 0; filler < 3; filler++)
        {
            var key = ObjectKey.NomadJob("default", new string('a', filler) + string.Concat(Enumerable.Repeat(".", 100)));
            var path = key.ToPath(Prefix);
            var tail = path[..path.LastIndexOf("~h", StringComparison.Ordinal)];

            tail.ShouldMatch("^nomad-gitops/v1/nomadjob/default/a*(~2e)*$");
        }
    }

    [Theory]
    [InlineData("an empty prefix", "")]
    [InlineData("a leading slash", "/nomad-gitops")]
    [InlineData("a trailing slash", "nomad-gitops/")]
    [InlineData("an empty segment", "nomad-gitops//v1")]
    [InlineData("a dot", "nomad.gitops")]
    [InlineData("Nomad's reserved top-level folder", "nomad/gitops")]
    [InlineData("65 characters", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void A_prefix_that_cannot_hold_objects_is_refused_with_a_reason(string why, string prefix)
    {
        ObjectKey.ValidatePrefix(prefix).ShouldNotBeNull(why);
        Should.Throw<ArgumentException>(() => ObjectKey.GitRepository("apps").ToPath(prefix));
    }

    [Fact]
    public void The_longest_prefix_still_leaves_room_for_a_shortened_job_path()
    {
        var prefix = new string('p', ObjectKey.MaxPrefixLength);
        ObjectKey.ValidatePrefix(prefix).ShouldBeNull();

        var path = ObjectKey.NomadJob(new string('n', 128), new string('j', 300)).ToPath(prefix);

        path.Length.ShouldBeLessThanOrEqualTo(128);
        ObjectKey.IsShortenedPath(prefix, path).ShouldBeTrue();
    }

    [Fact]
    public void A_repository_name_too_long_for_a_path_is_refused()
    {
        Should.Throw<ArgumentException>(() => ObjectKey.GitRepository(new string('r', 120)).ToPath(Prefix))
            .Message.ShouldContain("too long");
    }

    [Fact]
    public void A_shortened_path_of_a_job_in_the_default_namespace_resolves_without_a_namespace_item()
    {
        var key = ObjectKey.NomadJob("default", new string('d', 200));

        ObjectKey.FromVariable(Prefix, key.ToPath(Prefix), new Dictionary<string, string> { ["job_id"] = key.Name }).ShouldBe(key);
    }

    [Fact]
    public void The_leader_and_controller_variables_sit_beside_the_object_folders()
    {
        ObjectKey.LeaderPath(Prefix).ShouldBe("nomad-gitops/v1/leader");
        ObjectKey.ControllerPath(Prefix).ShouldBe("nomad-gitops/v1/controller");
        ObjectKey.KindPrefix(Prefix, ObjectKind.NomadJob).ShouldBe("nomad-gitops/v1/nomadjob/");
    }

    [Fact]
    public void Keys_are_equal_by_kind_namespace_and_name()
    {
        ObjectKey.NomadJob("default", "web").ShouldBe(ObjectKey.NomadJob("default", "web"));
        ObjectKey.NomadJob("default", "web").ShouldNotBe(ObjectKey.NomadJob("prod", "web"));
        ObjectKey.GitRepository("web").ShouldNotBe(ObjectKey.NomadJob("default", "web"));
    }
}
