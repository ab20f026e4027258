using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Objects;

public sealed class ItemCodecTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 17, 35, 38, TimeSpan.Zero);

    [Fact]
    public void A_git_repository_status_round_trips_through_its_items()
    {
        var status = new GitRepositoryStatus(
            ReadyState.True, Reasons.Succeeded, "Fetched 3f2a1b0 from main", new string('a', 40), "refs/heads/main",
            Now, 2, Now.AddMinutes(1), "0123456789abcdef", "2026-11-25T17:35:00Z");

        var patch = ItemCodec.Encode(status);

        patch.Items["status_ready"].ShouldBe("True");
        patch.Items["status_last_change_at"].ShouldBe("2026-11-25T17:35:38Z");
        patch.Items["status_consecutive_failures"].ShouldBe("2");
        patch.Items.Keys.ShouldAllBe(k => k.StartsWith("status_", StringComparison.Ordinal));
        ItemCodec.DecodeGitRepositoryStatus(patch.Items).ShouldBe(status);
    }

    [Fact]
    public void A_nomad_job_status_round_trips_through_its_items()
    {
        var status = new NomadJobStatus(
            ReadyState.False, Reasons.PlanFailed, "plan refused", "c1", "c2", Now, "hash", 18446744073709551615UL, 7,
            "eval-1", "web: 1 create", "dep-1", "running", "count 3 -> 5", 4, Now.AddSeconds(30), "spec", "2026-11-25T17:35:00Z");

        var patch = ItemCodec.Encode(status);

        patch.Items["status_job_modify_index"].ShouldBe("18446744073709551615");
        patch.Items["status_last_handled_reconcile_at"].ShouldBe("2026-11-25T17:35:00Z");
        ItemCodec.DecodeNomadJobStatus(patch.Items).ShouldBe(status);
    }

    [Fact]
    public void The_index_inventory_is_written_sorted_and_without_duplicates()
    {
        var patch = ItemCodec.Encode(new RepositoryIndexStatus(["prod/web", "default/api", "prod/web"], "jobs/bad.nomad: parse error", "c1"));

        patch.Items["status_index_jobs"].ShouldBe("[\"default/api\",\"prod/web\"]");
        ItemCodec.DecodeRepositoryIndexStatus(patch.Items).ShouldBe(new RepositoryIndexStatus(["default/api", "prod/web"], "jobs/bad.nomad: parse error", "c1"));
    }

    [Fact]
    public void The_index_status_of_a_nomad_job_round_trips()
    {
        var status = new NomadJobIndexStatus(Now, Now, "gitrepository/other: web.nomad also defines this job; it stays with gitrepository/apps (web.nomad).");
        var patch = ItemCodec.Encode(status);

        ItemCodec.DecodeNomadJobIndexStatus(patch.Items).ShouldBe(status);
        patch.OwnedKeys.ShouldBe(["status_indexed_at", "status_orphaned_at", "status_index_conflict"], ignoreOrder: true);
    }

    [Fact]
    public void Absent_fields_are_left_out_and_the_empty_status_reads_back_from_no_items()
    {
        var patch = ItemCodec.Encode(GitRepositoryStatus.Empty);

        patch.Items.Keys.ShouldBe(["status_ready"]);
        ItemCodec.DecodeGitRepositoryStatus(new Dictionary<string, string>()).ShouldBe(GitRepositoryStatus.Empty);
        ItemCodec.DecodeNomadJobStatus(new Dictionary<string, string>()).ShouldBe(NomadJobStatus.Empty);
        ItemCodec.DecodeRepositoryIndexStatus(new Dictionary<string, string>()).ShouldBe(RepositoryIndexStatus.Empty);
    }

    [Fact]
    public void Status_values_a_person_mangled_read_as_absent_rather_than_failing()
    {
        var items = Items.Of("status_ready=maybe\nstatus_consecutive_failures=-3\nstatus_next_attempt_at=tomorrow\nstatus_job_version=v2\nstatus_index_jobs=not json");

        ItemCodec.DecodeNomadJobStatus(items).ShouldBe(NomadJobStatus.Empty);
        ItemCodec.DecodeRepositoryIndexStatus(items).Jobs.ShouldBeEmpty();
    }

    [Fact]
    public void Times_with_an_offset_are_read_and_written_back_in_utc()
    {
        ItemCodec.ParseTime("2026-11-25T18:35:38+01:00").ShouldBe(Now);
        ItemCodec.FormatTime(new DateTimeOffset(2026, 11, 25, 18, 35, 38, TimeSpan.FromHours(1))).ShouldBe("2026-11-25T17:35:38Z");
    }

    [Fact]
    public void A_huge_message_is_capped_with_a_marker()
    {
        var patch = ItemCodec.Encode(new NomadJobStatus(Message: new string('m', 100_000), Plan: new string('p', 5_000)));

        System.Text.Encoding.UTF8.GetByteCount(patch.Items["status_message"]).ShouldBeLessThanOrEqualTo(ItemCodec.MaxMessageBytes);
        patch.Items["status_message"].ShouldEndWith(ItemBudget.Marker);
        System.Text.Encoding.UTF8.GetByteCount(patch.Items["status_plan"]).ShouldBeLessThanOrEqualTo(ItemCodec.MaxPlanBytes);
    }

    [Fact]
    public void Url_credentials_in_a_message_are_redacted_when_encoded()
    {
        var patch = ItemCodec.Encode(new GitRepositoryStatus(Message: "fetch https://me:hunter2@git.local/apps.git failed"));

        patch.Items["status_message"].ShouldBe("fetch https://***@git.local/apps.git failed");
    }

    [Fact]
    public void Spec_items_are_everything_without_the_status_prefix()
    {
        ItemCodec.SpecItems(Items.Of("url=u\nstatus_ready=True\nstatusfoo=x")).Keys.ShouldBe(["url", "statusfoo"], ignoreOrder: true);
    }

    [Fact]
    public void Each_status_record_owns_only_status_keys_and_the_two_writers_of_an_object_share_none()
    {
        GitRepositoryStatus.Keys.Concat(RepositoryIndexStatus.Keys).Concat(NomadJobStatus.Keys).Concat(NomadJobIndexStatus.Keys)
            .ShouldAllBe(k => k.StartsWith("status_", StringComparison.Ordinal));
        GitRepositoryStatus.Keys.Intersect(RepositoryIndexStatus.Keys).ShouldBeEmpty();
        NomadJobStatus.Keys.Intersect(NomadJobIndexStatus.Keys).ShouldBeEmpty();
    }
}
