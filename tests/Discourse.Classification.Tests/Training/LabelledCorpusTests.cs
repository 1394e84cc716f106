using Discourse.Classification.Training;
using Discourse.Testing;

namespace Discourse.Classification.Tests.Training;

public sealed class LabelledCorpusTests
{
    [Fact]
    public void A_bad_label_value_is_reported_with_file_and_line()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("bad.jsonl");
        File.WriteAllLines(path,
        [
            "{\"id\":\"a\",\"lang\":\"en\",\"text\":\"fine\",\"labels\":{\"sovereignty\":0,\"non_aggression\":1,\"anti_western_media\":0}}",
            "{\"id\":\"b\",\"lang\":\"en\",\"text\":\"bad\",\"labels\":{\"sovereignty\":2,\"non_aggression\":0,\"anti_western_media\":0}}",
        ]);

        var ex = Assert.Throws<InvalidDataException>(() => LabelledCorpus.LoadFile(path));
        Assert.Contains(path + ":2:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("labels.sovereignty must be 0 or 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_across_files_are_refused()
    {
        using var folder = new TemporaryDirectory();
        var line = "{\"id\":\"same\",\"lang\":\"ru\",\"text\":\"т\",\"labels\":{\"sovereignty\":0,\"non_aggression\":0,\"anti_western_media\":1}}";
        File.WriteAllText(folder.File("a.jsonl"), line + "\n");
        File.WriteAllText(folder.File("b.jsonl"), line + "\n");

        var ex = Assert.Throws<InvalidDataException>(() => LabelledCorpus.LoadDirectory(folder.Path));
        Assert.Contains("'same'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_committed_corpus_meets_the_issue_minimums()
    {
        var passages = LabelledCorpus.LoadDirectory(Path.Combine(ReferenceData.RepositoryRoot, "corpora", "labelled"));

        Assert.True(passages.Count >= 1000);
        foreach (var lang in new[] { "en", "ru" })
        {
            var inLanguage = passages.Where(p => p.Lang == lang).ToList();
            Assert.True(inLanguage.Count >= 450, lang);
            for (var label = 0; label < 3; label++)
            {
                Assert.True(inLanguage.Count(p => p.Labels[label]) >= 60, $"{lang} label {label}");
            }
        }

        for (var label = 0; label < 3; label++)
        {
            Assert.True(passages.Count(p => p.Labels[label]) >= 150, $"label {label}");
        }

        Assert.True(passages.Count(p => !p.Labels.Contains(true)) >= 400);
    }
}
