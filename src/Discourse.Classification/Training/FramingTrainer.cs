using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Discourse.Classification.Evaluation;
using Discourse.Classification.Features;
using Discourse.Classification.Modeling;

namespace Discourse.Classification.Training;

/// <summary>
/// Trains the framing model: featurises the corpus once, runs k-fold cross-validation (stratified by language and
/// label combination, seeded), tunes one threshold per framing on the out-of-fold scores, trains the final model on
/// everything and writes the model bytes and its card. The same corpus, options and code give the same bytes.
/// </summary>
public static class FramingTrainer
{
    /// <summary>The model family name; the version adds a content hash.</summary>
    public const string ModelName = "framing-v1";

    /// <summary>Trains on <see cref="TrainingOptions.CorpusDirectory"/>.</summary>
    /// <exception cref="InvalidDataException">The corpus is malformed or the date is missing.</exception>
    public static TrainingResult Train(TrainingOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Folds, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Folds, 20, nameof(options));
        if (options.MinDocumentFrequency < 1)
        {
            throw new ArgumentException($"Minimum document frequency {options.MinDocumentFrequency} is below 1: a feature must occur in at least one passage (--min-df 1 or more).");
        }

        var settings = new FeatureSettings(options.HashBits, options.CharMin, options.CharMax, true, options.PartitionByLanguage);
        settings.Validate();
        var stopwatch = Stopwatch.StartNew();
        var date = options.Date ?? ReadSnapshotDate(options.CorpusDirectory);
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new InvalidDataException($"Model card date '{date}' is not yyyy-MM-dd; pass --date 2026-12-02 (for example).");
        }

        var passages = LabelledCorpus.LoadDirectory(options.CorpusDirectory);
        var dataHash = CorpusHash(options.CorpusDirectory);
        var regression = new RegressionSettings(options.C, 1e-4, 2000, 10);
        var featurised = Featurise(passages, settings);
        var folds = AssignFolds(passages, options.Folds, options.Seed);

        // Jobs 0..k-1 are the folds (train on the others, score the held-out fold); job k is the final model.
        var models = new FramingModel[options.Folds + 1];
        var iterations = new int[options.Folds + 1];
        Parallel.For(
            0,
            options.Folds + 1,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) },
            job =>
            {
                var training = new List<int>();
                for (var i = 0; i < passages.Count; i++)
                {
                    if (folds[i] != job)
                    {
                        training.Add(i);
                    }
                }

                (models[job], iterations[job]) = Fit(passages, featurised, training, settings, regression, options);
            });

        var outOfFold = new IReadOnlyList<double>[passages.Count];
        for (var i = 0; i < passages.Count; i++)
        {
            outOfFold[i] = models[folds[i]].Score(passages[i].Text, passages[i].Lang).Document;
        }

        var thresholds = new double[FramingModel.LabelCount];
        for (var label = 0; label < thresholds.Length; label++)
        {
            thresholds[label] = TuneThreshold(passages, outOfFold, label);
        }

        var crossValidation = EvaluationReport.Compute(passages, outOfFold, thresholds);
        var final = models[options.Folds];
        var model = new FramingModel(final.Features, final.MaxWindowSentences, final.VocabularyBuckets, final.Idf, final.Weights, final.Intercepts, thresholds);
        var bytes = ModelFile.Write(model, ModelName);
        var (_, version) = ModelFile.Read(bytes, "(in memory)");
        var card = new ModelCard(version, date, dataHash, passages, options, model, crossValidation, iterations);
        stopwatch.Stop();
        return new TrainingResult(bytes, version, card.Json(), card.Markdown(), passages, folds, crossValidation, stopwatch.Elapsed);
    }

    /// <summary>SHA-256 over the corpus files' names and bytes, in training order.</summary>
    public static string CorpusHash(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in LabelledCorpus.CorpusFiles(directory))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string ReadSnapshotDate(string directory)
    {
        var path = Path.Combine(directory, "snapshot-date.txt");
        return File.Exists(path)
            ? File.ReadAllText(path).Trim()
            : throw new InvalidDataException($"No --date given and no {path}: the model card's date must come from the corpus or the caller, never the clock.");
    }

    /// <summary>Feature occurrences of each passage, as (bucket, count) pairs sorted by bucket.</summary>
    private static (int[] Buckets, int[] Counts)[] Featurise(IReadOnlyList<LabelledPassage> passages, FeatureSettings settings)
    {
        var extractor = new FeatureExtractor(settings);
        var buffer = new FeatureBuffer();
        var result = new (int[], int[])[passages.Count];
        for (var i = 0; i < passages.Count; i++)
        {
            extractor.Extract(passages[i].Text, passages[i].Lang, buffer);
            var occurrences = buffer.Buckets.AsSpan(0, buffer.Count).ToArray();
            Array.Sort(occurrences);
            var buckets = new List<int>();
            var counts = new List<int>();
            for (var j = 0; j < occurrences.Length; j++)
            {
                if (j > 0 && occurrences[j] == occurrences[j - 1])
                {
                    counts[^1]++;
                }
                else
                {
                    buckets.Add(occurrences[j]);
                    counts.Add(1);
                }
            }

            result[i] = ([.. buckets], [.. counts]);
        }

        return result;
    }

    /// <summary>Stratified fold assignment: passages grouped by language and label combination, ordered by a seeded hash
    /// of their id, dealt round-robin (continuing across groups) so every fold gets its share of each group.</summary>
    internal static int[] AssignFolds(IReadOnlyList<LabelledPassage> passages, int folds, int seed)
    {
        var order = new int[passages.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = new string[passages.Count];
        var hashes = new ulong[passages.Count];
        for (var i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            keys[i] = p.Lang + ":" + string.Concat(p.Labels.Select(l => l ? '1' : '0'));
            hashes[i] = FeatureHash.Finish(FeatureHash.Of(p.Id, FeatureHash.Basis ^ (ulong)(uint)seed));
        }

        Array.Sort(order, (a, b) =>
        {
            var byKey = string.CompareOrdinal(keys[a], keys[b]);
            return byKey != 0 ? byKey : hashes[a] != hashes[b] ? hashes[a].CompareTo(hashes[b]) : string.CompareOrdinal(passages[a].Id, passages[b].Id);
        });
        var assignment = new int[passages.Count];
        for (var rank = 0; rank < order.Length; rank++)
        {
            assignment[order[rank]] = rank % folds;
        }

        return assignment;
    }

    private static (FramingModel Model, int Iterations) Fit(
        IReadOnlyList<LabelledPassage> passages,
        (int[] Buckets, int[] Counts)[] featurised,
        List<int> training,
        FeatureSettings settings,
        RegressionSettings regression,
        TrainingOptions options)
    {
        var documentFrequency = new int[1 << settings.HashBits];
        foreach (var i in training)
        {
            foreach (var bucket in featurised[i].Buckets)
            {
                documentFrequency[bucket]++;
            }
        }

        var vocabulary = new List<int>();
        for (var bucket = 0; bucket < documentFrequency.Length; bucket++)
        {
            if (documentFrequency[bucket] >= options.MinDocumentFrequency)
            {
                vocabulary.Add(bucket);
            }
        }

        var slotOf = new int[documentFrequency.Length];
        Array.Fill(slotOf, -1);
        var idf = new float[vocabulary.Count];
        for (var slot = 0; slot < vocabulary.Count; slot++)
        {
            slotOf[vocabulary[slot]] = slot;

            // Smooth IDF, as scikit-learn: ln((1 + n) / (1 + df)) + 1.
            idf[slot] = (float)(Math.Log((1.0 + training.Count) / (1.0 + documentFrequency[vocabulary[slot]])) + 1.0);
        }

        // Training columns ordered by falling document frequency: the features most rows touch share a few cache
        // lines at the front of the weight vector, which is what makes the L-BFGS passes fast.
        var byFrequency = new int[vocabulary.Count];
        for (var slot = 0; slot < byFrequency.Length; slot++)
        {
            byFrequency[slot] = slot;
        }

        Array.Sort(byFrequency, (a, b) =>
        {
            var df = documentFrequency[vocabulary[b]].CompareTo(documentFrequency[vocabulary[a]]);
            return df != 0 ? df : a.CompareTo(b);
        });
        var column = new int[vocabulary.Count];
        for (var rank = 0; rank < byFrequency.Length; rank++)
        {
            column[byFrequency[rank]] = rank;
        }

        var rowStarts = new int[training.Count + 1];
        var nonZeros = 0;
        foreach (var i in training)
        {
            nonZeros += featurised[i].Buckets.Length;
        }

        var columns = new int[nonZeros];
        var values = new float[nonZeros];
        var languages = new int[training.Count];
        var targets = new bool[training.Count * FramingModel.LabelCount];
        var end = 0;
        for (var row = 0; row < training.Count; row++)
        {
            var i = training[row];
            var (buckets, counts) = featurised[i];
            var start = end;
            double norm = 0;
            for (var j = 0; j < buckets.Length; j++)
            {
                var slot = slotOf[buckets[j]];
                if (slot < 0)
                {
                    continue;
                }

                var value = Tf.Sublinear(counts[j]) * idf[slot];
                columns[end] = column[slot];
                values[end++] = value;
                norm += (double)value * value;
            }

            // Ascending columns within a row: the weight reads walk memory forwards.
            Array.Sort(columns, values, start, end - start);
            var scale = norm > 0 ? 1.0 / Math.Sqrt(norm) : 0.0;
            for (var e = start; e < end; e++)
            {
                values[e] = (float)(values[e] * scale);
            }

            rowStarts[row + 1] = end;
            languages[row] = FramingModel.LanguageIndex(passages[i].Lang);
            for (var label = 0; label < FramingModel.LabelCount; label++)
            {
                targets[(row * FramingModel.LabelCount) + label] = passages[i].Labels[label];
            }
        }

        var matrix = new SparseMatrix(rowStarts, columns[..end], values[..end], vocabulary.Count);
        var (columnWeights, intercepts, iterations) = LogisticRegressionTrainer.Train(matrix, languages, targets, regression);
        var weights = new float[columnWeights.Length];
        for (var slot = 0; slot < vocabulary.Count; slot++)
        {
            Array.Copy(columnWeights, column[slot] * FramingModel.LabelCount, weights, slot * FramingModel.LabelCount, FramingModel.LabelCount);
        }

        var model = new FramingModel(settings, options.MaxWindowSentences, [.. vocabulary], idf, weights, intercepts, [0.5, 0.5, 0.5]);
        return (model, iterations);
    }

    /// <summary>The threshold maximising F1 on the out-of-fold scores: midway between the lowest accepted score and the
    /// next one below it (ties broken towards the higher threshold).</summary>
    private static double TuneThreshold(IReadOnlyList<LabelledPassage> passages, IReadOnlyList<IReadOnlyList<double>> scores, int label)
    {
        var order = new int[passages.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => scores[b][label] != scores[a][label] ? scores[b][label].CompareTo(scores[a][label]) : a.CompareTo(b));
        var positives = passages.Count(p => p.Labels[label]);
        int truePositives = 0, accepted = 0;
        var bestF1 = -1.0;
        var best = 0.5;
        for (var k = 0; k < order.Length; k++)
        {
            accepted++;
            truePositives += passages[order[k]].Labels[label] ? 1 : 0;
            var next = k + 1 < order.Length ? scores[order[k + 1]][label] : 0.0;
            if (k + 1 < order.Length && next == scores[order[k]][label])
            {
                continue;
            }

            var f1 = 2.0 * truePositives / (accepted + positives);
            if (f1 > bestF1)
            {
                bestF1 = f1;
                best = (scores[order[k]][label] + next) / 2;
            }
        }

        return best;
    }
}
