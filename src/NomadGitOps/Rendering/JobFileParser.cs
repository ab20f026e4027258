using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Nomad.Client;
using Nomad.Hcl;
using NomadGitOps.Sources;

namespace NomadGitOps.Rendering;

/// <summary>
/// Turns a job file's text into API job JSON: HCL2 in this process with Nomad.Hcl (jobspec2's rules and the api
/// package's Canonicalize defaults, the JSON Nomad's <c>POST /v1/jobs/parse</c> answers), as <c>nomad job run</c>
/// parses on the client; JSON directly, whether it holds the job or <c>{"Job": {...}}</c>. When Nomad.Hcl refuses a
/// file (malformed, or an argument newer than the library), Nomad's parse endpoint is asked and its answer is used, job
/// or error text, so the server stays the judge; with <see cref="ParseOn.Server"/> every HCL2 file goes to the endpoint.
/// An HCL2 file calling filesystem functions (<c>file(...)</c>, which the endpoint refuses) is rendered by Nomad.Hcl
/// over a checkout of the artifact's commit with file access confined to it.
/// Results (and file errors) are cached by the hash of the file's text and of the variables (and, for files rendered
/// from a checkout, of the commit and the file's path), so an unchanged file is not parsed again.
/// </summary>
internal sealed class JobFileParser(NomadClient nomad, ILogger<JobFileParser> logger, JobFileParserOptions? options = null)
{
    /// <summary>The submission format of HCL2 job files.</summary>
    public const string Hcl2Format = "hcl2";

    /// <summary>The submission format of JSON job files.</summary>
    public const string JsonFormat = "json";

    /// <summary>How many parse results the cache keeps before dropping the oldest.</summary>
    public const int CacheCapacity = 4096;

    // The file name Nomad's parse endpoint gives the HCL it parses (command/agent/job_endpoint.go, jobsParseRequest).
    private const string NomadInputName = "input.hcl";

