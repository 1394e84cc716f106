using System.Text.Json;
using Discourse.Dataset.Runs;
using Discourse.Testing;

namespace Discourse.Dataset.Tests.Runs;

public sealed class RunManifestStoreTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_manifest_round_trips_through_snake_case_json()
    {
        var recorder = new RunRecorder(["mid-press"]);
        recorder.RecordDocument(SampleDocuments.Create(4, null));
        recorder.RecordPage(new Core.Documents.PageFailed("mid-press", "file:///x.html", "not HTML"));
        var written = new DatasetWriteResult([new DatasetFile("documents/year=2016/month=06/part-20241122T074000Z-0001-0.parquet", "year=2016/month=06", 1, 1234)], 1, 0);
        var manifest = recorder.Build(RunRecorderTests.Header() with { ConfigSha256 = new string('c', 64), ModelVersion = "framing-1.0.0" }, written);

        var path = RunManifestStore.Write(_dir.Path, manifest);
        var read = RunManifestStore.Read(path);

        Assert.Equal(_dir.File("_runs/20241122T074000Z-0001.json"), path);
        Assert.Equal([path], RunManifestStore.List(_dir.Path));
        Assert.Equal(manifest.RunId, read.RunId);
        Assert.Equal(manifest.Files, read.Files);
        Assert.Equal(manifest.FailedPages, read.FailedPages);
        Assert.Equal(manifest.PositiveLabels, read.PositiveLabels);
        Assert.Equal(manifest.StartedAt, read.StartedAt);
        Assert.Equal(manifest.Sources[0] with { SkippedByReason = read.Sources[0].SkippedByReason }, read.Sources[0]);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var key in new[] { "run_id", "status", "started_at", "finished_at", "software_version", "dataset_schema_version", "config_sha256", "model_version", "rows", "files", "sources", "failed_pages", "errors", "positive_labels" })
        {
            Assert.True(json.RootElement.TryGetProperty(key, out _), key);
        }

        Assert.Equal(1234, json.RootElement.GetProperty("files")[0].GetProperty("bytes").GetInt64());
        Assert.Empty(Directory.EnumerateFiles(_dir.File("_runs"), ".*"));
    }

    [Fact]
    public void A_corrupt_manifest_is_reported_with_its_path()
    {
        Directory.CreateDirectory(_dir.File("_runs"));
        File.WriteAllText(_dir.File("_runs/20241122T074000Z-0001.json"), "{ \"run_id\": ");

        var ex = Assert.Throws<DatasetException>(() => RunManifestStore.Read(_dir.File("_runs/20241122T074000Z-0001.json")));

        Assert.Contains("20241122T074000Z-0001.json is not valid", ex.Message, StringComparison.Ordinal);
    }
}
