using System.Diagnostics;
using System.Globalization;
using System.Text;
using Discourse.Classification;
using Discourse.Classification.Training;

namespace Discourse.Benchmarks;

/// <summary>
/// `classify-throughput [--model M] [--corpus DIR] [--docs N] [--chars C]`: documents per second on one thread for
/// documents of about C characters (default 3,000) assembled from corpus passages (paragraphs in one language),
/// featurisation, window scoring and evidence included. Prints one JSON line with wall-clock docs/s and docs per CPU
/// second of the process (the honest figure on a shared, loaded machine, where wall time includes waiting for a core).
/// </summary>
internal static class ClassifyThroughputBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = FindRepositoryRoot();
        var model = Argument(args, "--model") ?? Path.Combine(root, "models", "framing-v1.model");
        var corpus = Argument(args, "--corpus") ?? Path.Combine(root, "corpora", "labelled");
        var count = int.Parse(Argument(args, "--docs") ?? "20000", CultureInfo.InvariantCulture);
        var chars = int.Parse(Argument(args, "--chars") ?? "3000", CultureInfo.InvariantCulture);
        var classifier = FramingClassifier.Load(model);
        var documents = Assemble(LabelledCorpus.LoadDirectory(corpus), chars);

        // Warm-up: JIT, per-thread stem cache and scratch space.
        var positives = 0;
        for (var i = 0; i < Math.Min(2000, count); i++)
        {
            var (text, lang) = documents[i % documents.Count];
            positives += classifier.ClassifyText(text, lang).Count(s => s.Label);
        }

        var stage = Argument(args, "--stage") ?? "classify";
        if (stage != "classify")
        {
            return Task.FromResult(RunStage(stage, documents, count));
        }

        positives = 0;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var (text, lang) = documents[i % documents.Count];
            foreach (var score in classifier.ClassifyText(text, lang))
            {
                positives += score.Label ? 1 : 0;
            }
        }

        stopwatch.Stop();
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var meanChars = documents.Average(d => d.Text.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"benchmark\":\"classify-throughput\",\"threads\":1,\"docs\":{count},\"distinct_docs\":{documents.Count},\"mean_chars\":{meanChars:F0},\"seconds\":{stopwatch.Elapsed.TotalSeconds:F3},\"docs_per_second\":{count / stopwatch.Elapsed.TotalSeconds:F0},\"cpu_seconds\":{cpuSeconds:F3},\"docs_per_cpu_second\":{count / cpuSeconds:F0},\"positive_labels\":{positives},\"model\":\"{classifier.ModelVersion}\"}}"));
        return Task.FromResult(0);
    }

    /// <summary>Times one stage of featurisation alone (split, tokenize, extract) to see where the time goes.</summary>
    private static int RunStage(string stage, List<(string Text, string Lang)> documents, int count)
    {
        var extractor = new Discourse.Classification.Features.FeatureExtractor(Discourse.Classification.Features.FeatureSettings.Default, new int[1 << 20]);
        var buffer = new Discourse.Classification.Features.FeatureBuffer();
        var spans = new List<(int Start, int Length)>();
        var tokens = new List<Discourse.Text.Token>();
        long total = 0;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (var i = 0; i < count; i++)
        {
            var (text, lang) = documents[i % documents.Count];
            switch (stage)
            {
                case "split":
                    spans.Clear();
                    Discourse.Classification.Features.TextAnalysis.SplitSentences(text, lang, spans);
                    total += spans.Count;
                    break;
                case "words":
                    spans.Clear();
                    Discourse.Classification.Features.TextAnalysis.SplitSentences(text, lang, spans);
                    foreach (var (start, length) in spans)
                    {
                        buffer.Words.Clear();
                        Discourse.Classification.Features.TextAnalysis.Words(text.AsSpan(start, length), start, tokens, buffer.Words);
                        total += buffer.Words.Count;
                    }

                    break;
                case "tokenize":
                    tokens.Clear();
                    Discourse.Text.Tokenizer.Tokenize(text, tokens);
                    total += tokens.Count;
                    break;
                default:
                    extractor.Extract(text, lang, buffer);
                    total += buffer.Count;
                    break;
            }
        }

        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"stage\":\"{stage}\",\"docs_per_cpu_second\":{count / cpuSeconds:F0},\"items\":{total}}}"));
        return 0;
    }

    /// <summary>Documents of about <paramref name="chars"/> characters: consecutive passages of one language joined as paragraphs.</summary>
    private static List<(string Text, string Lang)> Assemble(IReadOnlyList<LabelledPassage> passages, int chars)
    {
        var documents = new List<(string, string)>();
        foreach (var lang in new[] { "en", "ru" })
        {
            var inLanguage = passages.Where(p => p.Lang == lang).ToList();
            var builder = new StringBuilder();
            for (var round = 0; round < 3; round++)
            {
                for (var i = round; i < inLanguage.Count; i += 3)
                {
                    if (builder.Length > 0)
                    {
                        builder.Append("\n\n");
                    }

                    builder.Append(inLanguage[i].Text);
                    if (builder.Length >= chars)
                    {
                        var text = builder.ToString(0, chars);
                        var cut = text.LastIndexOf(' ');
                        documents.Add((cut > chars / 2 ? text[..cut] : text, lang));
                        builder.Clear();
                    }
                }
            }
        }

        return documents;
    }

    private static string? Argument(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Discourse.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
