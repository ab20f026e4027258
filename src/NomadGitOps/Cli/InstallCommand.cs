using System.CommandLine;
using Nomad.Client;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops install</c>: with a management token, creates the controller's namespace, its policy bound to its
/// job (<c>JobACL</c>), the JWT auth method and binding rule that exchange the job's workload identity for an ACL
/// token, and registers the controller's job (<see cref="InstallManifest"/>). Running it again updates each piece.
/// <c>--export DIR</c> writes the same as files and a script of <c>nomad</c> commands instead, touching no cluster.
/// </summary>
internal static class InstallCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var shared = InstallOptions.Create();
        var namespaces = new Option<string>("--namespaces") { Description = "Comma-separated namespaces whose jobs the controller manages, globs allowed", DefaultValueFactory = _ => "default" };
        var replicas = new Option<int>("--replicas") { Description = "Allocations of the controller, on distinct hosts (one leads)", DefaultValueFactory = _ => 2 };
        var driver = new Option<string>("--driver") { Description = "exec (the release archive as an artifact) or docker (an image)", DefaultValueFactory = _ => "exec" };
        driver.AcceptOnlyFromAmong("exec", "docker");
        var artifact = new Option<string?>("--artifact") { Description = "URL of the release archive (exec driver)" };
        var image = new Option<string?>("--image") { Description = "The controller's image (docker driver)" };
        var jwks = new Option<string?>("--jwks-url") { Description = "Where Nomad's servers fetch the workload-identity keys (default: the address + /.well-known/jwks.json)" };
        var export = new Option<string?>("--export") { Description = "Write the job, policy, auth method, binding rule and the nomad commands to this folder instead of applying them" };
        var command = new Command("install", "Install the controller on Nomad as a job with its own workload identity and least-privilege policy")
        {
            namespaces, replicas, driver, artifact, image, jwks, export,
        };
        shared.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var client = shared.Client(parse);
            var defaults = new InstallSettings();
            var settings = defaults with
            {
                Namespace = parse.GetValue(shared.Namespace)!,
                ManagedNamespaces = parse.GetValue(namespaces)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Replicas = parse.GetValue(replicas),
                Driver = parse.GetValue(driver)!,
                Artifact = parse.GetValue(artifact) ?? defaults.Artifact,
                Image = parse.GetValue(image) ?? defaults.Image,
                JwksUrl = parse.GetValue(jwks) ?? (client.Address.StartsWith("unix:", StringComparison.Ordinal)
                    ? defaults.JwksUrl
                    : client.Address.TrimEnd('/') + "/.well-known/jwks.json"),
            };
            if (settings.Replicas < 1 || settings.ManagedNamespaces.Count == 0)
            {
                await stderr.WriteLineAsync("nomad-gitops install: --replicas must be at least 1 and --namespaces must name a namespace").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (parse.GetValue(export) is { } folder)
            {
                await ExportAsync(settings, folder, ct).ConfigureAwait(false);
                await stdout.WriteLineAsync($"Wrote the job, policy, auth method, binding rule and install.sh to {Path.GetFullPath(folder)}").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            using var nomad = new NomadClient(client);
            try
            {
                await ApplyAsync(nomad, settings, stdout, ct).ConfigureAwait(false);
            }
            catch (NomadApiException e)
            {
                await stderr.WriteLineAsync($"nomad-gitops install: {e.Message}. install needs a management token (NOMAD_TOKEN or --token).").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Applies the namespace, policy, auth method, binding rule and job, each created or updated.</summary>
    public static async Task ApplyAsync(NomadClient nomad, InstallSettings settings, TextWriter stdout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(nomad);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stdout);
        const string name = InstallSettings.Name;
        await nomad.Namespaces.UpsertAsync(settings.Namespace, "nomad-gitops controller", ct).ConfigureAwait(false);
        await stdout.WriteLineAsync($"namespace     {settings.Namespace}").ConfigureAwait(false);

        await nomad.Acl.UpsertPolicyAsync(name, "nomad-gitops controller", InstallManifest.Policy(settings), (settings.Namespace, name), ct).ConfigureAwait(false);
        await stdout.WriteLineAsync($"policy        {name} (bound to job {settings.Namespace}/{name})").ConfigureAwait(false);

        await nomad.Acl.UpsertAuthMethodAsync(InstallManifest.AuthMethod(settings), ct).ConfigureAwait(false);
        await stdout.WriteLineAsync($"auth method   {name} (JWT, keys from {settings.JwksUrl})").ConfigureAwait(false);

        var rules = await nomad.Acl.BindingRuleIdsAsync(name, ct).ConfigureAwait(false);
        await nomad.Acl.UpsertBindingRuleAsync(InstallManifest.BindingRule(settings), rules.Count > 0 ? rules[0] : null, ct).ConfigureAwait(false);
        foreach (var extra in rules.Skip(1))
        {
            await nomad.Acl.DeleteBindingRuleAsync(extra, ct).ConfigureAwait(false);
        }

        await stdout.WriteLineAsync($"binding rule  {InstallManifest.BindingRule(settings)["Selector"]}").ConfigureAwait(false);

        var write = new WriteOptions { Namespace = settings.Namespace };
        var job = await nomad.Jobs.ParseAsync(new JobParseRequest(InstallManifest.Job(settings)), write, ct).ConfigureAwait(false);
        var registered = await nomad.Jobs.RegisterAsync(new JobRegisterRequest(job), write, ct).ConfigureAwait(false);
        await stdout.WriteLineAsync($"job           {settings.Namespace}/{name}, {settings.Replicas} replicas, evaluation {registered.EvalID}").ConfigureAwait(false);
    }

    /// <summary>Writes the pieces as files for people who apply them through their own GitOps.</summary>
    public static async Task ExportAsync(InstallSettings settings, string folder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Directory.CreateDirectory(folder);
        var method = InstallManifest.AuthMethod(settings);
        await File.WriteAllTextAsync(Path.Combine(folder, "nomad-gitops.nomad.hcl"), InstallManifest.Job(settings), ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, "nomad-gitops.policy.hcl"), InstallManifest.Policy(settings), ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, "auth-method.json"), method.ToJsonString(CliJson.Options) + "\n", ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, "auth-method-config.json"), method["Config"]!.ToJsonString(CliJson.Options) + "\n", ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, "binding-rule.json"), InstallManifest.BindingRule(settings).ToJsonString(CliJson.Options) + "\n", ct).ConfigureAwait(false);
        var script = Path.Combine(folder, "install.sh");
        await File.WriteAllTextAsync(script, InstallManifest.Commands(settings), ct).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }
}
