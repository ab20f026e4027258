using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace NomadGitOps.Tests.Support;

/// <summary>Runs <c>git http-backend</c> as a CGI program for one HTTP request (the smart HTTP protocol).</summary>
internal static class GitHttpBackend
{
    /// <summary>Answers <paramref name="context"/> from the repositories under <paramref name="root"/>.</summary>
    public static async Task HandleAsync(HttpContext context, string root, string user)
    {
        var request = context.Request;
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("http-backend");
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_PROJECT_ROOT"] = root;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        start.Environment["REQUEST_METHOD"] = request.Method;
        start.Environment["PATH_INFO"] = request.Path.Value ?? "/";
        start.Environment["QUERY_STRING"] = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        start.Environment["CONTENT_TYPE"] = request.ContentType ?? "";
        start.Environment["REMOTE_USER"] = user;
        start.Environment["REMOTE_ADDR"] = "127.0.0.1";
        if (request.ContentLength is { } length)
        {
            start.Environment["CONTENT_LENGTH"] = length.ToString(CultureInfo.InvariantCulture);
        }
        if (request.Headers.TryGetValue("Git-Protocol", out var protocol))
        {
            start.Environment["GIT_PROTOCOL"] = protocol.ToString();
        }
        if (request.Headers.ContentEncoding.Count > 0)
        {
            start.Environment["HTTP_CONTENT_ENCODING"] = request.Headers.ContentEncoding.ToString();
        }

        using var process = Process.Start(start)!;
        var ct = context.RequestAborted;
        var input = Task.Run(async () =>
        {
            await request.Body.CopyToAsync(process.StandardInput.BaseStream, ct);
            process.StandardInput.Close();
        }, ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        var output = process.StandardOutput.BaseStream;

        // CGI output: header lines, a blank line, then the body.
        var header = new List<byte>();
        while (!EndsWithBlankLine(header))
        {
            var b = new byte[1];
            if (await output.ReadAsync(b, ct) == 0)
            {
                break;
            }
            header.Add(b[0]);
        }
        var response = context.Response;
        foreach (var line in Encoding.ASCII.GetString(header.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = int.Parse(value[..3], CultureInfo.InvariantCulture);
            }
            else
            {
                response.Headers.Append(name, value);
            }
        }
        await output.CopyToAsync(response.Body, ct);
        await input;
        await process.WaitForExitAsync(ct);
        _ = await error;
    }

    private static bool EndsWithBlankLine(List<byte> bytes) =>
        (bytes.Count >= 2 && bytes[^1] == '\n' && bytes[^2] == '\n') ||
        (bytes.Count >= 4 && bytes[^1] == '\n' && bytes[^2] == '\r' && bytes[^3] == '\n' && bytes[^4] == '\r');
}
