namespace Discourse.Dataset.Runs;

/// <summary>
/// The record of one run, written to <c>_runs/&lt;run_id&gt;.json</c> (snake_case keys): what it read, what it wrote,
/// what failed and why. Written for failed runs too, so a failure is never silent.
/// </summary>
public sealed record RunManifest
{
    /// <summary>The run id, also in every row's run_id column.</summary>
    public required string RunId { get; init; }

    /// <summary><c>succeeded</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public required string Status { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run ended (UTC).</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>The version of the software that ran.</summary>
    public required string SoftwareVersion { get; init; }

    /// <summary>The dataset schema version of the files written.</summary>
    public string DatasetSchemaVersion { get; init; } = DatasetSchema.Version;

    /// <summary>The configuration file (absolute).</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Lowercase hex SHA-256 of the configuration file's bytes.</summary>
    public string? ConfigSha256 { get; init; }

    /// <summary>The model file used (absolute), if any.</summary>
    public string? ModelPath { get; init; }

    /// <summary>The model's version, also in every row's model_version column; null when nothing was classified.</summary>
    public string? ModelVersion { get; init; }

    /// <summary>The Parquet codec of the files.</summary>
    public string? Codec { get; init; }

    /// <summary>Rows written over all files (0 for a failed run: its files were not added).</summary>
    public long Rows { get; init; }

    /// <summary>The files the run added, relative to the dataset folder.</summary>
    public IReadOnlyList<DatasetFile> Files { get; init; } = [];

    /// <summary>Documents per framing whose label is true.</summary>
    public IReadOnlyDictionary<string, long> PositiveLabels { get; init; } = new Dictionary<string, long>();

    /// <summary>What each source yielded.</summary>
    public IReadOnlyList<SourceSummary> Sources { get; init; } = [];

    /// <summary>Every page that could not be read, with its reason.</summary>
    public IReadOnlyList<PageProblem> FailedPages { get; init; } = [];

    /// <summary>Run-level errors (a source that stopped, a write that failed); empty for a successful run.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Unfinished temporary files of killed earlier runs that this run deleted.</summary>
    public int StaleTemporaryFilesRemoved { get; init; }
}

/// <summary>What one source yielded in a run.</summary>
/// <param name="Id">The source id.</param>
/// <param name="Documents">Documents written (duplicates included: they are rows with duplicate_of set).</param>
/// <param name="Duplicates">Of those, documents with duplicate_of set.</param>
/// <param name="Failed">Pages that could not be read (listed in <see cref="RunManifest.FailedPages"/>).</param>
/// <param name="Skipped">Pages passed over on purpose (unchanged, outside the date window, excluded, robots.txt).</param>
/// <param name="SkippedByReason">The skipped pages counted by reason.</param>
/// <param name="Error">Why the source stopped before its end, or null when it was read to the end.</param>
public sealed record SourceSummary(string Id, long Documents, long Duplicates, long Failed, long Skipped, IReadOnlyDictionary<string, long> SkippedByReason, string? Error);

/// <summary>A page that could not be read.</summary>
/// <param name="SourceId">The source.</param>
/// <param name="Location">The URL or file.</param>
/// <param name="Reason">Why.</param>
public sealed record PageProblem(string SourceId, string Location, string Reason);
