using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Discourse.Classification;
using Discourse.Classification.Evaluation;
using Discourse.Classification.Training;
using Discourse.Core.Documents;

namespace Discourse.Cli.Commands;

/// <summary>`discourse train | evaluate | classify | explain`: the framing classifier's commands.</summary>
internal static class ClassificationCommands
{
    /// <summary>The default model, relative to the repository root.</summary>
    public const string DefaultModel = "models/framing-v1.model";

    private const string DefaultCorpus = "corpora/labelled";

    /// <summary>Lines read before their texts are classified together; enough to keep every core busy, small enough to
    /// stream a file of any size.</summary>
    private const int ClassifyBatchSize = 1024;

    private static readonly JsonSerializerOptions ClassifyOutputOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEnumerable<Command> Create() => [Train(), Evaluate(), Classify(), Explain()];

    /// <summary>Resolves a default repository-relative path: as given when it exists from the current folder, else
    /// searched upwards from the current folder and from the binaries (so `dotnet run --project` works from anywhere in the clone).</summary>
    public static string ResolveDefault(string relative)
    {
        if (File.Exists(relative) || Directory.Exists(relative))
        {
            return relative;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate) || Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return relative;
    }

    /// <summary>Loads the model named by --model, or the default one.</summary>
    public static FramingClassifier LoadModel(string? path) => FramingClassifier.Load(path ?? ResolveDefault(DefaultModel));

    private static Option<string> ModelOption() => new("--model") { Description = $"Model file (default: {DefaultModel} in the repository)." };

