using NomadGitOps.Cli;

namespace NomadGitOps.Tests.Cli.Validate;

/// <summary>A temporary directory of job files for <c>nomad-gitops validate</c>, deleted on dispose.</summary>
internal sealed class ValidateCheckout : IDisposable
{
    public ValidateCheckout()
    {
        Directory = Path.Combine(Path.GetTempPath(), "nomad-gitops-validate-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The checkout's root (the verb's DIR).</summary>
    public string Directory { get; }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> (relative, <c>/</c>-separated), creating folders.</summary>
    public ValidateCheckout WithFile(string path, string text)
    {
        var full = Path.Combine(Directory, path);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    /// <summary>Runs <c>nomad-gitops validate DIR args…</c> through the program's entry.</summary>
    public async Task<(int Exit, string Stdout, string Stderr)> ValidateAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await NomadGitOpsCli.RunAsync(["validate", Directory, .. args], stdout, stderr)
            .WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>A minimal valid service job named <paramref name="id"/>, with extra job-level HCL.</summary>
    public static string Job(string id, string extra = "", int count = 1) => $$"""
        job "{{id}}" {
          {{extra}}
          group "app" {
            count = {{count}}
            task "app" {
              driver = "docker"
              config {
                image = "nginx:1.27"
              }
            }
          }
        }
        """;
}
