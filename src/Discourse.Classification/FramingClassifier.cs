using Discourse.Classification.Features;
using Discourse.Classification.Modeling;
using Discourse.Core.Documents;

namespace Discourse.Classification;

/// <summary>One weighted feature behind a framing's score.</summary>
/// <param name="Feature">Readable feature name, e.g. <c>word:sovereignti</c>, <c>bigram:западн сми</c>, <c>chars:&lt;суве</c>.</param>
/// <param name="Contribution">Its share of the logit: TF-IDF value × weight (positive pushes towards the framing).</param>
public sealed record WeightedFeature(string Feature, double Contribution);

/// <summary>Why a text got its score for one framing.</summary>
/// <param name="Framing">The framing.</param>
/// <param name="Score">The whole-text score.</param>
/// <param name="Intercept">The language intercept of the logit.</param>
/// <param name="Features">The features with the largest absolute contributions, largest first.</param>
public sealed record FramingExplanation(Framing Framing, double Score, double Intercept, IReadOnlyList<WeightedFeature> Features);

/// <summary>
/// Tags texts for the three framings with a trained model file. Thread-safe: the model is immutable and scoring
/// scratch space is per thread.
/// </summary>
public sealed class FramingClassifier
{
    private readonly FramingModel model;

    private FramingClassifier(FramingModel model, string modelVersion)
    {
        this.model = model;
        ModelVersion = modelVersion;
    }

    /// <summary>The model's name and content version, e.g. <c>framing-v1.3fa9c0d2e1b4</c>.</summary>
    public string ModelVersion { get; }

    /// <summary>The decision threshold per framing, in <see cref="FramingNames.All"/> order.</summary>
    public IReadOnlyList<double> Thresholds => model.Thresholds;

    /// <summary>Loads a model written by <c>discourse train</c>.</summary>
    /// <exception cref="ModelLoadException">The file is missing, corrupt or incompatible.</exception>
    public static FramingClassifier Load(string modelPath)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(modelPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelLoadException($"Cannot read model file {Path.GetFullPath(modelPath)}: {ex.Message} Train one with `discourse train` or pass --model.", ex);
        }

        return FromBytes(bytes, modelPath);
    }

    /// <summary>Loads a model from its bytes (<paramref name="name"/> is used in error messages).</summary>
    /// <exception cref="ModelLoadException">The bytes are corrupt or incompatible.</exception>
    public static FramingClassifier FromBytes(byte[] bytes, string name)
    {
        var (model, version) = ModelFile.Read(bytes, name);
        return new FramingClassifier(model, version);
    }

    /// <summary>Scores a document (title and text), with evidence for every framing whose label is set.</summary>
    public LabelledDocument Classify(Document document)
    {
        var text = string.IsNullOrWhiteSpace(document.Title) ? document.Text : document.Title + "\n\n" + document.Text;
        return new LabelledDocument(document, ClassifyText(text, document.Lang), ModelVersion);
    }

    /// <summary>Scores a text in a language (<c>en</c>, <c>ru</c>; anything else is scored as English).</summary>
    /// <returns>One <see cref="FramingScore"/> per framing in <see cref="FramingNames.All"/> order. The score is the
    /// larger of the whole-text score and the best paragraph window's; the evidence (only for set labels) is the
    /// sentence with the highest score for that framing.</returns>
    public IReadOnlyList<FramingScore> ClassifyText(string text, string lang)
    {
        var scores = model.Score(text, lang);
        var result = new FramingScore[FramingModel.LabelCount];
        for (var label = 0; label < result.Length; label++)
        {
            var score = scores.Document[label];
            var isSet = score >= model.Thresholds[label];
            string? evidence = null;
            if (isSet && scores.EvidenceSentence[label] >= 0)
            {
                var (start, length) = scores.SentenceSpans[scores.EvidenceSentence[label]];
                evidence = text.Substring(start, length);
            }

            result[label] = new FramingScore(FramingNames.All[label], score, isSet, evidence);
        }

        return result;
    }

    /// <summary>The weighted n-grams behind each framing's whole-text score.</summary>
    /// <param name="text">The text.</param>
    /// <param name="lang"><c>en</c> or <c>ru</c>.</param>
    /// <param name="top">How many features to list per framing.</param>
    public IReadOnlyList<FramingExplanation> Explain(string text, string lang, int top = 15)
    {
        var buffer = new FeatureBuffer { Names = [] };
        model.BucketExtractor.Extract(text, lang, buffer);
        var counts = new Dictionary<int, (int Count, string Name)>();
        for (var i = 0; i < buffer.Count; i++)
        {
            var slot = model.SlotOf(buffer.Buckets[i]);
            if (slot >= 0)
            {
                counts[slot] = counts.TryGetValue(slot, out var seen) ? (seen.Count + 1, seen.Name) : (1, buffer.Names[i]);
            }
        }

        double norm = 0;
        foreach (var (slot, (count, _)) in counts)
        {
            var value = (double)(Tf.Sublinear(count) * model.Idf[slot]);
            norm += value * value;
        }

        var scale = norm > 0 ? 1.0 / Math.Sqrt(norm) : 0.0;
        var language = FramingModel.LanguageIndex(lang);
        var explanations = new List<FramingExplanation>();
        for (var label = 0; label < FramingModel.LabelCount; label++)
        {
            var contributions = new List<WeightedFeature>();
            var logit = model.Intercepts[(language * FramingModel.LabelCount) + label];
            foreach (var (slot, (count, name)) in counts)
            {
                var contribution = Tf.Sublinear(count) * model.Idf[slot] * scale * model.Weights[(slot * FramingModel.LabelCount) + label];
                logit += contribution;
                contributions.Add(new WeightedFeature(name, contribution));
            }

            contributions.Sort((a, b) => Math.Abs(b.Contribution).CompareTo(Math.Abs(a.Contribution)));
            explanations.Add(new FramingExplanation(
                FramingNames.All[label],
                FramingModel.Sigmoid(logit),
                model.Intercepts[(language * FramingModel.LabelCount) + label],
                contributions.Take(top).ToList()));
        }

        return explanations;
    }
}
