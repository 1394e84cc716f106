using System.Diagnostics;
using System.Globalization;
using Discourse.Ingestion.Extraction;

namespace Discourse.Benchmarks;

/// <summary>
/// <c>extract-throughput DIR [DIR ...] [--threads N]</c>: decodes and extracts every .html file (read into memory first),
/// after an untimed warm-up on the first ten pages; prints pages per second as one JSON line.
/// </summary>
internal static class ExtractThroughput
{
    public static Task<int> RunAsync(string[] args)
    {
        var threads = 1;
        var folders = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--threads" && i + 1 < args.Length)
            {
                threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                folders.Add(args[i]);
            }
        }

        if (folders.Count == 0 || folders.Any(f => !Directory.Exists(f)))
        {
            Console.Error.WriteLine("usage: extract-throughput DIR [DIR ...] [--threads N]   (folders of .html files; each must exist)");
            return Task.FromResult(2);
        }

        var pages = folders
            .SelectMany(f => Directory.EnumerateFiles(f, "*.html").Order(StringComparer.Ordinal))
            .Select(File.ReadAllBytes)
            .ToArray();
        foreach (var page in pages.Take(10))
        {
            ExtractOne(page);
        }

        long chars = 0;
        var stopwatch = Stopwatch.StartNew();
        if (threads <= 1)
        {
            foreach (var page in pages)
            {
                chars += ExtractOne(page);
            }
        }
        else
        {
            Parallel.ForEach(pages, new ParallelOptions { MaxDegreeOfParallelism = threads }, page => Interlocked.Add(ref chars, ExtractOne(page)));
        }

        stopwatch.Stop();
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"tool":"discourse HtmlDecoder+HtmlExtractor","threads":{{threads}},"pages":{{pages.Length}},"seconds":{{seconds:F3}},"pages_per_second":{{pages.Length / seconds:F2}},"text_chars":{{chars}}}"""));
        return Task.FromResult(0);
    }

    private static int ExtractOne(byte[] body)
    {
        var decoded = HtmlDecoder.Decode(body, contentType: null);
        return HtmlExtractor.Extract(decoded.Html, new Uri("https://example.org/page")).Text.Length;
    }
}
