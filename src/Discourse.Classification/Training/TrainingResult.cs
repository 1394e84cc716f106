using Discourse.Classification.Evaluation;

namespace Discourse.Classification.Training;

/// <summary>What training produced: the model bytes, its card, the fold assignment and the cross-validation report.</summary>
public sealed class TrainingResult
{
    internal TrainingResult(
        byte[] modelBytes,
        string modelVersion,
        string cardJson,
        string cardMarkdown,
        IReadOnlyList<LabelledPassage> passages,
        IReadOnlyList<int> folds,
        EvaluationReport crossValidation,
        TimeSpan elapsed)
    {
        ModelBytes = modelBytes;
        ModelVersion = modelVersion;
        CardJson = cardJson;
        CardMarkdown = cardMarkdown;
        Passages = passages;
        Folds = folds;
        CrossValidation = crossValidation;
        Elapsed = elapsed;
    }

    /// <summary>The model file's bytes.</summary>
    public byte[] ModelBytes { get; }

    /// <summary>The model version (<c>framing-v1.&lt;hash&gt;</c>).</summary>
    public string ModelVersion { get; }

    /// <summary>The model card as JSON.</summary>
    public string CardJson { get; }

    /// <summary>The model card as Markdown.</summary>
    public string CardMarkdown { get; }

    /// <summary>The training passages, in corpus order.</summary>
    public IReadOnlyList<LabelledPassage> Passages { get; }

    /// <summary>The cross-validation fold of each passage (same order as <see cref="Passages"/>).</summary>
    public IReadOnlyList<int> Folds { get; }

    /// <summary>Out-of-fold metrics with the tuned thresholds.</summary>
    public EvaluationReport CrossValidation { get; }

    /// <summary>Wall-clock training time (not part of the card: the card must reproduce).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The card paths that go with a model path: <c>x.model</c> → <c>x.card.json</c>, <c>x.card.md</c>.</summary>
    public static (string Json, string Markdown) CardPaths(string modelPath)
    {
        var stem = modelPath.EndsWith(".model", StringComparison.Ordinal) ? modelPath[..^".model".Length] : modelPath;
        return (stem + ".card.json", stem + ".card.md");
    }

    /// <summary>Writes the model and its two cards (temporary file, then rename, so a reader never sees half a model).</summary>
    public void Save(string modelPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(modelPath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = modelPath + ".tmp";
        File.WriteAllBytes(temporary, ModelBytes);
        File.Move(temporary, modelPath, overwrite: true);
        var (json, markdown) = CardPaths(modelPath);
        File.WriteAllText(json, CardJson);
        File.WriteAllText(markdown, CardMarkdown);
    }
}
