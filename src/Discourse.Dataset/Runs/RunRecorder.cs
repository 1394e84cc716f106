using Discourse.Core.Documents;

namespace Discourse.Dataset.Runs;

/// <summary>Counts what happens during a run (per source: documents, duplicates, failures, skips) and builds its <see cref="RunManifest"/>.</summary>
public sealed class RunRecorder
{
    private readonly Dictionary<string, SourceCounts> _sources = new(StringComparer.Ordinal);
    private readonly List<PageProblem> _failedPages = [];
    private readonly List<string> _errors = [];
    private readonly Dictionary<string, long> _positives = FramingNames.All.ToDictionary(f => f.Name(), _ => 0L, StringComparer.Ordinal);

    /// <summary>Registers the sources up front so that a source yielding nothing still appears, in config order.</summary>
    public RunRecorder(IEnumerable<string> sourceIds)
    {
        foreach (var id in sourceIds)
        {
            _sources[id] = new SourceCounts();
        }
    }

    /// <summary>Documents recorded so far.</summary>
    public long Documents => _sources.Values.Sum(s => s.Documents);

    /// <summary>Failed pages recorded so far.</summary>
    public long FailedPages => _failedPages.Count;

    /// <summary>Skipped pages recorded so far.</summary>
    public long SkippedPages => _sources.Values.Sum(s => s.SkippedByReason.Values.Sum());

    /// <summary>Run-level errors recorded so far.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Counts a page that failed or was skipped (documents are counted by <see cref="RecordDocument"/> once written).</summary>
    public void RecordPage(IngestionEvent ingestionEvent)
    {
        var counts = For(ingestionEvent.SourceId);
        switch (ingestionEvent)
        {
            case PageFailed failed:
                counts.Failed++;
                _failedPages.Add(new PageProblem(failed.SourceId, failed.Location, failed.Reason));
                break;
            case PageSkipped skipped:
                counts.SkippedByReason[skipped.Reason] = counts.SkippedByReason.GetValueOrDefault(skipped.Reason) + 1;
                break;
        }
    }

    /// <summary>Counts a document written to the dataset.</summary>
    public void RecordDocument(LabelledDocument document)
    {
        var counts = For(document.Document.Source.Id);
        counts.Documents++;
        if (document.Document.DuplicateOf is not null)
        {
            counts.Duplicates++;
        }

        foreach (var score in document.Scores.Where(s => s.Label))
        {
            _positives[score.Framing.Name()]++;
        }
    }

    /// <summary>Records that a source stopped before its end.</summary>
    public void RecordSourceError(string sourceId, string error)
    {
        For(sourceId).Error = error;
        _errors.Add($"source '{sourceId}': {error}");
    }

    /// <summary>Records a run-level error.</summary>
    public void RecordError(string error) => _errors.Add(error);

    /// <summary>The per-source summaries, in registration order.</summary>
    public IReadOnlyList<SourceSummary> Sources() =>
        _sources.Select(pair => new SourceSummary(
            pair.Key,
            pair.Value.Documents,
            pair.Value.Duplicates,
            pair.Value.Failed,
            pair.Value.SkippedByReason.Values.Sum(),
            new SortedDictionary<string, long>(pair.Value.SkippedByReason, StringComparer.Ordinal),
            pair.Value.Error)).ToList();

    /// <summary>Builds the manifest; status, times and files come from the caller, the counts from what was recorded.</summary>
    public RunManifest Build(RunManifest header, DatasetWriteResult? written) => header with
    {
        Rows = written?.Rows ?? 0,
        Files = written?.Files ?? [],
        StaleTemporaryFilesRemoved = written?.StaleTemporaryFilesRemoved ?? 0,
        PositiveLabels = new Dictionary<string, long>(_positives, StringComparer.Ordinal),
        Sources = Sources(),
        FailedPages = _failedPages.ToList(),
        Errors = _errors.ToList(),
    };

    private SourceCounts For(string sourceId)
    {
        if (!_sources.TryGetValue(sourceId, out var counts))
        {
            counts = new SourceCounts();
            _sources[sourceId] = counts;
        }

        return counts;
    }

    private sealed class SourceCounts
    {
        public long Documents { get; set; }

        public long Duplicates { get; set; }

        public long Failed { get; set; }

        public Dictionary<string, long> SkippedByReason { get; } = new(StringComparer.Ordinal);

        public string? Error { get; set; }
    }
}
