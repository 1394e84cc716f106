using Discourse.Core.Documents;
using Discourse.Parquet;

namespace Discourse.Dataset;

/// <summary>A file the run added to the dataset.</summary>
/// <param name="Path">Path relative to the dataset folder, '/'-separated, e.g. <c>documents/year=2016/month=06/part-…-0.parquet</c>.</param>
/// <param name="Partition">The partition, e.g. <c>year=2016/month=06</c>.</param>
/// <param name="Rows">Rows in the file.</param>
/// <param name="Bytes">Size of the file in bytes.</param>
public sealed record DatasetFile(string Path, string Partition, long Rows, long Bytes);

/// <summary>What <see cref="DatasetWriter.Complete"/> put into the dataset.</summary>
/// <param name="Files">The files, in partition then sequence order.</param>
/// <param name="Rows">Rows over all files.</param>
/// <param name="StaleTemporaryFilesRemoved">Unfinished temporary files of killed earlier runs that were deleted.</param>
public sealed record DatasetWriteResult(IReadOnlyList<DatasetFile> Files, long Rows, int StaleTemporaryFilesRemoved);

/// <summary>
/// Writes labelled documents into a month-partitioned Parquet dataset (layout in <see cref="DatasetLayout"/>). Files
/// are written under temporary names and renamed into place only by <see cref="Complete"/>; disposing without
/// completing deletes them, so readers never see a partial file or a partial run. The writer holds the dataset's
/// <see cref="DatasetLock"/> from construction to disposal. Not thread-safe: one caller writes.
/// </summary>
public sealed class DatasetWriter : IDisposable
{
    private readonly string _outputDir;
    private readonly RunId _runId;
    private readonly DatasetWriteOptions _options;
    private readonly DatasetLock _lock;
    private readonly Dictionary<string, Part> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nextSequence = new(StringComparer.Ordinal);
    private readonly List<Part> _finished = [];
    private readonly int _staleRemoved;
    private long _useCounter;
    private bool _completed;
    private bool _abandoned;
    private bool _disposed;

