namespace Nomad.Emulator.Jobs;

/// <summary>Nomad's <c>structs.DiffType</c> values.</summary>
internal static class DiffTypes
{
    public const string None = "None";
    public const string Added = "Added";
    public const string Deleted = "Deleted";
    public const string Edited = "Edited";

    /// <summary>Nomad's reverse sort of types: Edited, Added, Deleted, None.</summary>
    public static int Rank(string type) => type switch
    {
        Edited => 0,
        Added => 1,
        Deleted => 2,
        _ => 3,
    };
}
