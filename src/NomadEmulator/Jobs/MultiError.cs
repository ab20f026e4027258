using System.Text;

namespace Nomad.Emulator.Jobs;

/// <summary>The text of hashicorp/go-multierror's default format (<c>N errors occurred:</c> + tab-bulleted list).</summary>
internal static class MultiError
{
    /// <summary>The formatted list, or null when there is no error.</summary>
    public static string? Format(IReadOnlyList<string> errors)
    {
        if (errors.Count == 0)
        {
            return null;
        }
        var text = new StringBuilder();
        text.Append(errors.Count == 1 ? "1 error occurred:\n" : $"{errors.Count} errors occurred:\n");
        text.Append("\t* ").AppendJoin("\n\t* ", errors).Append("\n\n");
        return text.ToString();
    }
}
