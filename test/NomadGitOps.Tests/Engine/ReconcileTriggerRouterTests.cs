using Microsoft.Extensions.Logging.Abstractions;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Engine;

public sealed class ReconcileTriggerRouterTests
{
    private static readonly ObjectKey Web = ObjectKey.NomadJob("default", "web");
    private static readonly ObjectKey Api = ObjectKey.NomadJob("default", "api");

    [Fact]
    public void A_trigger_and_a_trigger_behind_reach_the_acting_queues_each_in_its_own_lane()
    {
        var router = new ReconcileTriggerRouter(NullLogger<ReconcileTriggerRouter>.Instance);
        var acting = new RecordingTrigger();
        router.Attach(acting);

        router.Trigger(ControllerName.NomadJob, Web);
        router.TriggerBehind(ControllerName.NomadJob, Api);

        acting.Triggered.ShouldBe([(ControllerName.NomadJob, Web)]);
        acting.Behind.ShouldBe([(ControllerName.NomadJob, Api)]);
    }

    [Fact]
    public void Nothing_is_routed_once_the_acting_queues_are_detached()
    {
        var router = new ReconcileTriggerRouter(NullLogger<ReconcileTriggerRouter>.Instance);
        var acting = new RecordingTrigger();
        router.Attach(acting);
        router.Detach(acting);

        router.Trigger(ControllerName.NomadJob, Web);
        router.TriggerBehind(ControllerName.NomadJob, Api);

        acting.Triggered.ShouldBeEmpty();
        acting.Behind.ShouldBeEmpty();
    }
}
