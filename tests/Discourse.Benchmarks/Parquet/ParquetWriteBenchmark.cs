using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Discourse.Parquet;

namespace Discourse.Benchmarks.Parquet;

/// <summary>
/// <c>parquet-write --rows N --seed S --codec snappy|gzip|uncompressed --out FILE [--api typed|rows] [--row-group-mb M]</c>:
/// generates the synthetic rows of parquet-check/peer-write.mjs one at a time and streams each to the writer. Only the
/// writer's time counts as write_s: the write calls, waiting for pages compressed in the background, and Complete;
/// generating rows does not. Prints one JSON line.
/// </summary>
internal static class ParquetWriteBenchmark
{
    private const int BatchRows = 1000;

    public static Task<int> RunAsync(string[] args)
    {
        var options = ParseArguments(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: parquet-write --rows N --seed S --codec snappy|gzip|uncompressed --out FILE [--api typed|rows] [--row-group-mb M]");
            return Task.FromResult(2);
        }

        var (rows, seed, codec, output, api, rowGroupMb) = options.Value;
        var generator = new SyntheticDocuments(seed);
        var writeOptions = new ParquetWriteOptions
        {
            Codec = codec,
            RowGroupBytes = rowGroupMb * 1024L * 1024L,
            KeyValueMetadata = new Dictionary<string, string> { ["generator"] = $"peer-write.mjs seed={seed} rows={rows}" },
        };

        long writeTicks = 0;
        long textBytes = 0;
        var total = Stopwatch.StartNew();
        using (var stream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            if (api == "rows")
            {
                var schema = new ParquetSchemaBuilder()
                    .String("doc_id").String("source").String("url").String("lang").Timestamp("published_at").String("title").String("text")
                    .Double("score_quality").Double("score_toxicity").Double("score_relevance")
                    .Boolean("is_spam").Boolean("is_adult").Boolean("is_duplicate").String("model_version")
                    .Build();
                var values = new object?[14];
                var start = Stopwatch.GetTimestamp();
                using var writer = new ParquetFileWriter(stream, schema, writeOptions);
                writeTicks += Stopwatch.GetTimestamp() - start;
                for (var i = 0; i < rows; i++)
                {
                    var d = generator.Row(i);
                    textBytes += System.Text.Encoding.UTF8.GetByteCount(d.Text);
                    (values[0], values[1], values[2], values[3], values[4], values[5], values[6]) = (d.DocId, d.Source, d.Url, d.Lang, d.PublishedAt, d.Title, d.Text);
                    (values[7], values[8], values[9], values[10], values[11], values[12], values[13]) = (d.ScoreQuality, d.ScoreToxicity, d.ScoreRelevance, d.IsSpam, d.IsAdult, d.IsDuplicate, d.ModelVersion);
                    start = Stopwatch.GetTimestamp();
                    writer.WriteRow(values);
                    writeTicks += Stopwatch.GetTimestamp() - start;
                }

                start = Stopwatch.GetTimestamp();
                writer.Complete();
                writeTicks += Stopwatch.GetTimestamp() - start;
            }
            else
            {
                // Rows are generated in batches outside the clock; each timed batch ends by waiting for the pages the
                // writer compresses in the background, so no writer work overlaps untimed row generation.
                var start = Stopwatch.GetTimestamp();
                using var writer = new ParquetFileWriter<DocumentColumns>(stream, writeOptions);
                writeTicks += Stopwatch.GetTimestamp() - start;
                var batch = new List<DocumentColumns>(BatchRows);
                for (var first = 0; first < rows; first += BatchRows)
                {
                    batch.Clear();
                    for (var i = first; i < Math.Min(rows, first + BatchRows); i++)
                    {
                        var row = new DocumentColumns(generator.Row(i));
                        textBytes += System.Text.Encoding.UTF8.GetByteCount(row.Text);
                        batch.Add(row);
                    }

                    start = Stopwatch.GetTimestamp();
                    foreach (var row in batch)
                    {
                        writer.Write(row);
                    }

                    writer.DrainPendingPages();
                    writeTicks += Stopwatch.GetTimestamp() - start;
                }

                start = Stopwatch.GetTimestamp();
                writer.Complete();
                writeTicks += Stopwatch.GetTimestamp() - start;
            }
        }

        var writeSeconds = (double)writeTicks / Stopwatch.Frequency;
        var bytes = new FileInfo(output).Length;
        using var process = Process.GetCurrentProcess();
        var result = new Dictionary<string, object>
        {
            ["benchmark"] = "parquet-write",
            ["api"] = api,
            ["rows"] = rows,
            ["seed"] = seed,
            ["codec"] = codec.ToString().ToLowerInvariant(),
            ["file"] = Path.GetFullPath(output),
            ["bytes"] = bytes,
            ["write_s"] = Math.Round(writeSeconds, 3),
            ["rows_per_s"] = Math.Round(rows / writeSeconds),
            ["text_mb_per_s"] = Math.Round(textBytes / 1e6 / writeSeconds, 1),
            ["total_s"] = Math.Round(total.Elapsed.TotalSeconds, 3),
            ["peak_rss_mb"] = Math.Round(PeakRssBytes(process) / 1048576.0, 1),
            ["cpus"] = Environment.ProcessorCount,
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        return Task.FromResult(0);
    }

    /// <summary>The process's peak resident set (VmHWM on Linux), which covers the generator and the runtime too.</summary>
    private static long PeakRssBytes(Process process)
    {
        const string statusFile = "/proc/self/status";
        if (File.Exists(statusFile))
        {
            foreach (var line in File.ReadLines(statusFile))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        return process.PeakWorkingSet64;
    }

    private static (int Rows, uint Seed, ParquetCodec Codec, string Output, string Api, int RowGroupMb)? ParseArguments(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                values[arg[2..eq]] = arg[(eq + 1)..];
            }
            else if (i + 1 < args.Length)
            {
                values[arg[2..]] = args[++i];
            }
            else
            {
                return null;
            }
        }

        if (!values.TryGetValue("out", out var output))
        {
            return null;
        }

        var codec = values.GetValueOrDefault("codec", "snappy") switch
        {
            "snappy" => ParquetCodec.Snappy,
            "gzip" => ParquetCodec.Gzip,
            "uncompressed" => ParquetCodec.Uncompressed,
            _ => (ParquetCodec?)null,
        };
        var api = values.GetValueOrDefault("api", "typed");
        if (codec is null || api is not ("typed" or "rows")
            || !int.TryParse(values.GetValueOrDefault("rows", "100000"), CultureInfo.InvariantCulture, out var rows) || rows < 0
            || !uint.TryParse(values.GetValueOrDefault("seed", "42"), CultureInfo.InvariantCulture, out var seed)
            || !int.TryParse(values.GetValueOrDefault("row-group-mb", "128"), CultureInfo.InvariantCulture, out var rowGroupMb) || rowGroupMb < 1)
        {
            return null;
        }

        return (rows, seed, codec.Value, output, api, rowGroupMb);
    }

