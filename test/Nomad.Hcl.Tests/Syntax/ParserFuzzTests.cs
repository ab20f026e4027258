using System.Diagnostics;
using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl.Tests.Syntax;

public sealed class ParserFuzzTests
{
    private const string Alphabet = "{}[]()\"'=<>-~$%!&|?:.,*/+#\n \tabcxyz0129_EOT\\";

    private static IEnumerable<string> Seeds()
    {
        var corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");
        if (Directory.Exists(corpus))
        {
            foreach (var file in Directory.EnumerateFiles(corpus, "*.hcl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                yield return File.ReadAllText(file);
            }
        }

        yield return "job \"x\" {\n  a = \"${b} %{ if c }d%{ endif }\"\n  h = <<-EOT\n    x ${y}\n  EOT\n  l = [for k, v in m : v if k != \"\"]\n}\n";
    }

    private static void ParseMustNotThrow(string source, bool decode = false)
    {
        var diagnostics = new DiagnosticBag();
        Parser.ParseConfig(source, "input.hcl", diagnostics);
        if (decode)
        {
            JobFileParser.Parse(source);
        }
    }

    [Fact]
    public void Every_truncation_of_every_corpus_file_parses_without_throwing()
    {
        foreach (var seed in Seeds())
        {
            for (var length = 0; length <= seed.Length; length++)
            {
                // Every truncation is parsed; every 31st is also evaluated and decoded, to bound the time.
                ParseMustNotThrow(seed[..length], decode: length % 31 == 0);
            }
        }
    }

    [Fact]
    public void Random_and_mutated_inputs_parse_and_decode_without_throwing_or_hanging()
    {
        var random = new Random(20261125);
        var seeds = Seeds().ToList();
        var budget = Stopwatch.StartNew();
        var runs = 0;
        while (budget.Elapsed < TimeSpan.FromSeconds(3) || runs < 200)
        {
            string input;
            if (runs % 2 == 0)
            {
                var chars = new char[random.Next(0, 80)];
                for (var i = 0; i < chars.Length; i++)
                {
                    chars[i] = Alphabet[random.Next(Alphabet.Length)];
                }

                input = new string(chars);
            }
            else
            {
                var seed = seeds[random.Next(seeds.Count)].ToCharArray().ToList();
                for (var m = random.Next(1, 6); m > 0 && seed.Count > 0; m--)
                {
                    var at = random.Next(seed.Count);
                    switch (random.Next(3))
                    {
                        case 0: seed.RemoveAt(at); break;
                        case 1: seed.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                        default: seed[at] = Alphabet[random.Next(Alphabet.Length)]; break;
                    }
                }

                input = new string([.. seed]);
            }

            ParseMustNotThrow(input, decode: true);
            runs++;
        }

        ParseMustNotThrow(new string('[', 100_000));
        ParseMustNotThrow(string.Concat(Enumerable.Repeat("a {\n", 10_000)));
        ParseMustNotThrow(string.Concat(Enumerable.Repeat("\"${", 10_000)));
    }
}
