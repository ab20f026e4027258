using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NomadGitOps.Logging;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Support;

// Every logger here is enabled: arguments are evaluated for the event on purpose.
#pragma warning disable CA1873

namespace NomadGitOps.Tests.Logging;

public sealed class TextLogFormatterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 17, 40, 12, TimeSpan.Zero);

    [Fact]
    public void An_event_is_one_line_of_time_level_and_message_without_category()
    {
        var log = Capture(color: false, logger => logger.LogInformation(
            "{Object} registered version {Version} from {File}@{Commit} ({Plan})",
            ObjectKey.NomadJob("default", "web"), 1, "jobs/web.nomad.hcl", "7d4c869", "web: 1 create, 2 in-place"));

        log.ShouldBe("17:40:12 INF nomadjob/default/web registered version 1 from jobs/web.nomad.hcl@7d4c869 (web: 1 create, 2 in-place)\n");
    }

    [Theory]
    [InlineData("trace is dim", LogLevel.Trace, "TRC", "\u001b[90m")]
    [InlineData("debug is dim", LogLevel.Debug, "DBG", "\u001b[90m")]
    [InlineData("a warning is yellow", LogLevel.Warning, "WRN", "\u001b[33m")]
    [InlineData("an error is bold red", LogLevel.Error, "ERR", "\u001b[1;31m")]
    [InlineData("a critical event is bold red", LogLevel.Critical, "CRT", "\u001b[1;31m")]
    public void With_colour_a_level_other_than_info_is_painted(string because, LogLevel level, string letters, string paint)
    {
        var log = Capture(color: true, logger => logger.Log(level, "{Object} failed", "gitrepository/apps"));

        log.ShouldBe($"{paint}17:40:12 {letters} gitrepository/apps failed\u001b[0m\n", because);
    }

    [Fact]
    public void With_colour_an_info_line_stays_plain()
    {
        var log = Capture(color: true, logger => logger.LogInformation("Controllers stopped"));

        log.ShouldBe("17:40:12 INF Controllers stopped\n");
    }

    [Fact]
    public void Without_colour_no_escape_is_written_at_any_level()
    {
        var log = Capture(color: false, logger =>
        {
            foreach (var level in new[] { LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical })
            {
                logger.Log(level, "event at {Level}", level);
            }
        });

        log.ShouldNotContain("\u001b");
        log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[9..12]).ShouldBe(["TRC", "DBG", "INF", "WRN", "ERR", "CRT"]);
    }

    [Fact]
    public void An_exception_adds_its_type_and_message_on_the_same_line_without_its_stack()
    {
        var log = Capture(color: false, logger => logger.LogWarning(new HttpRequestException("connection refused"), "Watching {What} failed", "objects"));

        log.ShouldBe("17:40:12 WRN Watching objects failed (HttpRequestException: connection refused)\n");
    }

    [Fact]
    public void The_lines_of_a_multi_line_message_after_the_first_are_indented()
    {
        var log = Capture(color: false, logger => logger.LogError("{Object} stalled: {Message}", "nomadjob/default/web", "jobs/web.nomad.hcl:3: bad\njobs/web.nomad.hcl:9: worse"));

        log.ShouldBe("17:40:12 ERR nomadjob/default/web stalled: jobs/web.nomad.hcl:3: bad\n    jobs/web.nomad.hcl:9: worse\n");
    }

    [Fact]
    public void Credentials_in_a_url_are_redacted()
    {
        var log = Capture(color: false, logger => logger.LogWarning("Cache for {Url} is corrupt", "https://gitops:hunter2-secret@git.example.com/apps.git"));

        log.ShouldNotContain("hunter2-secret");
        log.ShouldContain("https://***@git.example.com/apps.git");
    }

    private static string Capture(bool color, Action<ILogger> write)
    {
        var time = new FakeTimeProvider(Now);
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var formatter = new TextLogFormatter(Options.Create(new LogFormatterOptions { Color = color }), time);
        var capture = new FormattedLogCapture(formatter);
        using (var factory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(capture)))
        {
            write(factory.CreateLogger("NomadGitOps.Engine.ControllerQueues"));
        }

        return capture.Text;
    }
}
