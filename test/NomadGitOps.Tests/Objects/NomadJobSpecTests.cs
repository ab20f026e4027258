using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Objects;

public sealed class NomadJobSpecTests
{
    [Fact]
    public void The_required_items_alone_give_the_documented_defaults()
    {
        var result = NomadJobSpec.Parse(Items.Of("repository=apps\nfile=jobs/web.nomad.hcl\njob_id=web"));

        result.IsValid.ShouldBeTrue(result.Describe());
        var spec = result.Spec!;
        spec.Namespace.ShouldBe("default");
        spec.Region.ShouldBeNull();
        spec.ManagedBy.ShouldBeNull();
        spec.IsManagedByIndex.ShouldBeFalse();
        spec.Prune.ShouldBeFalse();
        spec.Suspend.ShouldBeFalse();
        spec.CorrectDrift.ShouldBeTrue();
        spec.PreserveCounts.ShouldBeFalse();
        spec.Wait.ShouldBeFalse();
        spec.WaitTimeout.ShouldBe(TimeSpan.FromMinutes(5));
        spec.Key.ShouldBe(ObjectKey.NomadJob("default", "web"));
    }

    [Fact]
    public void Job_id_and_namespace_default_to_the_key_of_the_objects_path()
    {
        var key = ObjectKey.NomadJob("prod", "web.api");

        var result = NomadJobSpec.Parse(Items.Of("repository=apps\nfile=web.nomad"), key);

        result.Spec!.JobId.ShouldBe("web.api");
        result.Spec.Namespace.ShouldBe("prod");
    }

    [Fact]
    public void Every_item_is_read_when_all_are_given()
    {
        var result = NomadJobSpec.Parse(Items.Of(
            "repository=apps\nfile=./jobs//web.nomad\njob_id=web\nnamespace=prod\nregion=eu\nmanaged_by=index\nprune=true\nsuspend=true\ncorrect_drift=false\npreserve_counts=true\nwait=true\nwait_timeout=10m\nvariables=a = 1\nvar_files=vars/prod.hcl\nreconcile_requested_at=now"));

        result.IsValid.ShouldBeTrue(result.Describe());
        result.Spec.ShouldBe(new NomadJobSpec("apps", "jobs/web.nomad", "web", "prod", "eu", "index", true, true, false, true, true, TimeSpan.FromMinutes(10), "a = 1", result.Spec!.VarFiles));
        result.Spec.VarFiles.ShouldBe(["vars/prod.hcl"]);
        result.Spec.IsManagedByIndex.ShouldBeTrue();
    }

    [Theory]
    [InlineData("the repository is required", "file=web.nomad\njob_id=web", "repository", "is missing")]
    [InlineData("the file is required", "repository=apps\njob_id=web", "file", "is missing")]
    [InlineData("the job id is required without a key", "repository=apps\nfile=web.nomad", "job_id", "is missing")]
    [InlineData("a job id holds no space", "repository=apps\nfile=web.nomad\njob_id=my web", "job_id", "no spaces")]
    [InlineData("the file may not climb out of the repository", "repository=apps\nfile=../web.nomad\njob_id=web", "file", "lead out of the repository")]
    [InlineData("the file may not be absolute", "repository=apps\nfile=/etc/passwd\njob_id=web", "file", "absolute")]
    [InlineData("the file must name a file", "repository=apps\nfile=./\njob_id=web", "file", "must name a file")]
    [InlineData("managed_by knows only index", "repository=apps\nfile=web.nomad\njob_id=web\nmanaged_by=me", "managed_by", "the only value is \"index\"")]
    [InlineData("correct_drift is true or false", "repository=apps\nfile=web.nomad\njob_id=web\ncorrect_drift=no", "correct_drift", "write true or false")]
    [InlineData("wait is true or false", "repository=apps\nfile=web.nomad\njob_id=web\nwait=5m", "wait", "write true or false")]
    [InlineData("wait_timeout is a duration", "repository=apps\nfile=web.nomad\njob_id=web\nwait_timeout=5", "wait_timeout", "not a duration")]
    [InlineData("an unknown key gets a hint", "repository=apps\nfile=web.nomad\njob_id=web\ncorect_drift=false", "corect_drift", "did you mean \"correct_drift\"")]
    [InlineData("a var file may not be absolute", "repository=apps\nfile=web.nomad\njob_id=web\nvar_files=/vars.hcl", "var_files", "absolute")]
    [InlineData("namespace is a Nomad namespace name", "repository=apps\nfile=web.nomad\njob_id=web\nnamespace=a.b", "namespace", "not a Nomad namespace name")]
    public void Invalid_items_are_reported_with_a_sentence(string why, string lines, string key, string messageFragment)
    {
        var result = NomadJobSpec.Parse(Items.Of(lines));

        result.IsValid.ShouldBeFalse(why);
        var error = result.Errors.ShouldHaveSingleItem(why);
        error.Key.ShouldBe(key, why);
        error.Message.ShouldContain(messageFragment, Case.Sensitive, why);
    }

    [Theory]
    [InlineData("a job id other than the path's", "repository=apps\nfile=web.nomad\njob_id=api", "job_id")]
    [InlineData("a namespace other than the path's", "repository=apps\nfile=web.nomad\nnamespace=dev", "namespace")]
    public void Items_that_contradict_the_objects_path_are_reported(string why, string lines, string key)
    {
        var result = NomadJobSpec.Parse(Items.Of(lines), ObjectKey.NomadJob("prod", "web"));

        result.Errors.ShouldHaveSingleItem(why).Key.ShouldBe(key);
        result.Errors[0].Message.ShouldContain("the object's path");
    }

    [Fact]
    public void A_repository_key_is_not_a_nomad_job_key()
    {
        Should.Throw<ArgumentException>(() => NomadJobSpec.Parse(Items.Of("repository=a"), ObjectKey.GitRepository("a")));
    }
}
