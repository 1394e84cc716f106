using System.Security.Cryptography;
using Discourse.Core.Configuration;
using Discourse.Core.Documents;
using Discourse.Dataset;
using Discourse.Dataset.Runs;
using Discourse.Parquet;

namespace Discourse.Cli.Running;

/// <summary>Reads the pages of one source as ingestion events.</summary>
internal delegate IAsyncEnumerable<IngestionEvent> SourceReader(SourceConfig source, CancellationToken ct);

/// <summary>Ingestion for one run, keeping its state in <c>stateDirectory</c>; disposed (state flushed) before the run ends.</summary>
internal interface IRunIngestion : IAsyncDisposable
{
    IAsyncEnumerable<IngestionEvent> IngestAsync(SourceConfig source, CancellationToken ct);
}

/// <summary>Creates the run's ingestion over the given state directory.</summary>
internal delegate IRunIngestion IngestionFactory(string stateDirectory);

/// <summary>Ingestion without state of its own: a reader function (tests, and sources that keep no state).</summary>
internal sealed class StatelessIngestion(SourceReader reader) : IRunIngestion
{
    public IAsyncEnumerable<IngestionEvent> IngestAsync(SourceConfig source, CancellationToken ct) => reader(source, ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>What a finished (or failed) run produced.</summary>
/// <param name="ExitCode">0 success, 1 the run failed, 2 bad configuration.</param>
/// <param name="Manifest">The run manifest, when the run got as far as locking the dataset.</param>
/// <param name="ManifestPath">Where the manifest was written, if it was.</param>
internal sealed record RunOutcome(int ExitCode, RunManifest? Manifest, string? ManifestPath);

/// <summary>
/// One run of the pipeline: every source through ingestion, every document through the classifier, into the dataset.
/// A source that stops with an error fails the run: its files are deleted (the dataset keeps only whole runs) and the
/// manifest says why. Pages that fail are not run failures: they are listed in the manifest. The ingestion state is
/// staged (<see cref="StagedState"/>) so that it only moves forward together with the dataset.
/// </summary>
internal sealed class PipelineRunner(
    PipelineConfig config,
    IngestionFactory createIngestion,
    Func<Document, LabelledDocument> classify,
    string? modelVersion,
    IRunProgress progress,
    TimeProvider clock)
{
    /// <summary>Runs the pipeline; never throws for run failures, which are reported and turned into the exit code.</summary>
    public async Task<RunOutcome> RunAsync(CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var runId = RunId.New(clock, Random.Shared);
        var header = new RunManifest
        {
            RunId = runId.Value,
            Status = "failed",
            StartedAt = started,
            FinishedAt = started,
            SoftwareVersion = DatasetWriteOptions.CurrentSoftwareVersion,
            ConfigPath = config.ConfigPath,
            ConfigSha256 = HashFile(config.ConfigPath),
            ModelPath = config.Model.Path,
            ModelVersion = modelVersion,
            Codec = config.Run.Codec,
        };
        var options = new DatasetWriteOptions
        {
            Codec = ParseCodec(config.Run.Codec),
            RowGroupBytes = config.Run.RowGroupBytes,
            MaxOpenFiles = config.Run.MaxOpenFiles,
            ModelVersion = modelVersion,
            Clock = clock,
        };
        DatasetWriter writer;
        try
        {
            writer = new DatasetWriter(config.OutputDir, runId, options);
        }
        catch (DatasetException ex)
        {
            progress.Error(ex.Message);
            return new RunOutcome(ExitCodes.Failure, null, null);
        }

        using (writer)
        {
            progress.Info($"run {runId}: {config.Sources.Count} source(s) into {config.OutputDir}");
            var recorder = new RunRecorder(config.Sources.Select(s => s.Id));
            StagedState staged;
            try
            {
                staged = StagedState.Begin(config.OutputDir, runId.Value);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                progress.Error($"Cannot stage the ingestion state in '{config.OutputDir}': {ex.Message} Fix: check the output folder's permissions and free space.");
                return new RunOutcome(ExitCodes.Failure, null, null);
            }

            string status;
            var ingestion = createIngestion(staged.Directory);
            await using (ingestion.ConfigureAwait(false))
            {
                status = await IngestAllAsync(ingestion, writer, recorder, ct).ConfigureAwait(false);
            }

            DatasetWriteResult? written = null;
            if (status == "succeeded")
            {
                try
                {
                    written = writer.Complete();
                    staged.Promote();
                }
                catch (DatasetException ex)
                {
                    recorder.RecordError(ex.Message);
                    status = "failed";
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The files are in place but the state is not: the next run will read these pages again.
                    recorder.RecordError($"The dataset files were written but the ingestion state could not be updated: {ex.Message}");
                    status = "failed";
                }
            }

            if (status != "succeeded" && written is null)
            {
                writer.Abandon();
                staged.Discard();
            }

            var manifest = recorder.Build(header with { Status = status, FinishedAt = clock.GetUtcNow() }, written);
            string? manifestPath = null;
            try
            {
                manifestPath = RunManifestStore.Write(config.OutputDir, manifest);
            }
            catch (DatasetException ex)
            {
                progress.Error(ex.Message);
                status = "failed";
            }

            foreach (var error in manifest.Errors)
            {
                progress.Error(error);
            }

            return new RunOutcome(status == "succeeded" ? ExitCodes.Success : ExitCodes.Failure, manifest, manifestPath);
        }
    }

    private async Task<string> IngestAllAsync(IRunIngestion ingestion, DatasetWriter writer, RunRecorder recorder, CancellationToken ct)
    {
        var limit = config.Run.MaxDocuments ?? long.MaxValue;
        foreach (var source in config.Sources)
        {
            if (recorder.Documents >= limit)
            {
                progress.Info($"max_documents ({limit}) reached; source '{source.Id}' not read");
                continue;
            }

            progress.SourceStarted(source);
            try
            {
                await foreach (var ingestionEvent in ingestion.IngestAsync(source, ct).WithCancellation(ct).ConfigureAwait(false))
                {
                    if (ingestionEvent is DocumentIngested ingested)
                    {
                        var labelled = classify(ingested.Document);
                        writer.Write(labelled);
                        recorder.RecordDocument(labelled);
                        progress.DocumentWritten(labelled);
                        if (recorder.Documents >= limit)
                        {
                            break;
                        }
                    }
                    else
                    {
                        recorder.RecordPage(ingestionEvent);
                        progress.PageNotWritten(ingestionEvent);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                recorder.RecordError("the run was cancelled; no files were added to the dataset");
                return "cancelled";
            }
            catch (DatasetException ex)
            {
                recorder.RecordError(ex.Message);
                return "failed";
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A source that breaks off must not leave half of itself in the dataset: the whole run is dropped.
                recorder.RecordSourceError(source.Id, $"{ex.GetType().Name}: {ex.Message}; no files of this run were added to the dataset");
                progress.SourceFinished(source, recorder.Sources().First(s => s.Id == source.Id));
                return "failed";
            }

            progress.SourceFinished(source, recorder.Sources().First(s => s.Id == source.Id));
        }

        return "succeeded";
    }

    private static ParquetCodec ParseCodec(string codec) => codec switch
    {
        "snappy" => ParquetCodec.Snappy,
        "gzip" => ParquetCodec.Gzip,
        "uncompressed" => ParquetCodec.Uncompressed,
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "The config loader admits only snappy, gzip and uncompressed."),
    };

    private static string? HashFile(string path)
    {
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
