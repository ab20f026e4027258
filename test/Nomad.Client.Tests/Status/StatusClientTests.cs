using Nomad.Client.Tests.Support;
using Nomad.Emulator;

namespace Nomad.Client.Tests.Status;

public sealed class StatusClientTests
{
    [Fact]
    public async Task Leader_and_agent_self_are_read_from_the_emulator()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions { Region = "eu" }, ct);
        using var client = Clients.Create(Clients.For(nomad.Address));

        var leader = await client.Status.LeaderAsync(ct);
        var self = await client.Status.AgentSelfAsync(ct);

        leader.ShouldBe("127.0.0.1:4647");
        self["config"]!["Region"]!.GetValue<string>().ShouldBe("eu");
    }
}
