using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Discourse.Core.Configuration;
using Discourse.Core.Documents;
using Discourse.Ingestion;
using Discourse.Testing;
using Discourse.Testing.Sites;

namespace Discourse.Benchmarks;

/// <summary>
/// <c>crawl --pages N --concurrency C [--runs R]</c>: crawl throughput against the local Kestrel corpus server with
/// politeness off. The server publishes N article pages (copies of the 96 bundled articles, each with its own URL
/// and a distinct first sentence) behind one sitemap; a fresh output folder per run; pages/s counts every article
/// page fetched, decoded, extracted, deduplicated and recorded in the state. Prints one JSON line.
/// </summary>
internal static class CrawlBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var pages = IntOption(args, "--pages", 2000);
        var concurrency = IntOption(args, "--concurrency", 32);
        var runs = IntOption(args, "--runs", 3);
        await using var server = await CorpusSiteServer.StartAsync().ConfigureAwait(false);
        var sitemap = PublishPages(server, pages);
        var source = new SiteSourceConfig
        {
            Id = "crawl-benchmark",
            Name = "Crawl benchmark",
            Actor = "international",
            Kind = SourceKind.Other,
            Sitemaps = [sitemap],
            AllowPrivateNetwork = true,
            Fetch = new FetchConfig
            {
                MinDelayMs = 0,
                HonourCrawlDelay = false,
                MaxConcurrencyPerHost = concurrency,
                MaxRetries = 0,
            },
        };

        var results = new List<(double Seconds, int Documents, int Failed)>();
        for (var run = 0; run <= runs; run++)
        {
            using var output = new TemporaryDirectory();
            var stopwatch = Stopwatch.StartNew();
            int documents = 0, failed = 0, other = 0;
            await using (var ingestor = new Ingestor(new IngestionOptions { StateDirectory = output.Path }))
            {
                await foreach (var e in ingestor.IngestAsync(source, CancellationToken.None).ConfigureAwait(false))
                {
                    switch (e)
                    {
                        case DocumentIngested:
                            documents++;
                            break;
                        case PageFailed:
                            failed++;
                            break;
                        default:
                            other++;
                            break;
                    }
                }
            }

            stopwatch.Stop();
            if (documents + failed + other != pages)
            {
                await Console.Error.WriteLineAsync($"crawl: expected {pages} page events, got {documents + failed + other}").ConfigureAwait(false);
                return 1;
            }

            // Run 0 warms up the JIT and the connection pool and is not reported.
            if (run > 0)
            {
                results.Add((stopwatch.Elapsed.TotalSeconds, documents, failed));
            }
        }

        var seconds = results.Select(r => r.Seconds).Order().ToList();
        var median = seconds[seconds.Count / 2];
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["benchmark"] = "crawl",
            ["pages"] = pages,
            ["concurrency"] = concurrency,
            ["runs"] = runs,
            ["median_seconds"] = Math.Round(median, 3),
            ["pages_per_second_median"] = Math.Round(pages / median, 1),
            ["pages_per_second_best"] = Math.Round(pages / seconds[0], 1),
            ["documents"] = results[^1].Documents,
            ["failed"] = results[^1].Failed,
            ["processors"] = Environment.ProcessorCount,
            ["load_average"] = LoadAverage(),
        }));
        return results.Any(r => r.Failed > 0) ? 1 : 0;
    }

    private static Uri PublishPages(CorpusSiteServer server, int count)
    {
        var manifest = File.ReadLines(Path.Combine(ReferenceData.RepositoryRoot, "corpora", "site", "manifest.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(m => (Url: m.GetProperty("url").GetString()!, Path: m.GetProperty("path").GetString()!))
            .ToList();
        const string host = "mid-press";
        var sitemap = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (var i = 0; i < count; i++)
        {
            var (url, path) = manifest[i % manifest.Count];
            var benchPath = string.Create(CultureInfo.InvariantCulture, $"articles/bench/{i:D5}.html");
            var bytes = File.ReadAllBytes(Path.Combine(ReferenceData.RepositoryRoot, "corpora", "site", path));
            // The copy names itself (canonical, og:url) by its own URL and opens with a sentence of its own.
            bytes = CorpusSiteServer.Replace(bytes, Encoding.ASCII.GetBytes(url), Encoding.ASCII.GetBytes($"{CorpusSiteServer.OriginalRoot(host)}/{benchPath}"));
            bytes = CorpusSiteServer.Replace(bytes, "<p>"u8, Encoding.ASCII.GetBytes($"<p>Copy {i} of the bulletin. "));
            server.Publish(host, benchPath, bytes);
            sitemap.Append("  <url><loc>").Append(server.Url(host, benchPath)).Append("</loc></url>\n");
        }

        sitemap.Append("</urlset>\n");
        server.Publish(host, "bench-sitemap.xml", Encoding.UTF8.GetBytes(sitemap.ToString()));
        return server.Url(host, "bench-sitemap.xml");
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return fallback;
        }

        return index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive whole number, e.g. {name} {fallback}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
