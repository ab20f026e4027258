namespace Nomad.Emulator.State;

/// <summary>The one pretend client node every allocation of the emulator is placed on.</summary>
public static class EmulatorNode
{
    /// <summary>The node's ID.</summary>
    public const string ID = "9f1c2a43-0000-4000-8000-00000000e001";

    /// <summary>The node's name.</summary>
    public const string Name = "emulator-node";
}