    private readonly ParseOn _parseOn = (options ?? new JobFileParserOptions()).ParseOn;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CacheEntry> _cache = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>True for paths parsed as JSON (<c>.json</c>); every other job file is HCL2.</summary>
    public static bool IsJson(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parses the job file at <paramref name="path"/> (used in messages and to pick the format) whose text is
    /// <paramref name="source"/>.
    /// </summary>
    /// <exception cref="JobFileException">The file is malformed or holds no job; the message says which file and why.</exception>
    /// <exception cref="NomadApiException">Nomad failed in a way that is not the file's fault (unreachable, 5xx, 403).</exception>
    public Task<ParsedJobFile> ParseAsync(string path, string source, JobFileVariables variables, CancellationToken ct) =>
        ParseAsync(path, source, variables, artifact: null, ct);

    /// <summary>
    /// Parses the job file at <paramref name="path"/> of <paramref name="artifact"/>'s commit whose text is
    /// <paramref name="source"/>. When it is HCL2 and calls a filesystem function, it is rendered by Nomad.Hcl over a
    /// checkout of the commit (made on first need), with file access confined to it and relative paths from the file's
    /// folder, as <c>nomad job run</c> reads them; every other HCL2 file still goes to Nomad's parse endpoint.
    /// </summary>
    /// <exception cref="JobFileException">The file is malformed, holds no job, or reads a path outside the repository.</exception>
    /// <exception cref="NomadApiException">Nomad failed in a way that is not the file's fault (unreachable, 5xx, 403).</exception>
    /// <exception cref="GitException">The checkout of the commit could not be made.</exception>
    public async Task<ParsedJobFile> ParseAsync(string path, string source, JobFileVariables variables, Artifact? artifact, CancellationToken ct) =>
        (await EntryAsync(path, source, variables, artifact, ct).ConfigureAwait(false)).Resolve(path);

    /// <summary>
    /// The job ID and namespace of the job file, as <see cref="ParseAsync(string, string, JobFileVariables, Artifact?, CancellationToken)"/>
    /// finds them (the same cache, so a file the index read is not parsed again for its NomadJob), without a copy of the job.
    /// </summary>
    /// <exception cref="JobFileException">The file is malformed or holds no job.</exception>
    /// <exception cref="NomadApiException">Nomad failed in a way that is not the file's fault.</exception>
    /// <exception cref="GitException">The checkout of the commit could not be made.</exception>
    public async Task<JobFileIdentity> IdentifyAsync(string path, string source, JobFileVariables variables, Artifact? artifact, CancellationToken ct) =>
        (await EntryAsync(path, source, variables, artifact, ct).ConfigureAwait(false)).Identify(path);

    private async Task<CacheEntry> EntryAsync(string path, string source, JobFileVariables variables, Artifact? artifact, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(variables);
        var json = IsJson(path);
        var varContent = json ? null : variables.Combined();
        var renderer = json ? JobFileRenderer.Json
            : artifact is not null && FileSystemUse.Calls(source) ? JobFileRenderer.Checkout
            : _parseOn == ParseOn.Local ? JobFileRenderer.InProcess
            : JobFileRenderer.NomadParseEndpoint;
        var key = CacheKey(renderer, source, varContent, renderer == JobFileRenderer.Checkout ? $"{artifact!.Commit}\0{path}" : null);
        if (TryGetCached(key, out var cached))
        {
            return cached;
        }

        CacheEntry entry;
        try
        {
            entry = CacheEntry.Of(renderer switch
            {
                JobFileRenderer.Json => ParseJson(source),
                JobFileRenderer.Checkout => await RenderFromCheckoutAsync(path, source, varContent, artifact!, ct).ConfigureAwait(false),
                JobFileRenderer.InProcess => await ParseHclInProcessAsync(path, source, varContent, ct).ConfigureAwait(false),
                _ => await ParseHclAsync(source, varContent, ct).ConfigureAwait(false),
            });
            LogRendered(path, entry.Result!.Renderer, artifact);
        }
        catch (FileProblem problem) when (!problem.Cacheable)
        {
            return CacheEntry.Of(problem);
        }
        catch (FileProblem problem)
        {
            entry = CacheEntry.Of(problem);
        }

        Store(key, entry);
        return entry;
    }

    private Task<Parsed> ParseHclAsync(string source, string? varContent, CancellationToken ct) =>
        ReadHclJobAsync(JobFileRenderer.NomadParseEndpoint, source, canonicalize => CallParseAsync(source, varContent, canonicalize, ct));

    // Nomad.Hcl as the endpoint runs jobspec2 (file input.hcl, file access off, the variables as var-file content), so
    // its answer and its error texts are the endpoint's. What it refuses goes to the endpoint, whose answer wins.
    private async Task<Parsed> ParseHclInProcessAsync(string path, string source, string? varContent, CancellationToken ct)
    {
        var parseOptions = new JobParseOptions { FileName = NomadInputName, VarFileContent = varContent, FileSystemRoot = null };
        var refusal = ParseLocally(source, parseOptions, out var canonical);
        if (refusal is null)
        {
            return await ReadHclJobAsync(JobFileRenderer.InProcess, source, canonicalize =>
            {
                if (canonicalize)
                {
                    return Task.FromResult(canonical!);
                }

                var raw = ParseLocally(source, parseOptions with { Canonicalize = false }, out var job);
                return job is not null ? Task.FromResult(job) : throw new FileProblem($"is not a valid HCL2 job: {raw}");
            }).ConfigureAwait(false);
        }

        Parsed parsed;
        try
        {
            parsed = await ParseHclAsync(source, varContent, ct).ConfigureAwait(false);
        }
        catch (FileProblem problem) when (!problem.Cacheable)
        {
            // The endpoint cannot judge (a Nomad that does not parse HCL): Nomad.Hcl's answer is the best there is.
            throw new FileProblem(cacheable: false, problem: $"is not a valid HCL2 job: {refusal}");
        }

        // (A refusal by the endpoint too has gone up as the file's error, in the endpoint's words.)
        var difference = refusal.Replace(NomadInputName, path, StringComparison.Ordinal);
        logger.LogWarning(
            "Nomad.Hcl could not parse {File}, Nomad's parse endpoint could, so its job is used (a difference to report to nomad-gitops): {Problem}",
            path,
            difference);
        return parsed;
    }

    // Null when Nomad.Hcl parsed the file (the job in job), else its error text. The library reports errors and does
    // not throw; should it throw anyway, that too is a refusal the endpoint then judges.
    private static string? ParseLocally(string source, JobParseOptions parseOptions, out JsonObject? job)
    {
        job = null;
        try
        {
            var result = Nomad.Hcl.JobFileParser.Parse(source, parseOptions);
            job = result.Job;
            return job is null ? result.ErrorText : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"Nomad.Hcl failed: {e.Message}";
        }
    }

    private static async Task<Parsed> RenderFromCheckoutAsync(string path, string source, string? varContent, Artifact artifact, CancellationToken ct)
    {
        using var checkout = await artifact.CheckoutAsync(ct).ConfigureAwait(false);
        // Relative paths start from the repository's top directory: `nomad job run jobs/web.nomad.hcl` run there resolves
        // them from its working directory (command/helpers.go passes only the file's base name, so jobspec2's BaseDir is ".").
        var options = new JobParseOptions
        {
            FileName = path,
            VarFileContent = varContent,
            FileSystemRoot = checkout.Directory,
        };

        return await ReadHclJobAsync(JobFileRenderer.Checkout, source, canonicalize =>
        {
            var result = Nomad.Hcl.JobFileParser.Parse(source, options with { Canonicalize = canonicalize });
            return result.Job is { } job
                ? Task.FromResult(job)
                : throw new FileProblem($"is not a valid HCL2 job: {result.ErrorText}");
        }).ConfigureAwait(false);
    }

    // The job ID and namespace of an HCL2 job, from a canonical parse and, when that says "default" and the file could
    // name a namespace at all, a raw one.
    private static async Task<Parsed> ReadHclJobAsync(JobFileRenderer renderer, string source, Func<bool, Task<JsonObject>> parse)
    {
        var job = await parse(true).ConfigureAwait(false);
        var jobId = JsonJobFile.StringField(job, "ID");
        if (string.IsNullOrEmpty(jobId))
        {
            throw new FileProblem("holds no job ID: give the job block a name (job \"web\" { ... })");
        }

        // Canonicalize fills in "default" for a job that names no namespace (api/jobs.go, Job.Canonicalize), so only a
        // non-canonical parse tells "default" written in the file from no namespace at all.
        var ns = JsonJobFile.StringField(job, "Namespace");
        if (ns == "default" && !source.Contains("namespace", StringComparison.Ordinal))
        {
            // jobspec2 reads the job's namespace only from a "namespace" attribute: a file without that word names none,
            // so the second parse would say so (one Nomad call per file saved).
            ns = null;
        }
        else if (ns == "default")
        {
            var raw = await parse(false).ConfigureAwait(false);
            ns = JsonJobFile.StringField(raw, "Namespace");
        }

        return new Parsed(job, Hcl2Format, jobId, string.IsNullOrEmpty(ns) ? null : ns, renderer);
    }

    private async Task<JsonObject> CallParseAsync(string source, string? varContent, bool canonicalize, CancellationToken ct)
    {
        try
        {
            return await nomad.Jobs.ParseAsync(new JobParseRequest(source) { Variables = varContent, Canonicalize = canonicalize }, ct: ct)
                .ConfigureAwait(false);
        }
        catch (NomadApiException e) when (e.StatusCode == HttpStatusCode.BadRequest)
        {
            throw new FileProblem($"is not a valid HCL2 job: {StripPrefix(e.NomadMessage)}");
        }
        catch (NomadApiException e) when (e.StatusCode == HttpStatusCode.NotImplemented)
        {
            logger.LogWarning("Nomad cannot parse HCL2 jobs ({Status}): {NomadMessage}", (int)e.StatusCode!, e.NomadMessage);
            throw new FileProblem(
                cacheable: false,
                problem: $"cannot be parsed: this Nomad answers 501 Not Implemented to POST /v1/jobs/parse ({e.NomadMessage.Trim()}); use a Nomad that parses HCL2, or a JSON job file");
        }
    }

    private static Parsed ParseJson(string source)
    {
        var (job, jobId, ns, problem) = JsonJobFile.Read(source);
        return job is null ? throw new FileProblem(problem!) : new Parsed(job, JsonFormat, jobId!, ns, JobFileRenderer.Json);
    }

    private static string StripPrefix(string nomadMessage)
    {
        const string prefix = "Failed to parse job: ";
        var message = nomadMessage.Trim();
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
    }

    private void LogRendered(string path, JobFileRenderer renderer, Artifact? artifact)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        if (renderer == JobFileRenderer.Checkout)
        {
            logger.LogDebug("Rendered {File} with Nomad.Hcl over the checkout of {Commit}: it calls filesystem functions", path, artifact?.Commit);
        }
        else
        {
            logger.LogDebug("Parsed {File} with {Renderer}", path, renderer);
        }
    }

