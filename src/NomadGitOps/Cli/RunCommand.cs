using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nomad.Client;
using NomadGitOps.Controllers.Alert;
using NomadGitOps.Controllers.GitRepository;
using NomadGitOps.Controllers.NomadJob;
using NomadGitOps.Controllers.NomadJobIndex;
using NomadGitOps.Controllers.Receiver;
using NomadGitOps.Engine;
using NomadGitOps.Logging;
using NomadGitOps.Notifications;
using NomadGitOps.Server;
using NomadGitOps.Sources;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops run</c>: runs the controllers until SIGTERM or Ctrl-C (several replicas may run; one acts), or,
/// with <c>--once</c> or <c>NOMAD_GITOPS_ONE_OFF=true</c>, runs each controller once, prints a result per object and
/// exits non-zero when any failed. Settings come from <c>NOMAD_GITOPS_*</c> variables; flags win over them.
/// </summary>
internal static class RunCommand
{
    /// <summary>How long the command line lets <c>run</c> shut down after SIGTERM before giving up on it.</summary>
    public static readonly TimeSpan TerminationAllowance = TimeSpan.FromMinutes(5);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <summary>
    /// Builds the verb. The controllers are added by <see cref="AddControllers"/>; a <paramref name="configure"/>
    /// replaces that step and adds its own services after the engine's (tests register reconciler doubles there).
    /// <paramref name="listening"/> is called with the HTTP server's bound address (the real port when 0 was asked for)
    /// once it listens, before the controllers start; <c>dev</c> prints its hook URL there.
    /// </summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, Action<IServiceCollection>? configure = null, Func<Uri, CancellationToken, Task>? listening = null)
    {
        var once = new Option<bool>("--once") { Description = "Run each controller once over all objects, print the results, and exit (NOMAD_GITOPS_ONE_OFF)" };
        var output = OutputOption.Create();
        var address = new Option<string?>("--address") { Description = "Nomad's address (default: NOMAD_ADDR, else http://127.0.0.1:4646)" };
        var prefix = new Option<string?>("--prefix") { Description = "Variable path prefix of the objects (NOMAD_GITOPS_PREFIX, default nomad-gitops/v1)" };
        var ns = new Option<string?>("--namespace") { Description = "Nomad namespace of the object variables (NOMAD_GITOPS_NAMESPACE, default default)" };
        var controllerName = new Option<string?>("--controller-name") { Description = "Name of this controller in job meta and the leader lock (NOMAD_GITOPS_CONTROLLER_NAME)" };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "Directory of the git caches (NOMAD_GITOPS_CACHE_DIR)" };
        var concurrency = new Option<int?>("--concurrency") { Description = "Reconciles at once per controller (NOMAD_GITOPS_CONCURRENCY, default 4)" };
        var interval = new Option<string?>("--interval") { Description = "Default interval between reconciles of an object, e.g. 1m (NOMAD_GITOPS_INTERVAL)" };
        var httpAddr = new Option<string?>("--http-addr") { Description = "host:port of the HTTP server: webhooks, API, /healthz, /readyz (NOMAD_GITOPS_HTTP_ADDR, default 0.0.0.0:9090)" };
        var apiTokenFile = new Option<string?>("--api-token-file") { Description = "File holding the bearer token of /api/v1 (else NOMAD_GITOPS_API_TOKEN; neither turns the API off)" };
        var logFormat = LogOptions.Format();
        var logLevel = LogOptions.Level();
        var command = new Command("run", "Run the controllers (until SIGTERM, or once with --once)")
        {
            once, output, address, prefix, ns, controllerName, cacheDir, concurrency, interval, httpAddr, apiTokenFile, logFormat, logLevel,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = EngineSettings.FromEnvironment(null, out var envErrors);
            var errors = new List<string>(envErrors);
            settings = settings with
            {
                OneOff = settings.OneOff || parse.GetValue(once),
                Prefix = parse.GetValue(prefix) ?? settings.Prefix,
                Namespace = parse.GetValue(ns) ?? settings.Namespace,
                ControllerName = parse.GetValue(controllerName) ?? settings.ControllerName,
                CacheDir = parse.GetValue(cacheDir) ?? settings.CacheDir,
                Concurrency = parse.GetValue(concurrency) ?? settings.Concurrency,
            };
            if (parse.GetValue(interval) is { } intervalText)
            {
                if (GoDuration.TryParse(intervalText, out var parsed))
                {
                    settings = settings with { DefaultInterval = parsed };
                }
                else
                {
                    errors.Add($"--interval \"{intervalText}\" is not a duration: write it as Nomad does, e.g. \"30s\", \"5m\".");
                }
            }

            errors.AddRange(settings.Validate());
            var http = HttpOptions(parse.GetValue(httpAddr), parse.GetValue(apiTokenFile), errors);
            var logSettings = LogSettings.Resolve(parse.GetValue(logFormat), parse.GetValue(logLevel), null, Console.IsErrorRedirected, out var logErrors);
            errors.AddRange(logErrors);
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    await stderr.WriteLineAsync(error).ConfigureAwait(false);
                }

