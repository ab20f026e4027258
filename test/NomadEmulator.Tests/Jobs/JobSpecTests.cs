using System.Text.Json.Nodes;
using Nomad.Emulator.Jobs;

namespace Nomad.Emulator.Tests.Jobs;

public sealed class JobSpecTests
{
    [Fact]
    public void A_job_that_differs_only_in_server_set_fields_is_not_a_spec_change()
    {
        var old = GoldenCases.Read("stored", "base.json");
        var @new = (JsonObject)old.DeepClone();
        @new["Version"] = 3;
        @new["ModifyIndex"] = 42;
        @new["SubmitTime"] = 1_700_000_000_000_000_000;
        @new["Status"] = "running";

        JobSpec.Changed(old, @new).ShouldBeFalse();
    }

    [Fact]
    public void A_job_stopped_by_a_new_register_is_a_spec_change()
    {
        var old = GoldenCases.Read("stored", "base.json");
        var @new = (JsonObject)old.DeepClone();
        @new["Stop"] = true;

        JobSpec.Changed(old, @new).ShouldBeTrue();
    }
}
