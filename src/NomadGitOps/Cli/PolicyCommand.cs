using System.CommandLine;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops policy</c>: prints the least-privilege ACL policy of the controller, generated from
/// <see cref="ControllerPermissions"/>, e.g. for <c>nomad acl policy apply nomad-gitops policy.hcl</c>.
/// </summary>
internal static class PolicyCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var options = ControllerScope.Options.Create();
        var command = new Command("policy", "Print the ACL policy (HCL) that grants the controller exactly what it calls");
        options.AddTo(command);
        command.SetAction(parse =>
        {
            if (ControllerScope.From(parse, options, out var problems) is not { } scope)
            {
                foreach (var problem in problems)
                {
                    stderr.WriteLine(problem);
                }

                return ExitCodes.Usage;
            }

            stdout.Write(PolicyDocument.Render(ControllerPermissions.All, scope.ControllerNamespace, scope.Prefix, scope.ManagedNamespaces));
            return ExitCodes.Ok;
        });
        return command;
    }
}
