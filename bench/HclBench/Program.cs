// Measures Nomad.Hcl's parse + canonicalize throughput on one thread, warm: every file is parsed for a
// warm-up pass of R rounds, then R timed rounds. Prints files/s, MB/s and bytes allocated per file.
// Usage: dotnet run -c Release --project bench/HclBench -- [-rounds R] FILE.nomad.hcl...
// A file whose parse fails is reported and stops the run: the figures only mean something on valid files.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Nomad.Hcl;

var rounds = 20;
var paths = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "-rounds" && i + 1 < args.Length)
    {
        rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else
    {
        paths.Add(args[i]);
    }
}

if (paths.Count == 0)
{
    Console.Error.WriteLine("usage: HclBench [-rounds R] FILE.nomad.hcl...");
    return 2;
}

var sources = paths.Select(File.ReadAllText).ToArray();
var totalBytes = sources.Sum(s => (long)Encoding.UTF8.GetByteCount(s));
var options = new JobParseOptions();

for (var i = 0; i < sources.Length; i++)
{
    var result = JobFileParser.Parse(sources[i], options);
    if (result.Job is null)
    {
        Console.Error.WriteLine($"{paths[i]}: {result.ErrorText}");
        return 1;
    }
}

var sink = 0;
for (var round = 0; round < rounds; round++)
{
    foreach (var source in sources)
    {
        sink += JobFileParser.Parse(source, options).Job!.Count;
    }
}

GC.Collect();
GC.WaitForPendingFinalizers();
var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
var stopwatch = Stopwatch.StartNew();
for (var round = 0; round < rounds; round++)
{
    foreach (var source in sources)
    {
        sink += JobFileParser.Parse(source, options).Job!.Count;
    }
}

stopwatch.Stop();
var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
var files = (long)rounds * sources.Length;
var seconds = stopwatch.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Nomad.Hcl: {files} parses of {sources.Length} files ({totalBytes} bytes) in {seconds:F3}s: " +
    $"{files / seconds:F0} files/s, {totalBytes * rounds / seconds / 1_000_000:F2} MB/s, " +
    $"{allocated / files} bytes allocated per file (checksum {sink})"));
return 0;
