using System.Diagnostics;
using System.Globalization;
using System.Text;
using Discourse.Classification;
using Discourse.Classification.Training;

namespace Discourse.Benchmarks;

/// <summary>
/// `classify-throughput [--model M] [--corpus DIR] [--docs N] [--rounds R] [--warmup-seconds S] [--chars C]`:
/// documents per second on one thread for documents of about C characters (default 3,000) assembled from corpus
/// passages (paragraphs in one language), featurisation, window scoring and evidence included. After S seconds of
/// warm-up (default 5: tiered JIT reaches its final code and the per-thread word cache fills), R rounds (default 7) of
/// N documents (default 5,000) are timed; one JSON line gives the median, slowest and fastest round (wall clock), the
/// docs per CPU second of the process over all rounds (background JIT and GC threads included), and the warm-up rate.
/// Medians rather than means: on a shared machine a neighbour's burst slows single rounds, not the code.
/// </summary>
internal static class ClassifyThroughputBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = FindRepositoryRoot();
        var model = Argument(args, "--model") ?? Path.Combine(root, "models", "framing-v1.model");
        var corpus = Argument(args, "--corpus") ?? Path.Combine(root, "corpora", "labelled");
        var count = int.Parse(Argument(args, "--docs") ?? "5000", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Argument(args, "--rounds") ?? "7", CultureInfo.InvariantCulture);
        var warmupSeconds = double.Parse(Argument(args, "--warmup-seconds") ?? "5", CultureInfo.InvariantCulture);
        var chars = int.Parse(Argument(args, "--chars") ?? "3000", CultureInfo.InvariantCulture);
        var classifier = FramingClassifier.Load(model);
        var documents = Assemble(LabelledCorpus.LoadDirectory(corpus), chars);

        var warmup = Stopwatch.StartNew();
        var warmupDocs = 0;
        while (warmup.Elapsed.TotalSeconds < warmupSeconds)
        {
            ClassifyRound(classifier, documents, warmupDocs, documents.Count);
            warmupDocs += documents.Count;
        }

        warmup.Stop();
        var stage = Argument(args, "--stage") ?? "classify";
        if (stage != "classify")
        {
            return Task.FromResult(RunStage(stage, documents, count));
        }

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var rates = new List<double>();
        var positives = 0;
        for (var round = 0; round < rounds; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            positives += ClassifyRound(classifier, documents, round * count, count);
            rates.Add(count / stopwatch.Elapsed.TotalSeconds);
        }

        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        rates.Sort();
        var meanChars = documents.Average(d => d.Text.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"benchmark\":\"classify-throughput\",\"threads\":1,\"docs_per_round\":{count},\"rounds\":{rounds},\"distinct_docs\":{documents.Count},\"mean_chars\":{meanChars:F0},\"docs_per_second_median\":{rates[rates.Count / 2]:F0},\"docs_per_second_min\":{rates[0]:F0},\"docs_per_second_max\":{rates[^1]:F0},\"docs_per_cpu_second\":{count * rounds / cpuSeconds:F0},\"warmup_seconds\":{warmup.Elapsed.TotalSeconds:F1},\"warmup_docs_per_second\":{warmupDocs / warmup.Elapsed.TotalSeconds:F0},\"positive_labels_per_round\":{positives / rounds},\"model\":\"{classifier.ModelVersion}\"}}"));
        return Task.FromResult(0);
    }

    /// <summary>Classifies <paramref name="count"/> documents round-robin from <paramref name="first"/>; returns the labels set.</summary>
    private static int ClassifyRound(FramingClassifier classifier, List<(string Text, string Lang)> documents, int first, int count)
    {
        var positives = 0;
        for (var i = first; i < first + count; i++)
        {
            var (text, lang) = documents[i % documents.Count];
            foreach (var score in classifier.ClassifyText(text, lang))
            {
                positives += score.Label ? 1 : 0;
            }
        }

        return positives;
    }

    /// <summary>Times one stage of featurisation alone (split, tokenize, extract) to see where the time goes.</summary>
    private static int RunStage(string stage, List<(string Text, string Lang)> documents, int count)
    {
        // Every bucket in the vocabulary: the extraction stage keeps all features.
        var everyBucket = Enumerable.Range(0, 1 << 20).ToArray();
        var extractor = new Discourse.Classification.Features.FeatureExtractor(
            Discourse.Classification.Features.FeatureSettings.Default,
            new Discourse.Classification.Features.VocabularyIndex(1 << 20, everyBucket, everyBucket));
        var buffer = new Discourse.Classification.Features.FeatureBuffer();
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
                    total += Discourse.Classification.Features.TextAnalysis.SplitSentences(text, lang, tokens).Count;
                    break;
                case "words":
                    Discourse.Classification.Features.TextAnalysis.SplitSentences(text, lang, tokens);
                    buffer.Words.Clear();
                    Discourse.Classification.Features.TextAnalysis.Words(text, tokens, 0, tokens.Count, buffer.Words);
                    total += buffer.Words.Count;
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
