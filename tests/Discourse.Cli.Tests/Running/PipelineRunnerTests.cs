using System.Runtime.CompilerServices;
using Discourse.Cli.Running;
using Discourse.Core.Configuration;
using Discourse.Core.Documents;
using Discourse.Dataset;
using Discourse.Dataset.Runs;
using Discourse.Testing;

namespace Discourse.Cli.Tests.Running;

public sealed class PipelineRunnerTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 11, 22, 7, 40, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    private PipelineConfig Config(int? maxDocuments = null, params string[] sourceIds)
    {
        File.WriteAllText(_dir.File("pipeline.yaml"), "# test\n");
        return new PipelineConfig
        {
            ConfigPath = _dir.File("pipeline.yaml"),
            OutputDir = _dir.File("out"),
            Model = new ModelConfig(_dir.File("m.model")),
            Run = new RunConfig { MaxDocuments = maxDocuments },
            Sources = sourceIds.Select(id => (SourceConfig)new FilesSourceConfig { Id = id, Name = id, Actor = "RU", Kind = SourceKind.Official, Paths = ["x"] }).ToList(),
        };
    }

    private static Document Doc(string sourceId, int n, DateTimeOffset? published) => new()
    {
        DocId = $"{sourceId.GetHashCode(StringComparison.Ordinal) & 0xffff:x4}{n:x12}",
        Source = new SourceInfo(sourceId, sourceId, "RU", SourceKind.Official),
        Url = $"file:///corpus/{sourceId}/{n}.html",
        Lang = "en",
        Title = $"T{n}",
        Text = $"Text {n}",
        PublishedAt = published,
        FetchedAt = new DateTimeOffset(2024, 11, 22, 7, 40, 0, TimeSpan.Zero),
        ContentSha256 = new string('b', 64),
    };

    private static LabelledDocument Classify(Document d) =>
        new(d, FramingNames.All.Select(f => new FramingScore(f, 0.75, true, "because")).ToList(), "test-model-1");

    private static async IAsyncEnumerable<IngestionEvent> Pages(SourceConfig source, int documents, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var n = 0; n < documents; n++)
        {
            ct.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new DocumentIngested(Doc(source.Id, n, n % 4 == 3 ? null : new DateTimeOffset(2015 + (n % 3), 1 + n % 12, 10, 0, 0, 0, TimeSpan.Zero)));
        }

        yield return new PageFailed(source.Id, $"file:///corpus/{source.Id}/broken.html", "not HTML: binary content");
        yield return new PageSkipped(source.Id, $"file:///corpus/{source.Id}/old.html", "before date_from");
    }

    private static async IAsyncEnumerable<IngestionEvent> BreaksOff(SourceConfig source, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var page in Pages(source, 5, ct))
        {
            yield return page;
            if (page is DocumentIngested { Document.Title: "T2" })
            {
                throw new IOException("connection reset by peer while reading page 4");
            }
        }
    }

    private async Task<RunOutcome> Run(PipelineConfig config, SourceReader reader)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var runner = new PipelineRunner(config, _ => new StatelessIngestion(reader), Classify, "test-model-1", new PlainRunProgress(output, errors, _clock), _clock);
        return await runner.RunAsync(CancellationToken.None);
    }

    private IEnumerable<string> DatasetFiles() =>
        Directory.Exists(_dir.File("out/documents"))
            ? Directory.EnumerateFiles(_dir.File("out/documents"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_dir.File("out"), f)).Order(StringComparer.Ordinal)
            : [];

    [Fact]
    public async Task A_run_writes_every_document_and_a_manifest()
    {
        var outcome = await Run(Config(null, "a", "b"), (s, ct) => Pages(s, s.Id == "a" ? 8 : 3, ct));

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        var manifest = Assert.IsType<RunManifest>(outcome.Manifest);
        Assert.Equal("succeeded", manifest.Status);
        Assert.Equal(11, manifest.Rows);
        Assert.Equal([8L, 3L], manifest.Sources.Select(s => s.Documents));
        Assert.Equal([1L, 1L], manifest.Sources.Select(s => s.Failed));
        Assert.Equal([1L, 1L], manifest.Sources.Select(s => s.Skipped));
        Assert.Equal(2, manifest.FailedPages.Count);
        Assert.Equal("test-model-1", manifest.ModelVersion);
        Assert.Equal(64, manifest.ConfigSha256!.Length);
        Assert.Equal(11, manifest.PositiveLabels["sovereignty"]);
        Assert.Equal(manifest, RunManifestStore.Read(outcome.ManifestPath!) with { Files = manifest.Files, Sources = manifest.Sources, FailedPages = manifest.FailedPages, Errors = manifest.Errors, PositiveLabels = manifest.PositiveLabels });
        Assert.Equal(manifest.Files.Select(f => f.Path.Replace('/', Path.DirectorySeparatorChar)), DatasetFiles().Where(f => f.EndsWith(".parquet", StringComparison.Ordinal)));
        Assert.True(DatasetVerifier.Verify(_dir.File("out")).Ok);
    }

    [Fact]
    public async Task Max_documents_stops_the_run_early_but_completes_it()
    {
        var outcome = await Run(Config(4, "a", "b"), (s, ct) => Pages(s, 10, ct));

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.Equal(4, outcome.Manifest!.Rows);
        Assert.Equal([4L, 0L], outcome.Manifest.Sources.Select(s => s.Documents));
    }

    [Fact]
    public async Task A_source_failing_mid_run_fails_the_run_leaves_no_partial_file_and_keeps_earlier_runs()
    {
        var first = await Run(Config(null, "a"), (s, ct) => Pages(s, 6, ct));
        var before = DatasetFiles().ToDictionary(f => f, f => File.ReadAllBytes(_dir.File("out/" + f)));
        _clock.Advance(TimeSpan.FromMinutes(5));

        var outcome = await Run(Config(null, "a", "b"), (s, ct) => s.Id == "b" ? BreaksOff(s, ct) : Pages(s, 6, ct));

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        var manifest = outcome.Manifest!;
        Assert.Equal("failed", manifest.Status);
        Assert.Equal(0, manifest.Rows);
        Assert.Empty(manifest.Files);
        var error = Assert.Single(manifest.Errors);
        Assert.Contains("source 'b'", error, StringComparison.Ordinal);
        Assert.Contains("connection reset by peer while reading page 4", error, StringComparison.Ordinal);
        Assert.Equal(before.Keys, DatasetFiles());
        Assert.All(before, pair => Assert.Equal(pair.Value, File.ReadAllBytes(_dir.File("out/" + pair.Key))));
        Assert.True(File.Exists(outcome.ManifestPath));
    }

    [Fact]
    public async Task An_unwritable_output_folder_fails_with_a_clear_message_before_reading()
    {
        File.WriteAllText(_dir.File("blocker"), "a file where the output folder should be");
        var config = Config(null, "a") with { OutputDir = _dir.File("blocker/out") };
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var read = false;

        var outcome = await new PipelineRunner(config, _ => new StatelessIngestion((s, ct) => { read = true; return Pages(s, 1, ct); }), Classify, null, new PlainRunProgress(output, errors, _clock), _clock)
            .RunAsync(CancellationToken.None);

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        Assert.False(read);
        Assert.Contains($"Cannot create the output folder '{_dir.File("blocker/out")}'", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("--output", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_adds_nothing_to_the_dataset()
    {
        using var cts = new CancellationTokenSource();
        async IAsyncEnumerable<IngestionEvent> CancelsHalfway(SourceConfig s, [EnumeratorCancellation] CancellationToken ct = default)
        {
            await foreach (var page in Pages(s, 6, ct))
            {
                yield return page;
                if (page is DocumentIngested { Document.Title: "T3" })
                {
                    await cts.CancelAsync();
                }
            }
        }

        using var output = new StringWriter();
        using var errors = new StringWriter();
        var outcome = await new PipelineRunner(Config(null, "a"), _ => new StatelessIngestion(CancelsHalfway), Classify, null, new PlainRunProgress(output, errors, _clock), _clock).RunAsync(cts.Token);

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        Assert.Equal("cancelled", outcome.Manifest!.Status);
        Assert.DoesNotContain(DatasetFiles(), f => f.EndsWith(".parquet", StringComparison.Ordinal) || f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_progress_logs_sources_and_failed_pages()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        await new PipelineRunner(Config(null, "a"), _ => new StatelessIngestion((s, ct) => Pages(s, 2, ct)), Classify, null, new PlainRunProgress(output, errors, _clock), _clock).RunAsync(CancellationToken.None);

        Assert.Contains("2024-11-22T07:40:00Z source a: reading (files)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("source a: done: 2 documents (0 duplicates), 1 failed, 1 skipped", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("warning: source a: file:///corpus/a/broken.html: not HTML: binary content", errors.ToString(), StringComparison.Ordinal);
    }
}
