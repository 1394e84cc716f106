using Discourse.Classification.Features;

namespace Discourse.Classification.Training;

/// <summary>What <see cref="FramingTrainer.Train"/> learns from and how.</summary>
public sealed class TrainingOptions
{
    /// <summary>Folder holding the labelled <c>*.jsonl</c> files.</summary>
    public required string CorpusDirectory { get; init; }

    /// <summary>The date written into the model card (yyyy-MM-dd). It must come from the caller or the corpus so that
    /// training reproduces bit for bit; null reads it from <c>snapshot-date.txt</c> in the corpus folder.</summary>
    public string? Date { get; init; }

    /// <summary>Seed of the fold assignment.</summary>
    public int Seed { get; init; } = 20_161_026;

    /// <summary>Number of cross-validation folds (2–20).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Inverse L2 regularisation strength (scikit-learn's C).</summary>
    public double C { get; init; } = 25.0;

    /// <summary>log2 of the number of hash buckets.</summary>
    public int HashBits { get; init; } = FeatureSettings.Default.HashBits;

    /// <summary>Shortest character n-gram.</summary>
    public int CharMin { get; init; } = FeatureSettings.Default.CharMin;

    /// <summary>Longest character n-gram.</summary>
    public int CharMax { get; init; } = FeatureSettings.Default.CharMax;

    /// <summary>A feature must occur in at least this many training passages to enter the vocabulary.</summary>
    public int MinDocumentFrequency { get; init; } = 3;

    /// <summary>Key every feature by language (true) or share features and keep only per-language intercepts (false).</summary>
    public bool PartitionByLanguage { get; init; }

    /// <summary>Long paragraphs are scored in windows of at most this many sentences.</summary>
    public int MaxWindowSentences { get; init; } = 4;

    /// <summary>How many training jobs (folds and the final model) run at once; results do not depend on it.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
