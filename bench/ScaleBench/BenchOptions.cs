using System.Globalization;

namespace ScaleBench;

/// <summary>The benchmark's command line.</summary>
internal sealed record BenchOptions(string Binary, string Label, IReadOnlyList<string> Sizes, int Trials, string Interval, int QuietSeconds, TimeSpan Timeout, bool Timeline)
{
    /// <summary>
    /// Reads <c>--binary --label --sizes --trials --interval --quiet-seconds --timeout-seconds --timeline</c>; with
    /// <c>--timeline</c> each trial prints the Nomad writes it caused, in ms after the trigger (the emulator logs writes,
    /// not reads), to see where the trigger → register time goes.
    /// </summary>
    public static BenchOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        return new BenchOptions(
            Get("--binary", Path.Combine(AppContext.BaseDirectory, "nomad-gitops.dll")),
            Get("--label", "this build"),
            Get("--sizes", "10,100,1000,mono").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            int.Parse(Get("--trials", "20"), CultureInfo.InvariantCulture),
            Get("--interval", "30s"),
            int.Parse(Get("--quiet-seconds", "60"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(int.Parse(Get("--timeout-seconds", "600"), CultureInfo.InvariantCulture)),
            args.Contains("--timeline"));
    }
}
