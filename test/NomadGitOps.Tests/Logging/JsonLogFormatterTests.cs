using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NomadGitOps.Logging;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Tests.Support;

// Every logger here is enabled: arguments are evaluated for the event on purpose.
#pragma warning disable CA1873

namespace NomadGitOps.Tests.Logging;

public sealed class JsonLogFormatterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 17, 40, 12, 345, TimeSpan.Zero);

    [Fact]
    public void Every_line_is_one_json_object_with_time_level_message_and_category()
    {
        var lines = Capture(logger =>
        {
            logger.LogInformation("Controllers stopped");
            logger.LogWarning("Lost leadership: {Path}", "nomad-gitops/v1/leader");
            logger.LogDebug("quiet");
        });

        lines.Count.ShouldBe(3);
        lines.Select(l => l.GetProperty("level").GetString()).ShouldBe(["info", "warning", "debug"]);
        lines[0].GetProperty("time").GetString().ShouldBe("2026-12-04T17:40:12.345Z");
        lines[0].GetProperty("msg").GetString().ShouldBe("Controllers stopped");
        lines[0].GetProperty("category").GetString().ShouldBe("NomadGitOps.Engine.ControllerQueues");
        lines[1].GetProperty("msg").GetString().ShouldBe("Lost leadership: nomad-gitops/v1/leader");
        lines[1].GetProperty("fields").GetProperty("Path").GetString().ShouldBe("nomad-gitops/v1/leader");
    }

    [Fact]
    public void Stable_fields_come_from_the_template_values_and_a_nomad_job_key_gives_job_and_namespace()
    {
        var line = Capture(logger => logger.LogInformation(
            "{Object} registered version {Version} from {File}@{Commit} ({Plan})",
            ObjectKey.NomadJob("batch", "web"), 1, "jobs/web.nomad.hcl", "7d4c869", "web: 1 create")).Single();

        line.GetProperty("object").GetString().ShouldBe("nomadjob/batch/web");
        line.GetProperty("job").GetString().ShouldBe("web");
        line.GetProperty("namespace").GetString().ShouldBe("batch");
        line.GetProperty("commit").GetString().ShouldBe("7d4c869");
        line.GetProperty("fields").GetProperty("Version").GetInt64().ShouldBe(1);
        line.GetProperty("fields").GetProperty("File").GetString().ShouldBe("jobs/web.nomad.hcl");
        line.TryGetProperty("controller", out _).ShouldBeFalse();
    }

    [Fact]
    public void Scopes_give_controller_object_and_duration_and_the_events_own_values_win()
    {
        var line = Capture(logger =>
        {
            using var reconcile = logger.BeginScope(new KeyValuePair<string, object?>[] { new("Controller", ControllerName.GitRepository), new("Object", ObjectKey.GitRepository("apps")) });
            using var duration = logger.BeginScope(new KeyValuePair<string, object?>[] { new("DurationMs", 42L) });
            logger.LogWarning("{Object} failed ({Reason}): {Message}", ObjectKey.GitRepository("other"), Reasons.AuthenticationFailed, "refused");
        }).Single();

        line.GetProperty("controller").GetString().ShouldBe(ControllerName.GitRepository.ToString());
        line.GetProperty("object").GetString().ShouldBe("gitrepository/other");
        line.GetProperty("reason").GetString().ShouldBe(Reasons.AuthenticationFailed);
        line.GetProperty("duration_ms").GetInt64().ShouldBe(42);
        line.TryGetProperty("job", out _).ShouldBeFalse();
    }

    [Fact]
    public void Stable_fields_are_written_in_one_order_whatever_order_the_template_has()
    {
        var text = CaptureText(logger => logger.LogInformation("{Reason} {Commit} {Namespace} {Job} {Object} {Controller}", "R", "C", "N", "J", "O", "K"));

        var names = JsonDocument.Parse(text).RootElement.EnumerateObject().Select(p => p.Name).ToList();
        names.ShouldBe(["time", "level", "msg", "controller", "object", "commit", "job", "namespace", "reason", "category"]);
    }

    [Fact]
    public void An_exception_goes_to_error_and_credentials_are_redacted_everywhere()
    {
        var line = Capture(logger => logger.LogError(
            new InvalidOperationException("fetch of https://gitops:hunter2-secret@git.example.com failed"),
            "Fetching {Url} failed", "https://gitops:hunter2-secret@git.example.com/apps.git")).Single();

        line.GetRawText().ShouldNotContain("hunter2-secret");
        line.GetProperty("error").GetString()!.ShouldContain("InvalidOperationException");
        line.GetProperty("msg").GetString().ShouldBe("Fetching https://***@git.example.com/apps.git failed");
        line.GetProperty("fields").GetProperty("Url").GetString().ShouldBe("https://***@git.example.com/apps.git");
    }

    [Fact]
    public void A_multi_line_message_stays_on_one_line()
    {
        var text = CaptureText(logger => logger.LogError("{Object} stalled: {Message}", "nomadjob/default/web", "line one\nline two"));

        text.TrimEnd('\n').ShouldNotContain("\n");
        JsonDocument.Parse(text).RootElement.GetProperty("msg").GetString().ShouldBe("nomadjob/default/web stalled: line one\nline two");
    }

    private static List<JsonElement> Capture(Action<ILogger> write) =>
        [.. CaptureText(write).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static string CaptureText(Action<ILogger> write)
    {
        var capture = new FormattedLogCapture(new JsonLogFormatter(new FakeTimeProvider(Now)));
        using (var factory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(capture)))
        {
            write(factory.CreateLogger("NomadGitOps.Engine.ControllerQueues"));
        }

        return capture.Text;
    }
}
