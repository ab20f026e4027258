using System.Text.Json.Nodes;
using Nomad.Emulator.Jobs;

namespace Nomad.Emulator.Tests.Jobs;

public sealed class GoFloatJsonTests
{
    // Expected texts as the server's encoder wrote them for a driver config holding these numbers (recorded answers).
    [Theory]
    [InlineData(0.00001, "0.00001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e21, "1e+21")]
    [InlineData(2.5e22, "2.5e+22")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(123456789.5, "123456789.5")]
    [InlineData(1e6, "1000000")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(-0.1, "-0.1")]
    [InlineData(1e-10, "1e-10")]
    [InlineData(-1.25e-8, "-1.25e-8")]
    [InlineData(100, "100")]
    [InlineData(9007199254740993, "9007199254740992")]
    public void A_float64_is_written_as_Go_json_writes_it(double value, string expected) =>
        GoFloat.Json(value).ShouldBe(expected);

    [Fact]
    public void A_stored_driver_config_carries_its_numbers_in_Go_json_text()
    {
        var job = JsonNode.Parse("""
            {"ID":"f","Name":"f","Type":"batch","Datacenters":["dc1"],"TaskGroups":[{"Name":"g","Tasks":[{"Name":"t",
             "Driver":"docker","Config":{"image":"a","v":[0.00001,1e-7,1e21,1e20]},"Resources":{"CPU":100,"MemoryMB":64}}]}]}
            """)!.AsObject();

        var stored = JobAdmission.Admit(job).Job!;

        stored["TaskGroups"]![0]!["Tasks"]![0]!["Config"]!["v"]!.ToJsonString().ShouldBe("[0.00001,1e-7,1e+21,100000000000000000000]");
    }
}
