using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Discourse.Classification.Features;

namespace Discourse.Classification.Modeling;

/// <summary>
/// A trained model: the feature settings, the vocabulary (hash buckets kept in training), IDF weights, one logistic
/// regression per framing (feature weights and an intercept per language) and the tuned decision thresholds.
/// Immutable after construction; scoring keeps its scratch space per thread.
/// </summary>
internal sealed class FramingModel
{
    public const int LabelCount = 3;
    public const int LanguageCount = 2;

    private readonly VocabularyIndex vocabulary;

    /// <summary>Per scoring row: IDF and the three weights, side by side, counts zero; rows run from the most frequent
    /// feature (lowest IDF) down, so the features most texts share sit together in cache. Each scoring thread works on
    /// its own copy, whose count fields it uses.</summary>
    private readonly ScoringRow[] rowTemplate;

    private readonly ThreadLocal<ScoringScratch> scratches;

    public FramingModel(
        FeatureSettings features,
        int maxWindowSentences,
        int[] vocabularyBuckets,
        float[] idf,
        float[] weights,
        double[] intercepts,
        double[] thresholds)
    {
        if (idf.Length != vocabularyBuckets.Length || weights.Length != vocabularyBuckets.Length * LabelCount
            || intercepts.Length != LanguageCount * LabelCount || thresholds.Length != LabelCount || maxWindowSentences < 1)
        {
            throw new ArgumentException("Inconsistent model arrays: vocabulary, IDF, weights, intercepts and thresholds disagree in size.");
        }

        Features = features;
        MaxWindowSentences = maxWindowSentences;
        VocabularyBuckets = vocabularyBuckets;
        Idf = idf;
        Weights = weights;
        Intercepts = intercepts;
        Thresholds = thresholds;
        var rowOfSlot = new int[vocabularyBuckets.Length];
        var slotOfRow = Enumerable.Range(0, vocabularyBuckets.Length).OrderBy(slot => idf[slot]).ThenBy(slot => slot).ToArray();
        rowTemplate = new ScoringRow[vocabularyBuckets.Length];
        for (var row = 0; row < slotOfRow.Length; row++)
        {
            var slot = slotOfRow[row];
            rowOfSlot[slot] = row;
            rowTemplate[row] = new ScoringRow
            {
                Idf = idf[slot],
                Weight0 = weights[(slot * LabelCount) + 0],
                Weight1 = weights[(slot * LabelCount) + 1],
                Weight2 = weights[(slot * LabelCount) + 2],
            };
        }

        scratches = new ThreadLocal<ScoringScratch>(() => new ScoringScratch(rowTemplate));

        vocabulary = new VocabularyIndex(1 << features.HashBits, vocabularyBuckets, rowOfSlot);
        Extractor = new FeatureExtractor(features, vocabulary);
        BucketExtractor = new FeatureExtractor(features);
    }

    public FeatureSettings Features { get; }

    /// <summary>Long paragraphs are cut into windows of at most this many sentences.</summary>
    public int MaxWindowSentences { get; }

    public int[] VocabularyBuckets { get; }

    public float[] Idf { get; }

    /// <summary>Feature weights, slot-major: <c>[slot * 3 + label]</c>.</summary>
    public float[] Weights { get; }

    /// <summary>Intercepts, <c>[language * 3 + label]</c> (language 0 = en and anything else, 1 = ru).</summary>
    public double[] Intercepts { get; }

    public double[] Thresholds { get; }

    /// <summary>Emits scoring rows (features outside the vocabulary dropped): the scoring path.</summary>
    public FeatureExtractor Extractor { get; }

    /// <summary>Emits hash buckets and can name them: the explanation path.</summary>
    public FeatureExtractor BucketExtractor { get; }

    /// <summary>The slot of a bucket, or -1 when the bucket is not in the vocabulary.</summary>
    public int SlotOf(int bucket) => vocabulary.SlotOf(bucket);

    public static int LanguageIndex(string lang) => lang == "ru" ? 1 : 0;

