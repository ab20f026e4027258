using System.Text;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Objects;

public sealed class ItemBudgetTests
{
    [Fact]
    public void Size_counts_utf8_bytes_of_keys_and_values_like_nomad()
    {
        ItemBudget.Size(Items.Of("ab=cd\né=日")).ShouldBe(4 + 2 + 3);
    }

    [Fact]
    public void Truncate_leaves_a_text_that_fits_unchanged()
    {
        ItemBudget.Truncate("short", 100).ShouldBe("short");
    }

    [Fact]
    public void Truncate_never_splits_a_character_and_stays_within_the_limit()
    {
        var text = string.Concat(Enumerable.Repeat("日本😀e", 50));
        for (var limit = ItemBudget.MarkerBytes; limit < 120; limit++)
        {
            var cut = ItemBudget.Truncate(text, limit);

            Encoding.UTF8.GetByteCount(cut).ShouldBeLessThanOrEqualTo(limit);
            cut.ShouldEndWith(ItemBudget.Marker);
            text.ShouldStartWith(cut[..^ItemBudget.Marker.Length]);
            cut.EnumerateRunes().ShouldNotContain(Rune.ReplacementChar);
        }
    }

    [Fact]
    public void The_variable_stays_within_64_KiB_whatever_the_size_of_the_messages()
    {
        var random = new Random(99);
        for (var i = 0; i < 200; i++)
        {
            var stored = new Dictionary<string, string>
            {
                ["url"] = "https://git.local/apps.git",
                ["variables"] = new string('v', random.Next(0, 60_000)),
                ["status_index_jobs"] = "[\"default/web\"]",
            };
            var status = new NomadJobStatus(
                Message: RandomText.Next(random, 200_000),
                Plan: new string('p', random.Next(0, 3_000)),
                Drift: RandomText.Next(random, 20_000));

            var merged = StatusMerge.Apply(stored, ItemCodec.Encode(status));

            ItemBudget.Size(merged.Items).ShouldBeLessThanOrEqualTo(ItemBudget.MaxVariableBytes);
            merged.Items["variables"].ShouldBe(stored["variables"], "spec items are never cut");
            merged.Items["status_index_jobs"].ShouldBe(stored["status_index_jobs"], "another writer's items are never cut");
        }
    }

    [Fact]
    public void The_largest_message_is_cut_first_and_a_small_one_survives()
    {
        var stored = new Dictionary<string, string> { ["variables"] = new string('v', 62_000) };
        var status = new NomadJobStatus(Message: new string('m', 4_000), Plan: "web: 1 create");

        var merged = StatusMerge.Apply(stored, ItemCodec.Encode(status));

        merged.Items["status_plan"].ShouldBe("web: 1 create");
        merged.Items["status_message"].ShouldEndWith(ItemBudget.Marker);
        ItemBudget.Size(merged.Items).ShouldBeLessThanOrEqualTo(ItemBudget.MaxVariableBytes);
    }

    [Fact]
    public void Items_that_cannot_fit_even_with_every_message_cut_are_refused_rather_than_written()
    {
        var stored = new Dictionary<string, string> { ["variables"] = new string('v', 65_500) };
        var status = new NomadJobStatus(Message: "m", EvalId: new string('e', 100));

        Should.Throw<VariableTooLargeException>(() => StatusMerge.Apply(stored, ItemCodec.Encode(status)))
            .Message.ShouldContain("65536");
    }
}