                return ExitCodes.Usage;
            }

            var nomad = NomadEnvironment.Read();
            if (parse.GetValue(address) is { Length: > 0 } explicitAddress)
            {
                nomad = nomad with { Address = explicitAddress };
            }

            var format = parse.GetValue(output);
            var services = new ServiceCollection();
            services.AddLogging(logging => logging.AddNomadGitOpsConsole(logSettings));
            services.AddNomadGitOpsEngine(settings, nomad);
            services.AddNomadGitOpsServer(http);
            if (configure is null)
            {
                AddControllers(services, settings);
            }
            else
            {
                configure(services);
            }

            await using var provider = services.BuildServiceProvider();
            return settings.OneOff
                ? await RunOnceAsync(provider, format, stdout, stderr, ct).ConfigureAwait(false)
                : await RunUntilStoppedAsync(provider, stderr, listening, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>
    /// Registers the git sources, the three controllers, the receiver and the alert controller (with notifications), each
    /// adding its <c>IReconciler</c>; the engine takes
    /// whatever is registered. Jobs are marked with the controller name as <c>gitops_managed_by</c>.
    /// </summary>
    public static void AddControllers(IServiceCollection services, EngineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.AddGitSources(settings.CacheDir);
        services.AddSingleton(new NomadJobControllerOptions { ManagedBy = settings.ControllerName });
        services.AddGitRepositoryController();
        services.AddNomadJobIndexController();
        services.AddNomadJobController();
        services.AddReceiverController();
        services.AddAlertController();
    }

    // NOMAD_GITOPS_* first, then the flags.
    private static HttpServerOptions HttpOptions(string? httpAddr, string? apiTokenFile, List<string> errors)
    {
        var http = HttpServerOptions.FromEnvironment(null, new HttpServerOptions(), out var httpErrors);
        errors.AddRange(httpErrors);
        if (httpAddr is not null)
        {
            if (HttpAddress.TryParse(httpAddr, out var parsed, out var error))
            {
                http = http with { Address = parsed };
            }
            else
            {
                errors.Add("--http-addr: " + error);
            }
        }

        if (apiTokenFile is not null)
        {
            try
            {
                var token = File.ReadAllText(apiTokenFile).Trim();
                if (token.Length == 0)
                {
                    errors.Add($"--api-token-file \"{apiTokenFile}\" is empty: write the API's bearer token into it.");
                }
                else
                {
                    http = http with { ApiToken = token };
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"--api-token-file \"{apiTokenFile}\" could not be read: {e.Message}");
            }
        }

        return http;
    }

    private static async Task<int> RunUntilStoppedAsync(ServiceProvider provider, TextWriter stderr, Func<Uri, CancellationToken, Task>? listening, CancellationToken ct)
    {
        var server = provider.GetRequiredService<HttpServer>();
        var options = provider.GetRequiredService<HttpServerOptions>();
        Uri bound;
        try
        {
            bound = await server.StartAsync(ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync($"nomad-gitops run: the HTTP server cannot listen on {options.Address}: {e.Message}. Choose another with --http-addr or NOMAD_GITOPS_HTTP_ADDR.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        if (listening is not null)
        {
            await listening(bound, ct).ConfigureAwait(false);
        }

        // Notifications go out beside the controllers (only while this replica leads) and stop with them.
        using var stopNotifying = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var notifying = provider.GetService<AlertDispatcher>()?.RunAsync(stopNotifying.Token) ?? Task.CompletedTask;
        await provider.GetRequiredService<ControllerHost>().RunAsync(ct).ConfigureAwait(false);
        await stopNotifying.CancelAsync().ConfigureAwait(false);
        await notifying.ConfigureAwait(false);
        await server.DisposeAsync().ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static async Task<int> RunOnceAsync(ServiceProvider provider, OutputFormat format, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        OneOffReport report;
        try
        {
            report = await provider.GetRequiredService<OneOffRun>().RunAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (NomadApiException e)
        {
            await stderr.WriteLineAsync($"nomad-gitops run --once: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (HttpRequestException e)
        {
            await stderr.WriteLineAsync($"nomad-gitops run --once: Nomad could not be reached: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var settings = provider.GetRequiredService<EngineSettings>();
        if (format == OutputFormat.Json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(ToJson(report, settings), JsonOptions)).ConfigureAwait(false);
        }
        else
        {
            await WriteTableAsync(report, settings, stdout).ConfigureAwait(false);
        }

        return report.Failed ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static object ToJson(OneOffReport report, EngineSettings settings) => new
    {
        paused = report.Paused,
        pausedBy = report.Paused ? Objects.ObjectKey.ControllerPath(settings.Prefix) : null,
        failed = report.Failed,
        results = report.Results.Select(r => new
        {
            controller = r.Controller.ToString(),
            @object = r.Key.ToString(),
            kind = r.Key.Kind.ToString(),
            @namespace = r.Key.Namespace,
            name = r.Key.Name,
            outcome = r.Outcome,
            ready = r.Ready.ToString(),
            reason = r.Reason,
            message = r.Message,
            failed = r.Failed,
        }),
    };

    private static async Task WriteTableAsync(OneOffReport report, EngineSettings settings, TextWriter stdout)
    {
        if (report.Paused)
        {
            await stdout.WriteLineAsync($"Controller paused: {Objects.ObjectKey.ControllerPath(settings.Prefix)} has suspend=true; nothing was reconciled. Remove the item to resume.").ConfigureAwait(false);
            return;
        }

        CliTable.Write(
            stdout,
            ["CONTROLLER", "OBJECT", "RESULT", "READY", "REASON", "MESSAGE"],
            report.Results.Select(r => new[] { r.Controller.ToString(), r.Key.ToString(), r.Outcome, r.Ready.ToString(), r.Reason, FirstLine(r.Message) }),
            (column, value) => column == 3 ? CliTable.Ready(value) : null);

        var failed = report.Results.Count(r => r.Failed);
        await stdout.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Results.Count} reconciles, {failed} failed")).ConfigureAwait(false);
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline] + " …";
    }
}