    /// <summary>Scores a text: whole, by paragraph windows and by sentence (for evidence).</summary>
    public TextScores Score(string text, string lang)
    {
        var scratch = scratches.Value!;
        var buffer = scratch.Buffer;
        Extractor.Extract(text, lang, buffer);
        scratch.CoverCounts(buffer.Count);
        var language = LanguageIndex(lang);
        var result = new TextScores(buffer.Sentences.Count);
        Span<double> probabilities = stackalloc double[LabelCount];

        // Windows: runs of sentences inside one paragraph, at most MaxWindowSentences long. The best window per label is
        // where its evidence is looked for. A text that is a single window is only scored as a whole; otherwise the
        // window passes also collect the whole text's counts (the windows cover every feature in order, so the whole
        // text's features are summed in the same order as a pass of their own would).
        var sentences = buffer.Sentences;
        var windows = scratch.Windows;
        windows.Clear();
        var windowStart = 0;
        for (var i = 1; i <= sentences.Count; i++)
        {
            if (i == sentences.Count || sentences[i].Paragraph != sentences[windowStart].Paragraph || i - windowStart >= MaxWindowSentences)
            {
                windows.Add((windowStart, i));
                windowStart = i;
            }
        }

        Span<int> bestStart = stackalloc int[LabelCount];
        Span<int> bestEnd = stackalloc int[LabelCount];
        Span<double> bestScore = stackalloc double[LabelCount];
        bestStart.Clear();
        bestEnd.Fill(sentences.Count);
        bestScore.Fill(-1);
        if (windows.Count <= 1)
        {
            ScoreRange(scratch, 0, buffer.Count, language, probabilities);
            probabilities.CopyTo(result.Whole);
            probabilities.CopyTo(result.Document);
        }
        else
        {
            var wholeCount = 0;
            foreach (var (first, end) in windows)
            {
                ScoreRange(scratch, sentences[first].FeatureStart, sentences[end - 1].FeatureEnd, language, probabilities, ref wholeCount);
                for (var label = 0; label < LabelCount; label++)
                {
                    if (probabilities[label] > bestScore[label])
                    {
                        (bestStart[label], bestEnd[label], bestScore[label]) = (first, end, probabilities[label]);
                    }
                }
            }

            Probabilities(ScoreTouched(scratch, ScoringRow.WholeCountField, scratch.WholeTouched, wholeCount), language, result.Whole);
            for (var label = 0; label < LabelCount; label++)
            {
                result.Document[label] = Math.Max(result.Whole[label], bestScore[label]);
            }
        }

        // Evidence, for labels that are set: the best sentence of the best window. Sentences shared by several labels'
        // windows are scored once.
        var scored = -1;
        var scoredEnd = -1;
        var sentenceScores = scratch.SentenceScoresFor(sentences.Count);
        for (var label = 0; label < LabelCount; label++)
        {
            if (result.Document[label] < Thresholds[label] || sentences.Count == 0)
            {
                continue;
            }

            if (bestEnd[label] - bestStart[label] == 1)
            {
                result.EvidenceSentence[label] = bestStart[label];
                result.EvidenceScore[label] = result.Document[label];
                continue;
            }

            var reuse = scored == bestStart[label] && scoredEnd == bestEnd[label];
            for (var s = bestStart[label]; s < bestEnd[label]; s++)
            {
                if (!reuse)
                {
                    var sentence = sentences[s];
                    ScoreRange(scratch, sentence.FeatureStart, sentence.FeatureEnd, language, sentenceScores.Slice(s * LabelCount, LabelCount));
                }

                if (result.EvidenceSentence[label] < 0 || sentenceScores[(s * LabelCount) + label] > result.EvidenceScore[label])
                {
                    result.EvidenceSentence[label] = s;
                    result.EvidenceScore[label] = sentenceScores[(s * LabelCount) + label];
                }
            }

            (scored, scoredEnd) = (bestStart[label], bestEnd[label]);
        }

        for (var s = 0; s < sentences.Count; s++)
        {
            result.SentenceSpans[s] = (sentences[s].TextStart, sentences[s].TextLength);
        }

        return result;
    }

    /// <summary>TF-IDF (sublinear TF, L2-normalised) over feature occurrences [start, end), then the three logistic scores.</summary>
    private void ScoreRange(ScoringScratch scratch, int start, int end, int language, Span<double> probabilities)
    {
        var touchedCount = CountOccurrences(scratch, start, end);
        Probabilities(ScoreTouched(scratch, ScoringRow.CountField, scratch.Touched, touchedCount), language, probabilities);
    }

