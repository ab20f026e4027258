namespace Smoke;

public sealed class BuildSmokeTest
{
    [Fact]
    public void The_test_project_runs() => (1 + 1).ShouldBe(2);
}
