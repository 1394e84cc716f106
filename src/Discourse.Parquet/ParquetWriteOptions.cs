namespace Discourse.Parquet;

/// <summary>Settings for <see cref="ParquetFileWriter"/>.</summary>
public sealed class ParquetWriteOptions
{
    /// <summary>The page compression codec (default Snappy).</summary>
    public ParquetCodec Codec { get; init; } = ParquetCodec.Snappy;

    /// <summary>
    /// A row group is closed once its buffered, uncompressed size reaches this many bytes (default 128 MiB). The writer
    /// holds one row group in memory, so this bounds its memory use.
    /// </summary>
    public long RowGroupBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Target uncompressed page size (default 1 MiB); pages end on row boundaries.</summary>
    public int PageBytes { get; init; } = 1024 * 1024;

    /// <summary>Dictionary-encode columns whose values repeat (default true); a column falls back to PLAIN when its dictionary would exceed <see cref="MaxDictionaryBytes"/> or saves nothing.</summary>
    public bool Dictionary { get; init; } = true;

    /// <summary>The largest dictionary per column chunk, in bytes (default 1 MiB).</summary>
    public int MaxDictionaryBytes { get; init; } = 1024 * 1024;

    /// <summary>Key-value pairs stored in the file footer (e.g. schema version, run id).</summary>
    public IReadOnlyDictionary<string, string> KeyValueMetadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The footer's <c>created_by</c> text.</summary>
    public string CreatedBy { get; init; } = "discourse-parquet version " + (typeof(ParquetWriteOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    internal void Validate()
    {
        if (RowGroupBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RowGroupBytes), RowGroupBytes, "RowGroupBytes must be positive.");
        }

        if (PageBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PageBytes), PageBytes, "PageBytes must be positive.");
        }

        if (!Enum.IsDefined(Codec))
        {
            throw new ArgumentOutOfRangeException(nameof(Codec), Codec, "Unknown codec.");
        }
    }
}
