using NomadGitOps.Controllers;
using NomadGitOps.Engine;
using NomadGitOps.Watches;

namespace NomadGitOps.Tests.Architecture;

/// <summary>
/// The dependency direction of issue 14 §3: the controllers, the watches whose caches they read, and the notifications
/// the Alert controller wires, use nothing of the engine; the engine depends on them, never the reverse. Checked on the compiled assembly, signatures and method
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

    [Fact]
    public void The_scan_sees_what_the_engine_takes_from_the_controllers_in_signatures_and_in_method_bodies()
    {
        // The control: the engine does use the controllers' types, so a scan that saw nothing would show up here.
        var fromEngine = ReferencesFrom("NomadGitOps.Engine", "NomadGitOps.Controllers");

        // A constructor parameter (ControllerHost takes the reconcilers).
        fromEngine.ShouldContain($"{typeof(ControllerHost).FullName} -> {typeof(IReconciler).FullName}");
        // Only in a lambda's body (the engine's DI builds the one Backoff): the IL is read, not only signatures.
        fromEngine.ShouldContain(r => r.EndsWith($" -> {typeof(Backoff).FullName}", StringComparison.Ordinal)
            && r.StartsWith(typeof(EngineServiceCollectionExtensions).FullName!, StringComparison.Ordinal));
        // And the watches: the host runs the prefix watcher.
        ReferencesFrom("NomadGitOps.Engine", "NomadGitOps.Watches")
            .ShouldContain($"{typeof(ControllerHost).FullName} -> {typeof(PrefixWatcher).FullName}");
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
