using Discourse.Core.Documents;
using Discourse.Testing;

namespace Discourse.Classification.Tests;

public sealed class FramingClassifierTests
{
    private static readonly Lazy<FramingClassifier> Committed = new(() =>
        FramingClassifier.Load(Path.Combine(ReferenceData.RepositoryRoot, "models", "framing-v1.model")));

    private static Document MakeDocument(string title, string text, string lang) => new()
    {
        DocId = "0123456789abcdef",
        Source = new SourceInfo("test", "Test", "test", SourceKind.Official),
        Url = "file:///test.txt",
        Lang = lang,
        Title = title,
        Text = text,
        FetchedAt = DateTimeOffset.UnixEpoch,
        ContentSha256 = new string('0', 64),
    };

    [Fact]
    public void Classify_tags_a_sovereign_internet_statement_and_quotes_the_evidence_sentence()
    {
        var text = "The weather in the capital was mild on Tuesday.\n\n"
            + "The deputy minister said the country must keep control of its national internet segment and be able to run it if foreign providers cut it off, calling this a matter of digital sovereignty.";
        var labelled = Committed.Value.Classify(MakeDocument(string.Empty, text, "en"));

        Assert.Equal(FramingNames.All, labelled.Scores.Select(s => s.Framing));
        var sovereignty = labelled.Scores[0];
        Assert.True(sovereignty.Label, $"score {sovereignty.Score}");
        Assert.StartsWith("The deputy minister said", sovereignty.Evidence, StringComparison.Ordinal);
        Assert.Equal(Committed.Value.ModelVersion, labelled.ModelVersion);
        Assert.StartsWith("framing-v1.", labelled.ModelVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_leaves_an_energy_story_unlabelled_without_evidence()
    {
        var text = "Gas exports to the region rose by a tenth in the third quarter, the company reported. Analysts expect prices to ease in spring.";
        var labelled = Committed.Value.Classify(MakeDocument("Gas exports rise", text, "en"));

        Assert.All(labelled.Scores, s =>
        {
            Assert.False(s.Label, $"{s.Framing} scored {s.Score}");
            Assert.Null(s.Evidence);
            Assert.InRange(s.Score, 0.0, 1.0);
        });
    }

    [Fact]
    public void Classify_tags_russian_accusations_against_western_media()
    {
        var text = "Официальный представитель министерства заявила, что западные СМИ ведут против России информационную войну и тиражируют фейки.";
        var scores = Committed.Value.ClassifyText(text, "ru");

        Assert.True(scores[2].Label, $"score {scores[2].Score}");
        Assert.Equal(text, scores[2].Evidence);
    }

    [Fact]
    public void Capitals_and_yo_are_folded_before_featurisation_so_the_spelling_does_not_change_the_scores()
    {
        const string Plain = "западные сми ведут информационную войну, но все ее фейки мы разоблачим. еще одна атака на наше единое информационное пространство.";
        const string Cased = "ЗАПАДНЫЕ СМИ ведут ИНФОРМАЦИОННУЮ войну, но все её фейки мы разоблачим. Ещё одна атака на наше ЕДИНОЕ информационное пространство.";
        const string Capital = "Западные СМИ ведут информационную войну, но все ЕЁ фейки мы разоблачим. ЕЩЁ одна атака на наше единое информационное пространство.";

        var expected = Committed.Value.ClassifyText(Plain, "ru").Select(s => s.Score).ToArray();

        Assert.Equal(expected, Committed.Value.ClassifyText(Cased, "ru").Select(s => s.Score).ToArray());
        Assert.Equal(expected, Committed.Value.ClassifyText(Capital, "ru").Select(s => s.Score).ToArray());
    }

    [Fact]
    public void A_long_document_is_scored_by_its_paragraph_windows_not_only_as_a_whole()
    {
        var filler = string.Join("\n\n", Enumerable.Repeat("Harvest figures were revised upwards after a warm autumn. Grain prices on the exchange were steady.", 12));
        var framing = "Moscow and Beijing signed an agreement pledging not to conduct cyberattacks against each other and to cooperate on international information security.";
        var scores = Committed.Value.ClassifyText(filler + "\n\n" + framing + "\n\n" + filler, "en");

        Assert.True(scores[1].Label, $"score {scores[1].Score}");
        Assert.Equal(framing, scores[1].Evidence);
    }

    [Fact]
    public void Classification_is_the_same_on_many_threads_as_on_one()
    {
        var texts = new[]
        {
            "Western media outlets are waging an information war against our country, the spokeswoman said.",
            "The SCO members agreed on a plan of cooperation in international information security.",
            "Oil output was cut under the OPEC+ deal.",
            "Законопроект о суверенном интернете предусматривает создание национальной системы доменных имен.",
        };
        var expected = texts.Select(t => Committed.Value.ClassifyText(t, t[0] < 'z' ? "en" : "ru").Select(s => s.Score).ToArray()).ToArray();
        var results = new double[200][];
        Parallel.For(0, results.Length, i =>
        {
            var t = texts[i % texts.Length];
            results[i] = [.. Committed.Value.ClassifyText(t, t[0] < 'z' ? "en" : "ru").Select(s => s.Score)];
        });

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], results[i]);
        }
    }

    [Fact]
    public void A_feature_repeated_hundreds_of_times_scores_as_the_explanation_computes_it()
    {
        // Past 255 occurrences the scorer reads sublinear TF from its per-text table, the explanation from Tf.Sublinear's
        // formula: both must give the training's value.
        var text = string.Join(' ', Enumerable.Repeat("sovereignty", 300)) + " of the national internet.";
        var scores = Committed.Value.ClassifyText(text, "en");
        var explanations = Committed.Value.Explain(text, "en");

        for (var label = 0; label < scores.Count; label++)
        {
            Assert.Equal(explanations[label].Score, scores[label].Score, 1e-9);
        }
    }

    [Fact]
    public void Explain_lists_the_features_that_push_towards_a_framing()
    {
        var explanations = Committed.Value.Explain("Western media spread fakes and propaganda against Russia.", "en", top: 10);

        Assert.Equal(3, explanations.Count);
        var anti = explanations[2];
        Assert.Equal(Framing.AntiWesternMedia, anti.Framing);
        Assert.Equal(10, anti.Features.Count);
        Assert.Contains(anti.Features, f => f.Contribution > 0 && f.Feature == "word:media");
    }

    [Fact]
    public void Load_of_a_missing_file_says_where_it_looked()
    {
        var ex = Assert.Throws<ModelLoadException>(() => FramingClassifier.Load("/nonexistent/framing.model"));
        Assert.Contains("/nonexistent/framing.model", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_of_a_file_with_a_flipped_byte_reports_the_checksum()
    {
        using var folder = new TemporaryDirectory();
        var bytes = File.ReadAllBytes(Path.Combine(ReferenceData.RepositoryRoot, "models", "framing-v1.model"));
        bytes[bytes.Length / 2] ^= 0x40;
        var path = folder.File("corrupt.model");
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<ModelLoadException>(() => FramingClassifier.Load(path));
        Assert.Contains("checksum", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_of_something_else_says_it_is_not_a_model()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("notes.model");
        File.WriteAllText(path, "{\"this\": \"is JSON, not a model\"}");

        var ex = Assert.Throws<ModelLoadException>(() => FramingClassifier.Load(path));
        Assert.Contains("not a Discourse framing model", ex.Message, StringComparison.Ordinal);
    }
}
