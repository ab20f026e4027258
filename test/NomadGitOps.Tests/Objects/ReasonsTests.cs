using System.Reflection;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Objects;

public sealed class ReasonsTests
{
    [Fact]
    public void All_lists_every_reason_constant_once_and_each_is_its_own_name()
    {
        var constants = typeof(Reasons).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

        Reasons.All.ShouldBe(constants.Values, ignoreOrder: true);
        Reasons.All.Distinct().Count().ShouldBe(Reasons.All.Count);
        constants.ShouldAllBe(c => c.Key == c.Value);
    }
}
