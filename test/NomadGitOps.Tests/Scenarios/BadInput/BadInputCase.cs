namespace NomadGitOps.Tests.Scenarios.BadInput;

/// <summary>
/// One bad input of the corpus (<see cref="BadInputCorpus"/>): what is fed to the running controller and the clear
/// error it must answer with.
/// </summary>
/// <param name="Name">A short sentence naming the input.</param>
/// <param name="Input">What is written, committed or sent.</param>
/// <param name="Expect">The error expected on the right object, or the HTTP answer.</param>
internal sealed record BadInputCase(string Name, BadInputKind Input, BadInputExpectation Expect)
{
    /// <summary>The case in one line, for the printed report.</summary>
    public override string ToString() => $"{Input.Category}: {Name}";
}