    /// <summary>As <see cref="ScoreRange(ScoringScratch, int, int, int, Span{double})"/>, and adds the range's
    /// counts to the whole text's (extending <see cref="ScoringScratch.WholeTouched"/>, of which <paramref name="wholeCount"/> are used).</summary>
    private void ScoreRange(ScoringScratch scratch, int start, int end, int language, Span<double> probabilities, ref int wholeCount)
    {
        var touchedCount = CountOccurrences(scratch, start, end);
        ref var rows = ref scratch.Rows;
        ref var touched = ref MemoryMarshal.GetArrayDataReference(scratch.Touched);
        ref var wholeTouched = ref MemoryMarshal.GetArrayDataReference(scratch.WholeTouched);
        var listed = wholeCount; // a local: through the ref, every iteration would wait on the previous one's store
        for (var t = 0; t < touchedCount; t++)
        {
            var row = Unsafe.Add(ref touched, t);
            ref var entry = ref Unsafe.Add(ref rows, row);
            var seen = entry.WholeCount;
            entry.WholeCount = seen + entry.Count;
            Unsafe.Add(ref wholeTouched, listed) = row;
            listed += seen == 0 ? 1 : 0;
        }

        wholeCount = listed;
        Probabilities(ScoreTouched(scratch, ScoringRow.CountField, scratch.Touched, touchedCount), language, probabilities);
    }

    /// <summary>Counts the occurrences of [start, end) per row into <see cref="ScoringRow.Count"/> and lists each row
    /// once, in order of first occurrence, in <see cref="ScoringScratch.Touched"/>.</summary>
    /// <remarks>The hot loop of classification, written without bounds checks or data-dependent branches: every row is
    /// written to the touched list and the list only advances on a row's first occurrence (a branch there was
    /// mispredicted about every other occurrence). Rows come from the model's own vocabulary, so they are in range.</remarks>
    private static int CountOccurrences(ScoringScratch scratch, int start, int end)
    {
        ref var occurrences = ref MemoryMarshal.GetArrayDataReference(scratch.Buffer.Buckets);
        ref var rows = ref scratch.Rows;
        ref var touched = ref MemoryMarshal.GetArrayDataReference(scratch.Touched);
        var touchedCount = 0;
        for (var i = start; i < end; i++)
        {
            var row = Unsafe.Add(ref occurrences, i);
            ref var count = ref Unsafe.Add(ref rows, row).Count;
            var seen = count;
            count = seen + 1;
            Unsafe.Add(ref touched, touchedCount) = row;
            touchedCount += seen == 0 ? 1 : 0;
        }

        return touchedCount;
    }

    /// <summary>The TF-IDF norm and the three dot products over the touched rows, from the count field
    /// <paramref name="countField"/> of each (<see cref="ScoringRow.CountField"/> or <see cref="ScoringRow.WholeCountField"/>);
    /// those counts are reset to zero on the way.</summary>
    /// <remarks>Nothing in the loop may call out (the sublinear TF comes from the scratch's table, which covers every
    /// count the text can have): around a call the JIT keeps the four sums on the stack, and every iteration then waits
    /// on the previous one's stores. For the same reason it is not inlined into its callers, which call Math.Exp.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (double Norm, double Dot0, double Dot1, double Dot2) ScoreTouched(ScoringScratch scratch, int countField, int[] touchedRows, int touchedCount)
    {
        double norm = 0, dot0 = 0, dot1 = 0, dot2 = 0;
        ref var rows = ref scratch.Rows;
        ref var touched = ref MemoryMarshal.GetArrayDataReference(touchedRows);
        var sublinear = scratch.Sublinear;
        for (var t = 0; t < touchedCount; t++)
        {
            ref var entry = ref Unsafe.Add(ref rows, Unsafe.Add(ref touched, t));
            ref var count = ref Unsafe.Add(ref Unsafe.As<ScoringRow, int>(ref entry), countField);
            var value = (double)(sublinear[count] * entry.Idf);
            count = 0;
            norm += value * value;
            dot0 += value * entry.Weight0;
            dot1 += value * entry.Weight1;
            dot2 += value * entry.Weight2;
        }

        return (norm, dot0, dot1, dot2);
    }

    private void Probabilities((double Norm, double Dot0, double Dot1, double Dot2) sums, int language, Span<double> probabilities)
    {
        var scale = sums.Norm > 0 ? 1.0 / Math.Sqrt(sums.Norm) : 0.0;
        var intercepts = Intercepts.AsSpan(language * LabelCount, LabelCount);
        probabilities[0] = Sigmoid(intercepts[0] + (sums.Dot0 * scale));
        probabilities[1] = Sigmoid(intercepts[1] + (sums.Dot1 * scale));
        probabilities[2] = Sigmoid(intercepts[2] + (sums.Dot2 * scale));
    }

