using Discourse.Classification.Training;
using Discourse.Testing;

namespace Discourse.Classification.Tests.Training;

public sealed class FramingTrainerTests
{
    private static string Corpus => Path.Combine(ReferenceData.RepositoryRoot, "corpora", "labelled");

    [Fact]
    public void Training_on_the_committed_corpus_reproduces_the_committed_model_and_cards_bit_for_bit()
    {
        var trained = FramingTrainer.Train(new TrainingOptions { CorpusDirectory = Corpus });

        var modelPath = Path.Combine(ReferenceData.RepositoryRoot, "models", "framing-v1.model");
        var (cardJson, cardMarkdown) = TrainingResult.CardPaths(modelPath);
        Assert.True(File.ReadAllBytes(modelPath).AsSpan().SequenceEqual(trained.ModelBytes),
            "models/framing-v1.model differs from what `discourse train` makes of corpora/labelled: retrain and commit the model.");
        Assert.Equal(File.ReadAllText(cardJson), trained.CardJson);
        Assert.Equal(File.ReadAllText(cardMarkdown), trained.CardMarkdown);
        Assert.InRange(trained.CrossValidation.MacroF1(), 0.85, 1.0);
    }

    [Fact]
    public void Folds_are_deterministic_for_a_seed_balanced_and_stratified_by_language_and_labels()
    {
        var passages = new List<LabelledPassage>();
        for (var i = 0; i < 100; i++)
        {
            passages.Add(new LabelledPassage($"p{i}", i % 2 == 0 ? "en" : "ru", "text", [i % 4 == 0, false, false], null));
        }

        var first = FramingTrainer.AssignFolds(passages, 5, 7);
        var again = FramingTrainer.AssignFolds(passages, 5, 7);
        var otherSeed = FramingTrainer.AssignFolds(passages, 5, 8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
        for (var fold = 0; fold < 5; fold++)
        {
            Assert.Equal(20, first.Count(f => f == fold));
            Assert.Equal(5, Enumerable.Range(0, 100).Count(i => first[i] == fold && passages[i].Labels[0]));
        }
    }

    [Fact]
    public void Training_without_a_date_or_snapshot_file_refuses_to_use_the_clock()
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllText(folder.File("a.jsonl"), "{\"id\":\"a\",\"lang\":\"en\",\"text\":\"x\",\"labels\":{\"sovereignty\":0,\"non_aggression\":0,\"anti_western_media\":0}}\n");

        var ex = Assert.Throws<InvalidDataException>(() => FramingTrainer.Train(new TrainingOptions { CorpusDirectory = folder.Path }));
        Assert.Contains("snapshot-date.txt", ex.Message, StringComparison.Ordinal);
    }
}
