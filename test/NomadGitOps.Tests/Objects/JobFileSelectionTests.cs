using System.Text.RegularExpressions;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Objects;

public sealed class JobFileSelectionTests
{
    private static readonly Regex Include = new(GitRepositorySpec.DefaultInclude);

    [Theory]
    [InlineData("a job file at the root of a root selection", ".", "web.nomad.hcl", true)]
    [InlineData("a job file deep below the root", ".", "apps/web/web.nomad", true)]
    [InlineData("a file the include does not match", ".", "README.md", false)]
    [InlineData("a job file below the path", "deploy/jobs", "deploy/jobs/web.nomad.hcl", true)]
    [InlineData("a job file beside the path", "deploy/jobs", "deploy/web.nomad.hcl", false)]
    [InlineData("a job file in a folder whose name only starts like the path", "deploy/jobs", "deploy/jobs-old/web.nomad.hcl", false)]
    public void A_file_is_a_job_file_when_it_is_under_path_and_include_matches_its_path_below_path(string situation, string path, string file, bool selected) =>
        new JobFileSelection(path, Include, null).Selects(file).ShouldBe(selected, situation);

    [Fact]
    public void Include_and_exclude_see_the_path_below_path_not_the_repository_path()
    {
        var selection = new JobFileSelection("deploy", new Regex("^apps/"), new Regex("^apps/drafts/"));

        selection.Selects("deploy/apps/web.hcl").ShouldBeTrue();
        selection.Selects("deploy/apps/drafts/web.hcl").ShouldBeFalse();
        selection.Selects("apps/web.hcl").ShouldBeFalse();
    }
}