    // The renderer is part of the key (one text may be parsed both ways: with and without an artifact); files rendered
    // from a checkout also key on the commit and path, as the files they read and their folder matter.
    private static string CacheKey(JobFileRenderer renderer, string source, string? varContent, string? where)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(renderer switch
        {
            JobFileRenderer.Json => "json\0",
            JobFileRenderer.Checkout => "hcl2-checkout\0" + where + "\0",
            _ => "hcl2\0",
        }));
        hash.AppendData(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
        hash.AppendData(varContent is null ? [0] : SHA256.HashData(Encoding.UTF8.GetBytes("\u0001" + varContent)));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private bool TryGetCached(string key, out CacheEntry entry)
    {
        lock (_gate)
        {
            return _cache.TryGetValue(key, out entry!);
        }
    }

    private void Store(string key, CacheEntry entry)
    {
        lock (_gate)
        {
            if (!_cache.TryAdd(key, entry))
            {
                return;
            }

            _order.Enqueue(key);
            while (_order.Count > CacheCapacity)
            {
                _cache.Remove(_order.Dequeue());
            }
        }
    }

    /// <summary>A parse result as cached: the job, never handed out itself (callers get copies).</summary>
    private sealed record Parsed(JsonObject Job, string Format, string JobId, string? Namespace, JobFileRenderer Renderer);

    /// <summary>
    /// A parse result as kept in the cache: the job as compact UTF-8 JSON (a few KB, where the <see cref="JsonObject"/>
    /// tree of a canonical job takes ten times that), read into a fresh tree for each caller that needs the job.
    /// </summary>
    private sealed record Kept(byte[] Job, string Format, string JobId, string? Namespace, JobFileRenderer Renderer)
    {
        public static Kept Of(Parsed parsed) =>
            new(Encoding.UTF8.GetBytes(parsed.Job.ToJsonString()), parsed.Format, parsed.JobId, parsed.Namespace, parsed.Renderer);
    }

    /// <summary>
    /// What is wrong with a file, without its name (the cache is shared by files with the same text). Not cacheable
    /// when the fault may lie with Nomad rather than the text (a Nomad that cannot parse HCL yet).
    /// </summary>
    private sealed class FileProblem(string problem, bool cacheable = true) : Exception(problem)
    {
        public bool Cacheable { get; } = cacheable;
    }

    private sealed record CacheEntry(Kept? Result, string? Problem)
    {
        public static CacheEntry Of(Parsed result) => new(Kept.Of(result), null);

        public static CacheEntry Of(FileProblem problem) => new(null, problem.Message);

        public ParsedJobFile Resolve(string path)
        {
            var result = Found(path);
            return new ParsedJobFile(JsonNode.Parse(result.Job)!.AsObject(), result.Format, result.JobId, result.Namespace) { Renderer = result.Renderer };
        }

        public JobFileIdentity Identify(string path)
        {
            var result = Found(path);
            return new JobFileIdentity(result.JobId, result.Namespace);
        }

        private Kept Found(string path) => Result
            ?? throw new JobFileException($"Job file {path} {Problem!.Replace(NomadInputName, path, StringComparison.Ordinal).TrimEnd('.')}.");
    }
}
