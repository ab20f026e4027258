using Nomad.Emulator;
using NomadGitOps.Cli;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Cli;

/// <summary>`check` against an emulator with ACLs on, with tokens holding the generated policy or the policy minus one capability.</summary>
public sealed class CheckCapabilitiesTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string?> EachCapability() => new()
    {
        // scope, capability left out, the line `check` must print (null: Nomad grants it through another, so nothing is missing)
        { nameof(PermissionScope.ObjectVariables), "read", "MISSING  variables 'read' on nomad-gitops/v1/* in namespace default, needed by GET /v1/var/:path" },
        { nameof(PermissionScope.ObjectVariables), "write", "MISSING  variables 'write' on nomad-gitops/v1/* in namespace default, needed by PUT /v1/var/:path, PUT /v1/var/:path?lock-acquire, PUT /v1/var/:path?lock-renew, PUT /v1/var/:path?lock-release" },
        { nameof(PermissionScope.ObjectVariables), "destroy", "MISSING  variables 'destroy' on nomad-gitops/v1/* in namespace default, needed by DELETE /v1/var/:path" },
        { nameof(PermissionScope.ObjectVariables), "list", null },
        { nameof(PermissionScope.ManagedNamespaces), "list-jobs", "MISSING  'list-jobs' in namespace default, needed by GET /v1/jobs" },
        { nameof(PermissionScope.ManagedNamespaces), "read-job", "MISSING  'read-job' in namespace default, needed by GET /v1/job/:id, GET /v1/job/:id/deployment" },
        { nameof(PermissionScope.ManagedNamespaces), "parse-job", null },
        { nameof(PermissionScope.ManagedNamespaces), "submit-job", "MISSING  'submit-job' (or 'plan-job (Nomad 2.x)') in namespace default, needed by POST /v1/job/:id/plan, POST /v1/jobs, DELETE /v1/job/:id" },
    };

    [Fact]
    public async Task With_the_generated_policy_every_capability_is_there()
    {
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions { AclEnabled = true }, _ct);
        var token = AclTokens.Mint(nomad, PolicyDocument.Render(ControllerPermissions.All, "default", "nomad-gitops/v1", ["default"]));

        var (exit, stdout) = await CheckAsync(nomad, token);

        exit.ShouldBe(ExitCodes.Ok, stdout);
        stdout.ShouldContain("auth  ACL token from NOMAD_TOKEN or --token");
        stdout.ShouldNotContain(token);
        stdout.ShouldNotContain("MISSING");
        stdout.ShouldContain("ok       'submit-job'");
        nomad.State.Variables.List("default", "nomad-gitops/v1/").ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(EachCapability))]
    public async Task A_token_lacking_one_capability_makes_check_name_it(string scope, string capability, string? expected)
    {
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions { AclEnabled = true }, _ct);
        var without = ControllerPermissions.All.Where(p => !(p.Scope.ToString() == scope && p.Capability == capability));
        var token = AclTokens.Mint(nomad, PolicyDocument.Render(without, "default", "nomad-gitops/v1", ["default"]));

        var (exit, stdout) = await CheckAsync(nomad, token);

        if (expected is null)
        {
            exit.ShouldBe(ExitCodes.Ok, stdout);
            stdout.ShouldNotContain("MISSING");
        }
        else
        {
            exit.ShouldBe(ExitCodes.Failed, stdout);
            stdout.ShouldContain(expected);
            stdout.Split('\n').Count(l => l.Contains("MISSING", StringComparison.Ordinal)).ShouldBe(1, stdout);
        }
    }

    [Fact]
    public async Task Without_write_the_list_capability_cannot_be_probed_and_check_says_so()
    {
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions { AclEnabled = true }, _ct);
        var token = AclTokens.Mint(nomad, """
            namespace "default" {
              policy = "write"
              variables {
                path "nomad-gitops/v1/*" { capabilities = ["list"] }
              }
            }
            """);

        var (exit, stdout) = await CheckAsync(nomad, token);

        exit.ShouldBe(ExitCodes.Failed);
        stdout.ShouldContain("MISSING  variables 'read'");
        stdout.ShouldContain("MISSING  variables 'write'");
        stdout.ShouldContain("unknown  variables 'list' (or 'read') on nomad-gitops/v1/* in namespace default: not probed, a probe variable is needed, which takes write");
        stdout.ShouldContain("MISSING  variables 'destroy'");
    }

    private async Task<(int Exit, string Stdout)> CheckAsync(NomadEmulator nomad, string token)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await NomadGitOpsCli.RunAsync(["check", "--address", nomad.Address.ToString(), "--token", token, "--namespaces", "default"], stdout, stderr)
            .WaitAsync(TimeSpan.FromMinutes(1), _ct);
        return (exit, stdout.ToString() + stderr);
    }
}
