using Discourse.Core.Documents;
using Discourse.Dataset.Runs;

namespace Discourse.Dataset.Tests.Runs;

public sealed class RunRecorderTests
{
    [Fact]
    public void Counts_documents_duplicates_failures_skips_and_labels_per_source()
    {
        var recorder = new RunRecorder(["mid-press", "empty-source"]);
        recorder.RecordDocument(SampleDocuments.Create(4, null));
        recorder.RecordDocument(SampleDocuments.Create(5, null, duplicateOf: "0000000000000004"));
        recorder.RecordDocument(SampleDocuments.Create(6, null, classified: false));
        recorder.RecordPage(new PageFailed("mid-press", "https://www.mid-press.example/a.html", "HTTP 500 after 3 retries"));
        recorder.RecordPage(new PageSkipped("mid-press", "https://www.mid-press.example/b.html", "unchanged"));
        recorder.RecordPage(new PageSkipped("mid-press", "https://www.mid-press.example/c.html", "unchanged"));
        recorder.RecordPage(new PageSkipped("mid-press", "https://www.mid-press.example/d.html", "robots.txt"));

        var manifest = recorder.Build(Header(), written: null);

        var source = manifest.Sources[0];
        Assert.Equal(("mid-press", 3L, 1L, 1L, 3L), (source.Id, source.Documents, source.Duplicates, source.Failed, source.Skipped));
        Assert.Equal(new Dictionary<string, long> { ["robots.txt"] = 1, ["unchanged"] = 2 }, source.SkippedByReason);
        var empty = manifest.Sources[1];
        Assert.Equal(("empty-source", 0L, 0L, 0L, 0L, (string?)null), (empty.Id, empty.Documents, empty.Duplicates, empty.Failed, empty.Skipped, empty.Error));
        Assert.Empty(empty.SkippedByReason);
        Assert.Equal([new PageProblem("mid-press", "https://www.mid-press.example/a.html", "HTTP 500 after 3 retries")], manifest.FailedPages);
        // Sample 4 scores 0.4/0.5/0.6 and sample 5 scores 0.5/0.6/0.7: labels at 0.5 and above.
        Assert.Equal(new Dictionary<string, long> { ["sovereignty"] = 1, ["non_aggression"] = 2, ["anti_western_media"] = 2 }, manifest.PositiveLabels);
        Assert.Equal(3, recorder.Documents);
        Assert.Equal(1, recorder.FailedPages);
        Assert.Equal(3, recorder.SkippedPages);
        Assert.Empty(manifest.Errors);
    }

    [Fact]
    public void A_stopped_source_is_an_error_of_the_run()
    {
        var recorder = new RunRecorder(["a"]);
        recorder.RecordSourceError("a", "connection reset");

        var manifest = recorder.Build(Header(), null);

        Assert.Equal("connection reset", manifest.Sources[0].Error);
        Assert.Equal(["source 'a': connection reset"], manifest.Errors);
    }

    internal static RunManifest Header() => new()
    {
        RunId = "20241122T074000Z-0001",
        Status = "succeeded",
        StartedAt = new DateTimeOffset(2024, 11, 22, 7, 40, 0, TimeSpan.Zero),
        FinishedAt = new DateTimeOffset(2024, 11, 22, 7, 41, 30, TimeSpan.Zero),
        SoftwareVersion = "9.9.9-test",
    };
}