    /// <summary>The typed writer's record: column names as peer-write.mjs names them.</summary>
    private sealed class DocumentColumns(SyntheticDocument d)
    {
        [ParquetColumn("doc_id")] public string DocId => d.DocId;
        [ParquetColumn("source")] public string Source => d.Source;
        [ParquetColumn("url")] public string Url => d.Url;
        [ParquetColumn("lang")] public string Lang => d.Lang;
        [ParquetColumn("published_at")] public DateTimeOffset PublishedAt => d.PublishedAt;
        [ParquetColumn("title")] public string Title => d.Title;
        [ParquetColumn("text")] public string Text => d.Text;
        [ParquetColumn("score_quality")] public double ScoreQuality => d.ScoreQuality;
        [ParquetColumn("score_toxicity")] public double ScoreToxicity => d.ScoreToxicity;
        [ParquetColumn("score_relevance")] public double ScoreRelevance => d.ScoreRelevance;
        [ParquetColumn("is_spam")] public bool IsSpam => d.IsSpam;
        [ParquetColumn("is_adult")] public bool IsAdult => d.IsAdult;
        [ParquetColumn("is_duplicate")] public bool IsDuplicate => d.IsDuplicate;
        [ParquetColumn("model_version")] public string ModelVersion => d.ModelVersion;
    }
}
