using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Discourse.Text;

namespace Discourse.Benchmarks;

/// <summary>
/// <c>text-throughput [--seconds 5]</c>: normalise + tokenise + stem on one thread over the labelled corpus
/// (corpora/labelled/*.jsonl, English and Russian documents interleaved). Every token is counted; word tokens are
/// normalised and stemmed with their document's stemmer. Two paths are timed: the allocation-free span path
/// (<see cref="Tokenizer.Tokenize(ReadOnlySpan{char}, List{Token})"/>, <see cref="TextNormalizer.TryNormalize"/>,
/// <see cref="Stemmers.Stem(string?, ReadOnlySpan{char}, Span{char})"/>) and the string path
/// (<see cref="TextNormalizer.Normalize(string)"/> and <see cref="IStemmer.Stem"/> per word).
/// </summary>
internal static class TextThroughputBenchmark
{
    public static Task<int> Run(string[] args)
    {
        var seconds = 5.0;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seconds" && i + 1 < args.Length)
            {
                seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                Console.Error.WriteLine($"text-throughput: unknown argument '{args[i]}'; usage: text-throughput [--seconds 5]");
                return Task.FromResult(2);
            }
        }

        var documents = LoadCorpus();
        if (documents.Count == 0)
        {
            Console.Error.WriteLine("text-throughput: no documents found in corpora/labelled/*.jsonl");
            return Task.FromResult(1);
        }

        var tokens = new List<Token>(4096);
        var normalized = new char[4096];
        var stem = new char[4096];

        // Warm up both paths (JIT tiering) before timing.
        RunSpanPath(documents, tokens, normalized, stem, 1.0);
        RunStringPath(documents, tokens, 1.0);

        var strings = RunStringPath(documents, tokens, seconds);
        var span = RunSpanPath(documents, tokens, normalized, stem, seconds);

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "text-throughput",
            documents = documents.Count,
            english_documents = documents.Count(d => d.Lang == "en"),
            russian_documents = documents.Count(d => d.Lang == "ru"),
            chars = documents.Sum(d => (long)d.Text.Length),
            tokens_per_pass = span.Tokens / Math.Max(1, span.Passes),
            span_path_tokens_per_second = Math.Round(span.Tokens / span.Seconds),
            span_path_words_per_second = Math.Round(span.Words / span.Seconds),
            string_path_tokens_per_second = Math.Round(strings.Tokens / strings.Seconds),
            string_path_words_per_second = Math.Round(strings.Words / strings.Seconds),
            checksum = span.Checksum + strings.Checksum,
            threads = 1,
            load_average = LoadAverage(),
        }));
        return Task.FromResult(0);
    }

    private sealed record Document(string Lang, string Text);

    private sealed record Result(long Passes, long Tokens, long Words, double Seconds, long Checksum);

    private static Result RunSpanPath(List<Document> documents, List<Token> tokens, char[] normalized, char[] stem, double seconds)
    {
        long passes = 0, tokenCount = 0, words = 0, checksum = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var document in documents)
            {
                tokens.Clear();
                var text = document.Text.AsSpan();
                Tokenizer.Tokenize(text, tokens);
                tokenCount += tokens.Count;
                foreach (var token in tokens)
                {
                    if (token.Kind != TokenKind.Word || !TextNormalizer.TryNormalize(token.Slice(text), normalized, out var length))
                    {
                        continue;
                    }

                    words++;
                    checksum += Stemmers.Stem(document.Lang, normalized.AsSpan(0, length), stem);
                }
            }

            passes++;
        }

        return new Result(passes, tokenCount, words, clock.Elapsed.TotalSeconds, checksum);
    }

    private static Result RunStringPath(List<Document> documents, List<Token> tokens, double seconds)
    {
        long passes = 0, tokenCount = 0, words = 0, checksum = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var document in documents)
            {
                var stemmer = Stemmers.For(document.Lang);
                tokens.Clear();
                Tokenizer.Tokenize(document.Text, tokens);
                tokenCount += tokens.Count;
                foreach (var token in tokens)
                {
                    if (token.Kind == TokenKind.Word)
                    {
                        words++;
                        checksum += stemmer.Stem(TextNormalizer.Normalize(document.Text.Substring(token.Start, token.Length))).Length;
                    }
                }
            }

            passes++;
        }

        return new Result(passes, tokenCount, words, clock.Elapsed.TotalSeconds, checksum);
    }

    /// <summary>All labelled documents, English and Russian files interleaved so both stemmers stay hot.</summary>
    private static List<Document> LoadCorpus()
    {
        var folder = CorpusFolder();
        var byLanguage = Directory.EnumerateFiles(folder, "*.jsonl")
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Where(line => line.Length > 0)
            .Select(ParseDocument)
            .GroupBy(d => d.Lang)
            .Select(g => g.ToList())
            .ToList();
        var documents = new List<Document>();
        for (var i = 0; byLanguage.Any(list => i < list.Count); i++)
        {
            documents.AddRange(byLanguage.Where(list => i < list.Count).Select(list => list[i]));
        }

        return documents;
    }

    private static Document ParseDocument(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new Document(root.GetProperty("lang").GetString() ?? "en", root.GetProperty("text").GetString() ?? string.Empty);
    }

    private static string CorpusFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "corpora", "labelled")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new InvalidOperationException($"No corpora/labelled above {AppContext.BaseDirectory}; run the benchmark from a clone of the repository.")
            : Path.Combine(dir.FullName, "corpora", "labelled");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
