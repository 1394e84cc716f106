namespace Discourse.Benchmarks;

/// <summary>Plain benchmark commands by name: each parses its own arguments and prints one JSON line.</summary>
internal static class PlainBenchmarkCatalog
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Commands = new(StringComparer.Ordinal)
    {
        ["langid-throughput"] = LangidThroughputBenchmark.Run,
        ["crawl"] = CrawlBenchmark.RunAsync,
        ["parquet-write"] = Parquet.ParquetWriteBenchmark.RunAsync,
        ["text-throughput"] = TextThroughputBenchmark.Run,
        ["extract-throughput"] = ExtractThroughput.RunAsync,
        ["classify-throughput"] = ClassifyThroughputBenchmark.RunAsync,
    };

    public static bool TryGet(string name, out Func<string[], Task<int>> command) =>
        Commands.TryGetValue(name, out command!);
}
