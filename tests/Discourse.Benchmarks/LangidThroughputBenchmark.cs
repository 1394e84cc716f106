using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Discourse.Text.Languages;

namespace Discourse.Benchmarks;

/// <summary>
/// <c>langid-throughput [--input titles.txt] [--seconds 5]</c>: how many titles per second
/// <see cref="LanguageIdentifier.Identify"/> handles on one thread. Without --input the titles are cut from the
/// labelled corpus (English and Russian): every sentence of 20–120 characters.
/// </summary>
internal static class LangidThroughputBenchmark
{
    public static Task<int> Run(string[] args)
    {
        string? input = null;
        var seconds = 5.0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--input" when i + 1 < args.Length: input = args[++i]; break;
                case "--seconds" when i + 1 < args.Length: seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"langid-throughput: unknown argument '{args[i]}'; usage: langid-throughput [--input titles.txt] [--seconds 5]");
                    return Task.FromResult(2);
            }
        }

        var titles = input is null ? CorpusTitles() : File.ReadAllLines(input).Where(l => l.Length > 0).ToArray();
        if (titles.Length == 0)
        {
            Console.Error.WriteLine($"langid-throughput: no titles in {input ?? "corpora/labelled"}");
            return Task.FromResult(1);
        }

        var cold = Stopwatch.StartNew();
        LanguageIdentifier.Identify(titles[0]);
        var coldStartMs = cold.Elapsed.TotalMilliseconds;

        var identified = 0L;
        var russian = 0L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var title in titles)
            {
                russian += LanguageIdentifier.Identify(title).Code == LanguageIdentifier.Russian ? 1 : 0;
            }

            identified += titles.Length;
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "langid-throughput",
            titles = titles.Length,
            mean_chars = Math.Round(titles.Average(t => t.Length), 1),
            identified,
            seconds = Math.Round(elapsed, 3),
            titles_per_second = Math.Round(identified / elapsed),
            russian_share = Math.Round((double)russian / identified, 3),
            cold_start_ms = Math.Round(coldStartMs, 1),
            threads = 1,
        }));
        return Task.FromResult(0);
    }

    private static string[] CorpusTitles()
    {
        var folder = Path.Combine(FindRepositoryRoot(), "corpora", "labelled");
        var titles = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                using var json = JsonDocument.Parse(line);
                var text = json.RootElement.GetProperty("text").GetString() ?? string.Empty;
                titles.AddRange(text.Split(". ").Select(s => s.Trim()).Where(s => s.Length is >= 20 and <= 120));
            }
        }

        return [.. titles];
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Discourse.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Discourse.sln above {AppContext.BaseDirectory}; run the benchmark from a clone, or pass --input.");
    }
}
