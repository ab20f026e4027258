using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Objects;

public sealed class StatusMergeTests
{
    [Fact]
    public void A_persons_edit_made_between_our_read_and_our_write_is_kept()
    {
        // We read the object, reconciled, and our CAS write failed because a person changed the branch meanwhile.
        var whatWeRead = Items.Of("url=https://h/r.git\nbranch=main\nstatus_ready=Unknown");
        var whatThePersonWrote = Items.Of("url=https://h/r.git\nbranch=release\nsuspend=true\nstatus_ready=Unknown");
        var ourStatus = new GitRepositoryStatus(ReadyState.True, Reasons.Succeeded, "ok", CurrentCommit: "c1", ObservedSpec: SpecHash.Of(whatWeRead));

        var merged = StatusMerge.Apply(whatThePersonWrote, ItemCodec.Encode(ourStatus));

        merged.Items["branch"].ShouldBe("release");
        merged.Items["suspend"].ShouldBe("true");
        merged.Items["status_ready"].ShouldBe("True");
        merged.Items["status_current_commit"].ShouldBe("c1");
        merged.Changed.ShouldBeTrue();
        SpecHash.Of(merged.Items).ShouldNotBe(merged.Items["status_observed_spec"], "the person's edit still counts as a spec change to reconcile");
    }

    [Fact]
    public void A_spec_item_the_person_removed_stays_removed()
    {
        var fresh = Items.Of("url=https://h/r.git\nstatus_ready=False");

        var merged = StatusMerge.Apply(fresh, ItemCodec.Encode(new GitRepositoryStatus(ReadyState.True)));

        merged.Items.Keys.ShouldBe(["url", "status_ready"], ignoreOrder: true);
    }

    [Fact]
    public void Our_stale_status_items_are_removed()
    {
        var fresh = Items.Of("url=u\nstatus_ready=False\nstatus_message=boom\nstatus_consecutive_failures=3");

        var merged = StatusMerge.Apply(fresh, ItemCodec.Encode(new GitRepositoryStatus(ReadyState.True, Reasons.Succeeded)));

        merged.Items.ShouldNotContainKey("status_message");
        merged.Items.ShouldNotContainKey("status_consecutive_failures");
        merged.Items["status_reason"].ShouldBe("Succeeded");
    }

    [Fact]
    public void Another_writers_status_items_are_kept()
    {
        var fresh = Items.Of("url=u\nstatus_ready=Unknown\nstatus_index_jobs=[\"default/web\"]\nstatus_indexed_commit=c1\nstatus_from_a_newer_version=x");

        var merged = StatusMerge.Apply(fresh, ItemCodec.Encode(new GitRepositoryStatus(ReadyState.True)));

        merged.Items["status_index_jobs"].ShouldBe("[\"default/web\"]");
        merged.Items["status_indexed_commit"].ShouldBe("c1");
        merged.Items["status_from_a_newer_version"].ShouldBe("x");
    }

    [Fact]
    public void The_index_writing_its_status_keeps_the_repository_controllers_status()
    {
        var fresh = Items.Of("url=u\nstatus_ready=True\nstatus_message=ok\nstatus_index_errors=old");

        var merged = StatusMerge.Apply(fresh, ItemCodec.Encode(new RepositoryIndexStatus(["default/web"], IndexedCommit: "c2")));

        merged.Items["status_ready"].ShouldBe("True");
        merged.Items["status_message"].ShouldBe("ok");
        merged.Items.ShouldNotContainKey("status_index_errors");
        merged.Items["status_indexed_commit"].ShouldBe("c2");
    }

    [Fact]
    public void An_unchanged_status_is_not_a_change_so_nothing_is_written()
    {
        var status = new NomadJobStatus(ReadyState.True, Reasons.Succeeded, "applied", JobModifyIndex: 42, ObservedSpec: "s");
        var stored = StatusMerge.Apply(Items.Of("repository=apps\nfile=web.nomad"), ItemCodec.Encode(status)).Items;

        var again = StatusMerge.Apply(stored, ItemCodec.Encode(status with { }));

        again.Changed.ShouldBeFalse();
        again.Items.ShouldBe(stored);
    }

    [Fact]
    public void A_change_in_any_one_status_field_is_a_change()
    {
        var status = new NomadJobStatus(ReadyState.True, Reasons.Succeeded, "applied", JobModifyIndex: 42);
        var stored = StatusMerge.Apply(Items.Of("repository=apps"), ItemCodec.Encode(status)).Items;

        StatusMerge.Apply(stored, ItemCodec.Encode(status with { JobModifyIndex = 43 })).Changed.ShouldBeTrue();
        StatusMerge.Apply(stored, ItemCodec.Encode(status with { Message = null })).Changed.ShouldBeTrue();
    }

    [Fact]
    public void A_cut_message_that_stays_cut_the_same_way_is_not_a_change()
    {
        var stored = Items.Of("repository=apps");
        stored["variables"] = new string('v', 63_000);
        var status = new NomadJobStatus(ReadyState.False, Reasons.RenderFailed, new string('m', 4_000));
        var first = StatusMerge.Apply(stored, ItemCodec.Encode(status));

        var second = StatusMerge.Apply(first.Items, ItemCodec.Encode(status));

        first.Changed.ShouldBeTrue();
        second.Changed.ShouldBeFalse();
    }

    [Fact]
    public void A_patch_may_set_only_keys_it_owns()
    {
        Should.Throw<ArgumentException>(() => new StatusPatch(
            new Dictionary<string, string> { ["url"] = "x" }, GitRepositoryStatus.Keys, new HashSet<string>()));
    }
}
