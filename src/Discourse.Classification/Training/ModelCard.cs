using System.Globalization;
using System.Text;
using System.Text.Json;
using Discourse.Classification.Evaluation;
using Discourse.Classification.Modeling;
using Discourse.Core.Documents;

namespace Discourse.Classification.Training;

/// <summary>The model card: provenance, counts, hyperparameters, cross-validation metrics and thresholds.
/// Everything in it is derived from the corpus, the options and the code, so it reproduces with the model.</summary>
internal sealed class ModelCard(
    string version,
    string date,
    string dataHash,
    IReadOnlyList<LabelledPassage> passages,
    TrainingOptions options,
    FramingModel model,
    EvaluationReport crossValidation,
    IReadOnlyList<int> iterations)
{
    private static readonly string[] Languages = ["en", "ru"];

    public string Json()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("model", FramingTrainer.ModelName);
            writer.WriteString("model_version", version);
            writer.WriteNumber("format_version", ModelFile.FormatVersion);
            writer.WriteNumber("feature_version", ModelFile.FeatureVersion);
            writer.WriteString("date", date);
            writer.WriteStartObject("training_data");
            writer.WriteString("sha256", dataHash);
            writer.WriteNumber("passages", passages.Count);
            foreach (var lang in Languages)
            {
                writer.WriteStartObject(lang);
                var inLanguage = passages.Where(p => p.Lang == lang).ToList();
                writer.WriteNumber("passages", inLanguage.Count);
                foreach (var framing in FramingNames.All)
                {
                    writer.WriteNumber(framing.Name(), inLanguage.Count(p => p.Labels[(int)framing]));
                }

                writer.WriteNumber("no_label", inLanguage.Count(p => !p.Labels.Contains(true)));
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("hyperparameters");
            writer.WriteString("features", $"stem unigrams (stop words out) + stem bigrams + char {CharGrams(options)} inside word boundaries, hashed into 2^{options.HashBits} buckets, min df {options.MinDocumentFrequency}, TF-IDF (1+ln tf, smooth idf), L2-normalised");
            writer.WriteString("language_mode", options.PartitionByLanguage ? "partitioned: every feature keyed by language" : "shared features, intercept per language");
            writer.WriteNumber("vocabulary_size", model.VocabularyBuckets.Length);
            writer.WriteString("regression", "binary logistic regression per framing, L2, balanced class weights, L-BFGS (MathNet.Numerics)");
            writer.WriteNumber("c", options.C);
            writer.WriteNumber("folds", options.Folds);
            writer.WriteNumber("seed", options.Seed);
            writer.WriteNumber("max_window_sentences", options.MaxWindowSentences);
            writer.WriteStartArray("lbfgs_iterations");
            foreach (var count in iterations)
            {
                writer.WriteNumberValue(count);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartObject("thresholds");
            foreach (var framing in FramingNames.All)
            {
                writer.WriteNumber(framing.Name(), Math.Round(model.Thresholds[(int)framing], 6));
            }

            writer.WriteEndObject();
            writer.WritePropertyName("cross_validation");
            crossValidation.WriteJson(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public string Markdown()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"# Model card: {version}");
        text.AppendLine();
        text.AppendLine(inv, $"- Date: {date} (from the corpus snapshot, not the clock)");
        text.AppendLine(inv, $"- Training data: {passages.Count} passages, SHA-256 `{dataHash}`");
        text.AppendLine(inv, $"- Features: stem unigrams + bigrams, char {CharGrams(options)} in word boundaries, 2^{options.HashBits} buckets, min df {options.MinDocumentFrequency}, TF-IDF (sublinear TF), L2; {(options.PartitionByLanguage ? "features keyed by language" : "features shared across languages, intercept per language")}; vocabulary {model.VocabularyBuckets.Length}");
        text.AppendLine(inv, $"- Regression: logistic per framing, L2 (C = {options.C}), balanced class weights, L-BFGS; {options.Folds}-fold CV, seed {options.Seed}");
        text.AppendLine(inv, $"- Documents: scored whole and by paragraph windows of up to {options.MaxWindowSentences} sentences (maximum); evidence = best-scoring sentence of the best window, for set labels");
        text.AppendLine();
        text.AppendLine("| framing | threshold | en passages (+) | ru passages (+) | CV P | CV R | CV F1 | CV F1 en | CV F1 ru |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var framing in FramingNames.All)
        {
            var all = crossValidation.Metrics(framing);
            text.AppendLine(inv, $"| {framing.Name()} | {model.Thresholds[(int)framing]:F3} | {Positives("en", framing)} | {Positives("ru", framing)} | {all.Precision:F3} | {all.Recall:F3} | {all.F1:F3} | {crossValidation.Metrics(framing, "en").F1:F3} | {crossValidation.Metrics(framing, "ru").F1:F3} |");
        }

        text.AppendLine();
        text.AppendLine(inv, $"Cross-validated macro-F1: **{crossValidation.MacroF1():F3}** (en {crossValidation.MacroF1("en"):F3}, ru {crossValidation.MacroF1("ru"):F3}). Thresholds are tuned on the same out-of-fold scores, so these figures are slightly optimistic.");
        return text.ToString();
    }

    private static string CharGrams(TrainingOptions options) =>
        options.CharMin == options.CharMax ? $"{options.CharMin}-grams" : $"{options.CharMin}–{options.CharMax}-grams";

    private int Positives(string lang, Framing framing) => passages.Count(p => p.Lang == lang && p.Labels[(int)framing]);
}