    /// <summary>Locks <paramref name="outputDir"/> (creating it if needed) and prepares to write the run's files.</summary>
    /// <exception cref="DatasetException">The folder cannot be created or written, or another run is writing to it.</exception>
    public DatasetWriter(string outputDir, RunId runId, DatasetWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxOpenFiles, 1);
        _outputDir = Path.GetFullPath(outputDir);
        _runId = runId;
        _options = options;
        _lock = DatasetLock.Acquire(_outputDir, runId, options.Clock);
        try
        {
            Directory.CreateDirectory(Path.Combine(_outputDir, DatasetLayout.DocumentsFolder));
            _staleRemoved = RemoveStaleTemporaryFiles();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _lock.Dispose();
            throw new DatasetException($"Cannot write to the output folder '{_outputDir}': {ex.Message}", "Choose a writable folder with --output, or fix its permissions.", ex);
        }
    }

    /// <summary>The dataset folder (absolute).</summary>
    public string OutputDir => _outputDir;

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Appends a document to the file of its publication month.</summary>
    /// <exception cref="DatasetException">The file could not be written (disk full, I/O error).</exception>
    public void Write(LabelledDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed || _abandoned)
        {
            throw new InvalidOperationException("The dataset writer is complete or abandoned; start a new run to write more documents.");
        }

        var partition = DatasetLayout.Partition(document.Document.PublishedAt);
        var row = DatasetSchema.ToRow(document, _runId);
        var part = _open.TryGetValue(partition, out var existing) ? existing : Open(partition);
        part.LastUse = ++_useCounter;
        try
        {
            part.Writer.WriteRow(row);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"Writing {part.TemporaryPath} failed: {ex.Message}", "Check free disk space and the output folder; the run's files were not added to the dataset.", ex);
        }

        part.Rows++;
        Rows++;
    }

    /// <summary>Finishes every file and renames it into place; returns what was added.</summary>
    /// <exception cref="DatasetException">A file could not be finished or renamed; no unfinished file is left in the dataset.</exception>
    public DatasetWriteResult Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed || _abandoned)
        {
            throw new InvalidOperationException("Complete was already called, or the run was abandoned.");
        }

        foreach (var partition in _open.Keys.ToList())
        {
            Finish(partition);
        }

        var files = new List<DatasetFile>();
        foreach (var part in _finished.OrderBy(p => p.Partition, StringComparer.Ordinal).ThenBy(p => p.Sequence))
        {
            try
            {
                // No overwrite: a run id is unique, so an existing file would mean a bug, and data is never replaced.
                File.Move(part.TemporaryPath, part.FinalPath, overwrite: false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new DatasetException($"Cannot move {part.TemporaryPath} into place as {part.FinalPath}: {ex.Message}", "Check the output folder's permissions and free space, then run again.", ex);
            }

            part.Renamed = true;
            var relative = Path.GetRelativePath(_outputDir, part.FinalPath).Replace(Path.DirectorySeparatorChar, '/');
            files.Add(new DatasetFile(relative, part.Partition, part.Rows, new FileInfo(part.FinalPath).Length));
        }

        _completed = true;
        return new DatasetWriteResult(files, Rows, _staleRemoved);
    }

    /// <summary>
    /// Gives the run up: deletes every file of this run (nothing is added to the dataset) but keeps the lock until
    /// <see cref="Dispose"/>, so a failed run can still write its manifest undisturbed.
    /// </summary>
    public void Abandon()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _abandoned = true;
        foreach (var part in _open.Values)
        {
            // Abandoned on purpose: the footer is never written, and the file is deleted just below.
            part.Writer.Dispose();
            part.Stream.Dispose();
            TryDelete(part.TemporaryPath);
        }

        _open.Clear();
        foreach (var part in _finished.Where(p => !p.Renamed))
        {
            TryDelete(part.TemporaryPath);
        }
    }

    /// <summary>Releases the lock; without <see cref="Complete"/> every file of this run is deleted first.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        if (!_completed)
        {
            Abandon();
        }

        _disposed = true;
        _lock.Dispose();
    }

    private Part Open(string partition)
    {
        if (_open.Count >= _options.MaxOpenFiles)
        {
            Finish(_open.MinBy(p => p.Value.LastUse).Key);
        }

        var folder = Path.Combine(_outputDir, DatasetLayout.DocumentsFolder, partition.Replace('/', Path.DirectorySeparatorChar));
        var sequence = _nextSequence.GetValueOrDefault(partition);
        _nextSequence[partition] = sequence + 1;
        var temporary = Path.Combine(folder, DatasetLayout.TemporaryFileName(_runId, sequence));
        Stream? stream = null;
        try
        {
            Directory.CreateDirectory(folder);
            stream = _options.OpenFile(temporary);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [MetadataKeys.SchemaVersion] = DatasetSchema.Version,
                [MetadataKeys.SoftwareVersion] = _options.SoftwareVersion,
                [MetadataKeys.RunId] = _runId.Value,
                [MetadataKeys.Partition] = partition,
            };
            if (_options.ModelVersion is { } model)
            {
                metadata[MetadataKeys.ModelVersion] = model;
            }

            var writer = new ParquetFileWriter(stream, DatasetSchema.ParquetSchema, new ParquetWriteOptions
            {
                Codec = _options.Codec,
                RowGroupBytes = _options.RowGroupBytes,
                KeyValueMetadata = metadata,
                CreatedBy = $"discourse version {_options.SoftwareVersion}",
            });
            var part = new Part(partition, sequence, temporary, Path.Combine(folder, DatasetLayout.FileName(_runId, sequence)), stream, writer);
            _open[partition] = part;
            return part;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stream?.Dispose();
            TryDelete(temporary);
            throw new DatasetException($"Cannot create {temporary}: {ex.Message}", "Choose a writable folder with --output, or free space on its disk.", ex);
        }
    }

    private void Finish(string partition)
    {
        var part = _open[partition];
        try
        {
            part.Writer.Complete();
            part.Stream.Flush();
            if (part.Stream is FileStream file)
            {
                // The rename must never publish a file whose bytes are still only in the page cache.
                file.Flush(flushToDisk: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"Finishing {part.TemporaryPath} failed: {ex.Message}", "Check free disk space and the output folder; the run's files were not added to the dataset.", ex);
        }

        part.Writer.Dispose();
        part.Stream.Dispose();
        _open.Remove(partition);
        _finished.Add(part);
    }

    private int RemoveStaleTemporaryFiles()
    {
        // We hold the lock, so every temporary file here belongs to a run that was killed before it finished.
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_outputDir, DatasetLayout.DocumentsFolder), ".part-*" + DatasetLayout.TemporarySuffix, SearchOption.AllDirectories))
        {
            File.Delete(file);
            removed++;
        }

        return removed;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temporary file that cannot be deleted is still invisible to readers; the next run removes it.
        }
    }

    /// <summary>One part file of the run: open while rows go in, then finished and waiting for its rename.</summary>
    private sealed class Part(string partition, int sequence, string temporaryPath, string finalPath, Stream stream, ParquetFileWriter writer)
    {
        public string Partition { get; } = partition;

        public int Sequence { get; } = sequence;

        public string TemporaryPath { get; } = temporaryPath;

        public string FinalPath { get; } = finalPath;

        public Stream Stream { get; } = stream;

        public ParquetFileWriter Writer { get; } = writer;

        public long Rows { get; set; }

        public long LastUse { get; set; }

        public bool Renamed { get; set; }
    }
}