    public static double Sigmoid(double z) => z >= 0 ? 1.0 / (1.0 + Math.Exp(-z)) : Math.Exp(z) / (1.0 + Math.Exp(z));

    /// <summary>One scoring row as a thread sees it: the model's IDF and weights and, in the same half cache line, the
    /// occurrence counts of the range being scored and of the whole text (so counting a feature brings in what scoring
    /// it reads). Counts are zero between calls.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 32)]
    private struct ScoringRow
    {
        /// <summary>Index of <see cref="Count"/> among the row's 32-bit fields.</summary>
        public const int CountField = 4;

        /// <summary>Index of <see cref="WholeCount"/> among the row's 32-bit fields.</summary>
        public const int WholeCountField = 5;

        [FieldOffset(0)]
        public float Idf;

        [FieldOffset(4)]
        public float Weight0;

        [FieldOffset(8)]
        public float Weight1;

        [FieldOffset(12)]
        public float Weight2;

        [FieldOffset(CountField * 4)]
        public int Count;

        [FieldOffset(WholeCountField * 4)]
        public int WholeCount;
    }

    /// <summary>One thread's scratch space for one model.</summary>
    private sealed class ScoringScratch(ScoringRow[] template)
    {
        private readonly ScoringRow[] rows = (ScoringRow[])template.Clone();

        public FeatureBuffer Buffer { get; } = new();

        /// <summary>Sublinear TF by count, for every count the current text can have (<see cref="CoverCounts"/>).</summary>
        public float[] Sublinear { get; private set; } = Tf.Table(256);

        /// <summary>The first of the thread's copy of the model's rows, whose counts it fills and resets.</summary>
        public ref ScoringRow Rows => ref MemoryMarshal.GetArrayDataReference(rows);

        /// <summary>One spare entry: a repeated occurrence is written just past the last listed row.</summary>
        public int[] Touched { get; } = new int[template.Length + 1];

        public int[] WholeTouched { get; } = new int[template.Length + 1];

        /// <summary>The windows of the current text as (first sentence, end sentence).</summary>
        public List<(int First, int End)> Windows { get; } = [];

        private double[] sentenceScores = new double[64 * LabelCount];

        /// <summary>Makes <see cref="Sublinear"/> cover counts up to <paramref name="occurrences"/>, the most any feature
        /// of a text with that many occurrences can have.</summary>
        public void CoverCounts(int occurrences)
        {
            if (Sublinear.Length <= occurrences)
            {
                Sublinear = Tf.Table(Math.Max(occurrences + 1, Sublinear.Length * 2));
            }
        }

        public Span<double> SentenceScoresFor(int sentences)
        {
            if (sentenceScores.Length < sentences * LabelCount)
            {
                sentenceScores = new double[sentences * LabelCount * 2];
            }

            return sentenceScores.AsSpan(0, sentences * LabelCount);
        }
    }
}

/// <summary>Scores of one text: whole, document (whole or best window), and the best sentence per label.</summary>
internal sealed class TextScores
{
    public TextScores(int sentenceCount)
    {
        SentenceSpans = new (int Start, int Length)[sentenceCount];
        Array.Fill(EvidenceSentence, -1);
    }

    public double[] Whole { get; } = new double[FramingModel.LabelCount];

    public double[] Document { get; } = new double[FramingModel.LabelCount];

    public int[] EvidenceSentence { get; } = new int[FramingModel.LabelCount];

    public double[] EvidenceScore { get; } = new double[FramingModel.LabelCount];

    public (int Start, int Length)[] SentenceSpans { get; }
}

/// <summary>Sublinear term frequency 1 + ln(tf), tabulated: training and scoring must agree to the last bit.</summary>
internal static class Tf
{
    private static readonly float[] Common = Table(256);

    public static float Sublinear(int count) => count < Common.Length ? Common[count] : Value(count);

    /// <summary>The sublinear TF of counts 0 to <paramref name="length"/> - 1 (0 for a count of 0).</summary>
    public static float[] Table(int length)
    {
        var table = new float[length];
        for (var i = 1; i < table.Length; i++)
        {
            table[i] = Value(i);
        }

        return table;
    }

    private static float Value(int count) => (float)(1.0 + Math.Log(count));
}
