using NomadGitOps.Controllers;
using NomadGitOps.Engine;
using NomadGitOps.Scheduling;
using NomadGitOps.Watches;

namespace NomadGitOps.Tests.Architecture;

/// <summary>
/// The dependency direction of issue 14 §3, from the top: the engine; the controllers and the notifications the Alert
/// controller wires; the watches whose caches the controllers read; scheduling (controller names, the trigger, backoff),
/// which all of them use. Each layer uses only the layers below it, never the reverse. Checked on the compiled assembly, signatures and method
/// bodies alike, so a fully qualified name or a local variable cannot slip past.
/// </summary>
public sealed class LayerTests
{
    private static readonly Type[] Types = typeof(IReconciler).Assembly.GetTypes();

    [Theory]
    [InlineData("NomadGitOps.Controllers")]
    [InlineData("NomadGitOps.Watches")]
    [InlineData("NomadGitOps.Notifications")]
    public void No_type_of_the_controllers_the_watches_or_the_notifications_refers_to_a_type_of_the_engine(string layer)
    {
        var offending = ReferencesFrom(layer, "NomadGitOps.Engine");

        Types.Count(t => InNamespace(t, layer)).ShouldBeGreaterThan(5);
        offending.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("NomadGitOps.Watches", "NomadGitOps.Controllers")]
    [InlineData("NomadGitOps.Scheduling", "NomadGitOps.Controllers")]
    [InlineData("NomadGitOps.Scheduling", "NomadGitOps.Watches")]
    [InlineData("NomadGitOps.Scheduling", "NomadGitOps.Engine")]
    public void The_watches_use_nothing_of_the_controllers_and_scheduling_nothing_of_the_layers_above_it(string layer, string above)
    {
        var offending = ReferencesFrom(layer, above);

        Types.Count(t => InNamespace(t, layer)).ShouldBeGreaterThan(3);
        offending.ShouldBeEmpty();
    }

    [Fact]
    public void The_scan_sees_what_the_engine_takes_from_the_controllers_in_signatures_and_in_method_bodies()
    {
        // The control: the engine does use the controllers' types, so a scan that saw nothing would show up here.
        var fromEngine = ReferencesFrom("NomadGitOps.Engine", "NomadGitOps.Controllers");

        // A constructor parameter (ControllerHost takes the reconcilers).
        fromEngine.ShouldContain($"{typeof(ControllerHost).FullName} -> {typeof(IReconciler).FullName}");
        // Only in a lambda's body (the engine's DI builds the one Backoff): the IL is read, not only signatures.
        ReferencesFrom("NomadGitOps.Engine", "NomadGitOps.Scheduling").ShouldContain(r => r.EndsWith($" -> {typeof(Backoff).FullName}", StringComparison.Ordinal)
            && r.StartsWith(typeof(EngineServiceCollectionExtensions).FullName!, StringComparison.Ordinal));
        // And the watches: the host runs the prefix watcher.
        ReferencesFrom("NomadGitOps.Engine", "NomadGitOps.Watches")
            .ShouldContain($"{typeof(ControllerHost).FullName} -> {typeof(PrefixWatcher).FullName}");
        // And one layer down: the controllers read the watches' caches, the watches trigger through scheduling.
        ReferencesFrom("NomadGitOps.Controllers", "NomadGitOps.Watches")
            .ShouldContain(r => r.EndsWith($" -> {typeof(DeploymentCache).FullName}", StringComparison.Ordinal));
        ReferencesFrom("NomadGitOps.Watches", "NomadGitOps.Scheduling")
            .ShouldContain($"{typeof(DeploymentWatcher).FullName} -> {typeof(IReconcileTrigger).FullName}");
    }

    // "Type -> referenced type" for every type of namespace `from` (and below) that refers to one of namespace `to` (and below).
    private static List<string> ReferencesFrom(string from, string to) =>
    [
        .. Types
            .Where(t => t.DeclaringType is null && InNamespace(t, from))
            .SelectMany(t => TypeReferences.Of(t).Where(r => InNamespace(r, to)).Select(r => $"{t.FullName} -> {r.FullName}"))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    private static bool InNamespace(Type type, string ns) =>
        type.Namespace is { } name && (name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal));
}
