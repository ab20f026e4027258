using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Scenarios.BadInput;

/// <summary>
/// The bad-input corpus (issue 12 §2) against one running controller: every case of <see cref="BadInputCorpus"/> at
/// once, beside healthy repositories, jobs and a receiver. Each bad input must be refused with its error on its own
/// object (or its HTTP answer), and every healthy object must converge in the same run, and keep converging after a
/// new commit. Prints <c>bad-input: N cases, N named, 0 lost</c>. Then the secrets scan (issue 12 §3) of that run.
/// </summary>
public sealed class BadInputScenario
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Every_bad_input_is_refused_with_its_error_on_its_own_object_while_the_healthy_objects_converge()
    {
        var ct = TestContext.Current.CancellationToken;
        var cases = BadInputCorpus.All;
        await using var world = await BadInputWorld.StartAsync(cases, ct);
        var results = new Dictionary<BadInputCase, string?>();
        var answers = new List<string>();

        var objectCases = cases.Where(c => c.Expect is BadInputExpectation.Status or BadInputExpectation.Skipped).ToList();
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (true)
        {
            foreach (var c in objectCases)
            {
                results[c] = await MismatchAsync(world, c, ct);
            }

            var disturbed = await DisturbedAsync(world, ct);
            if ((objectCases.All(c => results[c] is null) && disturbed.Count == 0) || TimeProvider.System.GetUtcNow() > deadline)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }

        foreach (var c in cases)
        {
            switch (c.Input)
            {
                case BadInputKind.Request request:
                    var answer = await world.SendAsync(request, ct);
                    answers.Add(answer.Body);
                    results[c] = Compare((BadInputExpectation.Answer)c.Expect, answer);
                    break;
                case BadInputKind.NomadWrite write:
                    results[c] = Compare((BadInputExpectation.Answer)c.Expect, await world.WriteRawAsync(write, ct));
                    break;
            }
        }

        // After every bad input: a new commit of the healthy repository, asked for through the API, is registered.
        await world.CommitHealthyChangeAsync(2, ct);
        var (status, body) = await world.SendAsync(
            new BadInputKind.Request("POST", "/api/v1/gitrepository/healthy/reconcile", [], null, ("Authorization", "Bearer " + BadInputWorld.ApiToken)), ct);
        var lost = new List<string>();
        if (status != 200)
        {
            lost.Add($"the API refused a good reconcile: {status} {body}");
        }

        lost.AddRange(await ConvergedAfterCommitAsync(world, deadline: TimeProvider.System.GetUtcNow() + Patience, ct));
        lost.AddRange(await DisturbedAsync(world, ct));

        var output = TestContext.Current.TestOutputHelper;
        foreach (var c in cases)
        {
            output?.WriteLine($"{(results[c] is null ? "named" : "NOT NAMED")}  {c}");
        }

        output?.WriteLine("index errors of gitrepository/jobfiles:\n" + (await world.ItemsOfAsync("gitrepository/" + BadInputCorpus.JobFiles, ct))?.GetValueOrDefault(ItemKeys.StatusIndexErrors));
        var named = results.Count(r => r.Value is null);
        output?.WriteLine($"bad-input: {cases.Count} cases, {named} named, {lost.Count} lost");
        output?.WriteLine($"{named}/{cases.Count} bad inputs rejected with a clear error, {lost.Count} others disturbed");
        var leaks = await SecretsScan.FindAsync(world, answers, ct);
        output?.WriteLine($"secrets: {world.Secrets.Count} values looked for in {leaks.Places} places, {leaks.Found.Count} found");
        var failures = results.Where(r => r.Value is not null).Select(r => $"{r.Key}: {r.Value}").Concat(lost).Concat(leaks.Found).ToList();
        failures.ShouldBeEmpty(string.Join('\n', failures) + "\n--- controller output (tail) ---\n" + Tail(world.Controller.Output));
        cases.Count.ShouldBeGreaterThanOrEqualTo(60);
    }

    private static async Task<string?> MismatchAsync(BadInputWorld world, BadInputCase c, CancellationToken ct)
    {
        if (c.Expect is BadInputExpectation.Skipped skipped)
        {
            var indexed = await world.ItemsOfAsync(skipped.Object, ct);
            return indexed?.ContainsKey(ItemKeys.StatusIndexedCommit) == true
                && !indexed.Where(i => i.Key.StartsWith("status_index", StringComparison.Ordinal)).Any(i => i.Value.Contains(skipped.File, StringComparison.Ordinal))
                ? null
                : $"{skipped.Object} was not indexed, or an index item names {skipped.File}";
        }

        var expect = (BadInputExpectation.Status)c.Expect;
        var items = await world.ItemsOfAsync(expect.Object, ct);
        if (items is null)
        {
            return $"{expect.Object} does not exist";
        }

        var reason = items.GetValueOrDefault(ItemKeys.StatusReason);
        var text = items.GetValueOrDefault(expect.Item) ?? "";
        var fragment = world.Resolve(expect.Fragment);
        return (expect.Reason is null || reason == expect.Reason) && fragment.Split('|').All(f => text.Contains(f, StringComparison.OrdinalIgnoreCase))
            ? null
            : $"{expect.Object} has reason {reason ?? "(none)"}, {expect.Item} \"{Cut(text)}\"; expected {expect.Reason ?? "any reason"} with \"{fragment}\"";
    }

    private static string? Compare(BadInputExpectation.Answer expect, (int Status, string Body) answer) =>
        answer.Status == expect.StatusCode && answer.Body.Contains(expect.Fragment, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"answered {answer.Status} \"{Cut(answer.Body)}\"; expected {expect.StatusCode} with \"{expect.Fragment}\"";

    // What the bad inputs must not have touched: the healthy repositories are ready, exactly the healthy jobs run, the
    // controller is not paused and the healthy repository is not suspended.
    private static async Task<List<string>> DisturbedAsync(BadInputWorld world, CancellationToken ct)
    {
        var problems = new List<string>();
        foreach (var name in BadInputWorld.HealthyRepositories)
        {
            var items = await world.ItemsOfAsync("gitrepository/" + name, ct);
            if (items?.GetValueOrDefault(ItemKeys.StatusReady) != "True" && name != BadInputCorpus.JobFiles)
            {
                problems.Add($"gitrepository/{name} is not ready: {items?.GetValueOrDefault(ItemKeys.StatusReason)} {Cut(items?.GetValueOrDefault(ItemKeys.StatusMessage) ?? "")}");
            }

            if (items?.ContainsKey(ItemKeys.Suspend) == true)
            {
                problems.Add($"gitrepository/{name} was suspended");
            }
        }

        var jobs = (await world.Client.Jobs.ListAllAsync(ct: ct)).Value.Select(j => j.ID).Order(StringComparer.Ordinal).ToList();
        if (!jobs.SequenceEqual(BadInputWorld.HealthyJobs))
        {
            problems.Add($"Nomad runs [{string.Join(", ", jobs)}], expected [{string.Join(", ", BadInputWorld.HealthyJobs)}]");
        }

        if ((await world.Client.Variables.ReadAsync(ObjectKey.ControllerPath(ObjectKey.DefaultPrefix), ct: ct)).Value is not null)
        {
            problems.Add("the controller was paused");
        }

        return problems;
    }

    private static async Task<List<string>> ConvergedAfterCommitAsync(BadInputWorld world, DateTimeOffset deadline, CancellationToken ct)
    {
        while (true)
        {
            var job = (await world.Client.Jobs.ReadAsync("web", ct: ct)).Value;
            var count = job?["TaskGroups"]?[0]?["Count"]?.GetValue<int>();
            var version = job?["Version"]?.GetValue<int>();
            if (count == 2)
            {
                return version == 1 ? [] : [$"web reached count 2 at version {version}, expected version 1"];
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                return [$"the new commit of the healthy repository was not registered (web count {count}, version {version})"];
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static string Tail(string output) => output.Length <= 6000 ? output : output[^6000..];
}