    private static Command Train()
    {
        var defaults = new TrainingOptions { CorpusDirectory = DefaultCorpus };
        var corpus = new Option<string>("--corpus") { Description = $"Folder of labelled *.jsonl files (default: {DefaultCorpus})." };
        var output = new Option<string>("--out") { Description = $"Model file to write; the cards go beside it (default: {DefaultModel})." };
        var date = new Option<string>("--date") { Description = "Model card date, yyyy-MM-dd (default: snapshot-date.txt in the corpus folder)." };
        var foldsOut = new Option<string>("--folds-out") { Description = "Also write the fold of every passage as JSON lines {\"id\",\"fold\"} (for peer comparisons)." };
        var c = new Option<double?>("--c") { Description = $"Inverse L2 strength (default {defaults.C})." };
        var partition = new Option<bool>("--partition-by-language") { Description = "Key every feature by language instead of sharing features across languages." };
        var hashBits = new Option<int?>("--hash-bits") { Description = $"log2 of the hash buckets (default {defaults.HashBits})." };
        var charMin = new Option<int?>("--char-min") { Description = $"Shortest character n-gram inside a word (default {defaults.CharMin})." };
        var charMax = new Option<int?>("--char-max") { Description = $"Longest character n-gram inside a word (default {defaults.CharMax})." };
        var minDf = new Option<int?>("--min-df") { Description = $"Passages a feature must occur in to enter the vocabulary (default {defaults.MinDocumentFrequency})." };
        var command = new Command("train", "Train the framing classifier on the labelled corpus (cross-validation, thresholds, model card).");
        foreach (var option in new Option[] { corpus, output, date, foldsOut, c, partition, hashBits, charMin, charMax, minDf })
        {
            command.Options.Add(option);
        }

        command.SetAction(result => Run(() =>
        {
            var corpusDirectory = result.GetValue(corpus) ?? ResolveDefault(DefaultCorpus);
            var options = new TrainingOptions
            {
                CorpusDirectory = corpusDirectory,
                Date = result.GetValue(date),
                C = result.GetValue(c) ?? defaults.C,
                HashBits = result.GetValue(hashBits) ?? defaults.HashBits,
                CharMin = result.GetValue(charMin) ?? defaults.CharMin,
                CharMax = result.GetValue(charMax) ?? defaults.CharMax,
                MinDocumentFrequency = result.GetValue(minDf) ?? defaults.MinDocumentFrequency,
                PartitionByLanguage = result.GetValue(partition),
            };
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var trained = FramingTrainer.Train(options);
            var cpuSeconds = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
            var modelPath = result.GetValue(output) ?? Path.Combine(RepositoryRootOf(corpusDirectory), DefaultModel);
            trained.Save(modelPath);
            if (result.GetValue(foldsOut) is { } foldsPath)
            {
                WriteFolds(foldsPath, trained);
            }

            Console.Out.Write(trained.CrossValidation.Format());
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model {trained.ModelVersion} written to {modelPath} ({trained.ModelBytes.Length} bytes)"));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"train_seconds\":{trained.Elapsed.TotalSeconds:F2},\"train_cpu_seconds\":{cpuSeconds:F2},\"passages\":{trained.Passages.Count},\"cv_macro_f1\":{trained.CrossValidation.MacroF1():F4}}}"));
            return 0;
        }));
        return command;
    }

    private static Command Evaluate()
    {
        var input = new Option<string>("--input") { Description = "Labelled JSONL file.", Required = true };
        var model = ModelOption();
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("evaluate", "Score a labelled JSONL file: precision, recall, F1 and support per framing and language, macro-F1, calibration.");
        command.Options.Add(input);
        command.Options.Add(model);
        command.Options.Add(json);
        command.SetAction(result => Run(() =>
        {
            var classifier = LoadModel(result.GetValue(model));
            var gold = LabelledCorpus.LoadFile(result.GetValue(input)!);
            var scores = new List<IReadOnlyList<double>>(gold.Count);
            foreach (var passage in gold)
            {
                scores.Add([.. classifier.ClassifyText(passage.Text, passage.Lang).Select(s => s.Score)]);
            }

            var report = EvaluationReport.Compute(gold, scores, classifier.Thresholds);
            if (result.GetValue(json))
            {
                using var stream = new MemoryStream();
                using (var writer = new Utf8JsonWriter(stream))
                {
                    report.WriteJson(writer);
                }

                Console.Out.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
            }
            else
            {
                Console.Out.WriteLine($"model {classifier.ModelVersion}, {gold.Count} passages");
                Console.Out.Write(report.Format());
            }

            return 0;
        }));
        return command;
    }

    private static Command Classify()
    {
        var input = new Option<string>("--input") { Description = "JSONL file: one object per line with \"text\" (and \"lang\", default en).", Required = true };
        var output = new Option<string>("--output") { Description = "JSONL file to write: each input object with scores, labels (0/1), evidence and model_version added.", Required = true };
        var threads = new Option<int?>("--threads") { Description = "Texts classified at once (default: the number of cores). The output is the same, in input order, whatever the number." };
        var model = ModelOption();
        var command = new Command("classify", "Tag every object of a JSONL file for the three framings.");
        command.Options.Add(input);
        command.Options.Add(output);
        command.Options.Add(threads);
        command.Options.Add(model);
        command.SetAction(result => Run(() =>
        {
            var threadCount = result.GetValue(threads) ?? Environment.ProcessorCount;
            if (threadCount < 1)
            {
                Console.Error.WriteLine($"error: --threads must be at least 1 (got {threadCount}).");
                return ExitCodes.BadUsageOrConfig;
            }

            var classifier = LoadModel(result.GetValue(model));
            var inputPath = result.GetValue(input)!;
            var outputPath = result.GetValue(output)!;
            if (!File.Exists(inputPath))
            {
                throw new FileNotFoundException($"Input file {Path.GetFullPath(inputPath)} does not exist. Pass a JSONL file with --input.", inputPath);
            }

            // Written beside the output and moved over it only when every line was classified: a bad line leaves an
            // existing output as it was and no partial file behind.
            var temporary = outputPath + ".tmp";
            var written = 0;
            try
            {
                using var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false));
                var batch = new List<(string Line, int Number)>(ClassifyBatchSize);
                var lineNumber = 0;
                foreach (var line in File.ReadLines(inputPath))
                {
                    lineNumber++;
                    if (!string.IsNullOrWhiteSpace(line))
                    {
                        batch.Add((line, lineNumber));
                    }

                    if (batch.Count == ClassifyBatchSize)
                    {
                        written += ClassifyBatch(classifier, batch, inputPath, threadCount, writer);
                    }
                }

                written += ClassifyBatch(classifier, batch, inputPath, threadCount, writer);
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }

            File.Move(temporary, outputPath, overwrite: true);
            Console.Out.WriteLine($"{written} objects classified with {classifier.ModelVersion} → {outputPath}");
            return 0;
        }));
        return command;
    }

    /// <summary>Parses, classifies and serialises the batch's lines on up to <paramref name="threads"/> threads (the
    /// classifier keeps its scratch space per thread), then writes them in input order, or throws the error of the first
    /// bad line; empties the batch and returns how many objects were written.</summary>
    private static int ClassifyBatch(FramingClassifier classifier, List<(string Line, int Number)> batch, string inputPath, int threads, StreamWriter writer)
    {
        var lines = new string[batch.Count];
        var errors = new InvalidDataException?[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            try
            {
                lines[i] = ClassifyLine(classifier, batch[i].Line, inputPath, batch[i].Number);
            }
            catch (InvalidDataException ex)
            {
                errors[i] = ex;
            }
        });

        for (var i = 0; i < lines.Length; i++)
        {
            if (errors[i] is { } error)
            {
                throw error;
            }

            writer.WriteLine(lines[i]);
        }

        batch.Clear();
        return lines.Length;
    }

    /// <summary>One input line with <c>scores</c>, <c>labels</c>, <c>evidence</c> and <c>model_version</c> added.</summary>
    private static string ClassifyLine(FramingClassifier classifier, string line, string inputPath, int lineNumber)
    {
        JsonObject item;
        try
        {
            item = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{inputPath}:{lineNumber}: {ex.Message}. Each line must be a JSON object with a \"text\" string.", ex);
        }

        var text = item["text"] is JsonValue textValue && textValue.TryGetValue<string>(out var t)
            ? t
            : throw new InvalidDataException($"{inputPath}:{lineNumber}: \"text\" (a string) is missing.");
        var lang = item["lang"] is JsonValue langValue && langValue.TryGetValue<string>(out var l) ? l : "en";
        var scoreObject = new JsonObject();
        var labelObject = new JsonObject();
        var evidenceObject = new JsonObject();
        foreach (var score in classifier.ClassifyText(text, lang))
        {
            scoreObject[score.Framing.Name()] = Math.Round(score.Score, 6);
            labelObject[score.Framing.Name()] = score.Label ? 1 : 0;
            evidenceObject[score.Framing.Name()] = score.Evidence;
        }

        item["scores"] = scoreObject;
        item["labels"] = labelObject;
        item["evidence"] = evidenceObject;
        item["model_version"] = classifier.ModelVersion;
        return item.ToJsonString(ClassifyOutputOptions);
    }

    private static Command Explain()
    {
        var text = new Option<string>("--text") { Description = "The text to explain.", Required = true };
        var lang = new Option<string>("--lang") { Description = "en or ru (default: ru when most letters are Cyrillic, else en)." };
        var top = new Option<int?>("--top") { Description = "Features per framing (default 15)." };
        var model = ModelOption();
        var command = new Command("explain", "Show the weighted n-grams behind each framing's score for a text.");
        foreach (var option in new Option[] { text, lang, top, model })
        {
            command.Options.Add(option);
        }

        command.SetAction(result => Run(() =>
        {
            var classifier = LoadModel(result.GetValue(model));
            var value = result.GetValue(text)!;
            var language = result.GetValue(lang) ?? GuessLanguage(value);
            var inv = CultureInfo.InvariantCulture;
            foreach (var explanation in classifier.Explain(value, language, result.GetValue(top) ?? 15))
            {
                var threshold = classifier.Thresholds[(int)explanation.Framing];
                Console.Out.WriteLine(string.Create(inv, $"{explanation.Framing.Name()}: score {explanation.Score:F3} (threshold {threshold:F3}, {(explanation.Score >= threshold ? "yes" : "no")}), intercept {explanation.Intercept:+0.000;-0.000}"));
                foreach (var feature in explanation.Features)
                {
                    Console.Out.WriteLine(string.Create(inv, $"  {feature.Contribution,8:+0.000;-0.000}  {feature.Feature}"));
                }
            }

            return 0;
        }));
        return command;
    }

    private static string GuessLanguage(string text)
    {
        int cyrillic = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                latin++;
            }
        }

        return cyrillic > latin ? "ru" : "en";
    }

    private static string RepositoryRootOf(string corpusDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(corpusDirectory)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Discourse.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static void WriteFolds(string path, TrainingResult trained)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        for (var i = 0; i < trained.Passages.Count; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"id\":{JsonSerializer.Serialize(trained.Passages[i].Id)},\"fold\":{trained.Folds[i]}}}"));
        }
    }

    /// <summary>Runs a command body, turning expected failures into a one-line message: exit code 2 for a model, input or
    /// option value that cannot be used as given (as `discourse run` does for its model), 1 when the work itself fails.</summary>
    private static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex) when (ex is ModelLoadException or FileNotFoundException or DirectoryNotFoundException or ArgumentException)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return ExitCodes.BadUsageOrConfig;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return ExitCodes.Failure;
        }
    }
}
