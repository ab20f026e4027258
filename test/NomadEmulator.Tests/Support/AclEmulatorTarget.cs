namespace Nomad.Emulator.Tests.Support;

/// <summary>An emulator with ACLs on; <see cref="ContractTarget.Token"/> is its management token.</summary>
public sealed class AclEmulatorTarget : ContractTarget
{
    protected override async Task StartAsync()
    {
        var options = new EmulatorOptions { AclEnabled = true };
        Emulator = await NomadEmulator.StartAsync(options).ConfigureAwait(false);
        Address = Emulator.Address;
        Token = options.ManagementToken;
    }
}
